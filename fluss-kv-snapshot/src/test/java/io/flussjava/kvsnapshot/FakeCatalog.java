package io.flussjava.kvsnapshot;

import io.flussjava.client.TableBucket;
import io.flussjava.client.admin.KvSnapshot;
import io.flussjava.client.admin.KvSnapshotMetadata;
import io.flussjava.client.admin.KvSnapshots;
import io.flussjava.exception.KvSnapshotNotExistException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A catalog of snapshots of one unpartitioned table: per bucket, the latest snapshots it answers
 * one after another (the last one for ever after), the metadata of each snapshot id, and which
 * snapshots can no longer be held.
 */
final class FakeCatalog implements SnapshotCatalog {
  static final long TABLE_ID = 7;

  private final int buckets;
  private final Map<Integer, Deque<KvSnapshotMetadata>> latest = new HashMap<>();
  private final Map<Long, KvSnapshotMetadata> metadata = new HashMap<>();
  private final Set<Long> deleted = new HashSet<>();

  /** The buckets held now. */
  final Set<TableBucket> held = new HashSet<>();

  int latestCalls;
  int holds;
  boolean closed;

  FakeCatalog(int buckets) {
    this.buckets = buckets;
  }

  static TableBucket bucket(int b) {
    return TableBucket.of(TABLE_ID, b);
  }

  /** Answers {@code snapshot} as the bucket's latest (after the ones added before). */
  FakeCatalog latest(KvSnapshotMetadata snapshot) {
    latest.computeIfAbsent(snapshot.bucket().bucket(), b -> new ArrayDeque<>()).add(snapshot);
    metadata.put(snapshot.snapshotId(), snapshot);
    return this;
  }

  /** Forgets a snapshot's metadata, as the server does once a newer snapshot replaced it. */
  FakeCatalog forget(long snapshotId) {
    metadata.remove(snapshotId);
    return this;
  }

  /** Refuses to hold the snapshot, as a lease does for one deleted already. */
  FakeCatalog deleted(long snapshotId) {
    deleted.add(snapshotId);
    return this;
  }

  @Override
  public boolean hold(TableBucket bucket, long snapshotId) {
    holds++;
    if (deleted.contains(snapshotId)) {
      return false;
    }
    held.add(bucket);
    return true;
  }

  @Override
  public void release(TableBucket bucket) {
    held.remove(bucket);
  }

  @Override
  public void close() {
    held.clear();
    closed = true;
  }

  @Override
  public KvSnapshots latest(String partitionName) {
    latestCalls++;
    List<Integer> all = new ArrayList<>();
    Map<Integer, KvSnapshot> snapshots = new HashMap<>();
    for (int b = 0; b < buckets; b++) {
      all.add(b);
      Deque<KvSnapshotMetadata> answers = latest.get(b);
      if (answers != null) {
        KvSnapshotMetadata s = answers.size() > 1 ? answers.poll() : answers.peek();
        snapshots.put(b, new KvSnapshot(s.bucket(), s.snapshotId(), s.logOffset()));
      }
    }
    return new KvSnapshots(TABLE_ID, OptionalLong.empty(), all, snapshots);
  }

  @Override
  public KvSnapshotMetadata metadata(TableBucket bucket, long snapshotId) {
    KvSnapshotMetadata m = metadata.get(snapshotId);
    if (m == null) {
      throw new KvSnapshotNotExistException("no snapshot " + snapshotId + " of " + bucket);
    }
    return m;
  }
}
