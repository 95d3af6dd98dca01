package io.flussjava.client.write.internal;

/** One bucket of one table (or of one partition of it; {@code partitionId} is -1 for unpartitioned tables). */
public record TableBucket(long tableId, long partitionId, int bucket) {
  public static final long NO_PARTITION = -1L;

  public static TableBucket of(long tableId, int bucket) {
    return new TableBucket(tableId, NO_PARTITION, bucket);
  }

  @Override
  public String toString() {
    return "table " + tableId + (partitionId == NO_PARTITION ? "" : " partition " + partitionId) + " bucket " + bucket;
  }
}
