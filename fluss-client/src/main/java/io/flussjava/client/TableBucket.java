package io.flussjava.client;

/**
 * One bucket of a table: the client's single bucket identity, used by writers, scanners, lookups,
 * offsets and results alike. {@code partitionId} is {@link #NO_PARTITION} for a bucket of an
 * unpartitioned table.
 *
 * <pre>{@code
 * for (TableBucket b : records.buckets()) {
 *   System.out.println(b + ": " + records.records(b).size());
 * }
 * }</pre>
 */
public record TableBucket(long tableId, long partitionId, int bucket) {
  /** The partition id of buckets of unpartitioned tables. */
  public static final long NO_PARTITION = -1L;

  /** A bucket of an unpartitioned table. */
  public static TableBucket of(long tableId, int bucket) {
    return new TableBucket(tableId, NO_PARTITION, bucket);
  }

  /** A bucket of one partition of a partitioned table. */
  public static TableBucket of(long tableId, long partitionId, int bucket) {
    return new TableBucket(tableId, partitionId, bucket);
  }

  public boolean isPartitioned() {
    return partitionId != NO_PARTITION;
  }

  @Override
  public String toString() {
    return "table "
        + tableId
        + (isPartitioned() ? " partition " + partitionId : "")
        + " bucket "
        + bucket;
  }
}
