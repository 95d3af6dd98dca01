package io.flussjava.client.admin;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The latest KV snapshot of every bucket of a primary-key table, or of one partition of it ({@link
 * Admin#getLatestKvSnapshots}). A bucket the server has not snapshotted yet has none.
 *
 * @param tableId the table's id
 * @param partitionId the partition's id, when the snapshots are of one partition
 * @param buckets every bucket the server reported, with or without a snapshot
 * @param snapshots the buckets that have a snapshot, by bucket id
 */
public record KvSnapshots(
    long tableId,
    OptionalLong partitionId,
    List<Integer> buckets,
    Map<Integer, KvSnapshot> snapshots) {

  public KvSnapshots {
    buckets = List.copyOf(buckets);
    snapshots = Map.copyOf(snapshots);
  }

  /** The bucket's latest snapshot, or empty when it has none yet. */
  public Optional<KvSnapshot> latest(int bucket) {
    return Optional.ofNullable(snapshots.get(bucket));
  }
}
