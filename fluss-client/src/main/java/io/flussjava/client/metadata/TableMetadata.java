package io.flussjava.client.metadata;

import io.flussjava.client.admin.TableInfo;
import java.util.Map;
import java.util.Optional;

/**
 * A table's info plus the current leader (tablet server id) of each of its buckets; for a
 * partitioned table, its partitions as they were when this snapshot was fetched, each with its own
 * bucket leaders. Immutable.
 */
public final class TableMetadata {
  /** Leader id of a bucket whose leader is unknown (election in progress or not yet reported). */
  public static final int NO_LEADER = -1;

  /**
   * "Leader" of a bucket of a partition this snapshot does not know (created after it, or dropped).
   */
  public static final int UNKNOWN_PARTITION = -2;

  private final TableInfo info;
  private final int[] bucketLeaders;
  private final Map<Long, PartitionMetadata> partitionsById;
  private final Map<String, PartitionMetadata> partitionsByName;
  private final long fetchStartedNanos;

  TableMetadata(
      TableInfo info,
      int[] bucketLeaders,
      Map<Long, PartitionMetadata> partitionsById,
      Map<String, PartitionMetadata> partitionsByName,
      long fetchStartedNanos) {
    this.info = info;
    this.bucketLeaders = bucketLeaders;
    this.partitionsById = Map.copyOf(partitionsById);
    this.partitionsByName = Map.copyOf(partitionsByName);
    this.fetchStartedNanos = fetchStartedNanos;
  }

  public TableInfo info() {
    return info;
  }

  /** The leader's tablet-server id, or {@link #NO_LEADER}; for buckets of unpartitioned tables. */
  public int leaderOf(int bucket) {
    if (bucket < 0 || bucket >= bucketLeaders.length) {
      throw new IllegalArgumentException(
          "table "
              + info.getTablePath()
              + " has buckets 0.."
              + (bucketLeaders.length - 1)
              + ", not "
              + bucket);
    }
    return bucketLeaders[bucket];
  }

  /**
   * The leader of a bucket of a partition ({@code partitionId} -1: of the unpartitioned table),
   * {@link #NO_LEADER} while it has none, or {@link #UNKNOWN_PARTITION} when this snapshot does not
   * know the partition.
   */
  public int leaderOf(long partitionId, int bucket) {
    if (partitionId < 0) {
      return leaderOf(bucket);
    }
    PartitionMetadata p = partitionsById.get(partitionId);
    return p == null ? UNKNOWN_PARTITION : p.leaderOf(bucket);
  }

  public Optional<PartitionMetadata> partition(String partitionName) {
    return Optional.ofNullable(partitionsByName.get(partitionName));
  }

  public Optional<PartitionMetadata> partition(long partitionId) {
    return Optional.ofNullable(partitionsById.get(partitionId));
  }

  /** Every partition this snapshot knows (all of them when it was fetched). */
  public java.util.Collection<PartitionMetadata> partitions() {
    return partitionsById.values();
  }

  /**
   * Whether this snapshot was fetched after {@code nanos} (on the client's {@code Clock}), so that
   * a partition it does not know and that existed at that moment has been dropped since.
   */
  public boolean fetchedAfter(long nanos) {
    return fetchStartedNanos - nanos >= 0;
  }

  public int numBuckets() {
    return info.getNumBuckets();
  }
}
