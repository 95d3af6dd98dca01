package io.flussjava.client.scan;

/**
 * One bucket a {@link LogScanner} reads: a bucket of an unpartitioned table ({@code partitionId} is {@link
 * #NO_PARTITION}) or a bucket of one partition of a partitioned table. The key {@link ScanRecords} groups by.
 *
 * <pre>{@code
 * for (ScanBucket b : records.scanBuckets()) {
 *   System.out.println("partition " + b.partitionId() + " bucket " + b.bucket() + ": " + records.records(b).size());
 * }
 * }</pre>
 */
public record ScanBucket(long partitionId, int bucket) {
  /** The partition id of buckets of unpartitioned tables. */
  public static final long NO_PARTITION = -1L;

  /** A bucket of an unpartitioned table. */
  public static ScanBucket of(int bucket) {
    return new ScanBucket(NO_PARTITION, bucket);
  }

  /** A bucket of one partition. */
  public static ScanBucket of(long partitionId, int bucket) {
    return new ScanBucket(partitionId, bucket);
  }

  public boolean isPartitioned() {
    return partitionId != NO_PARTITION;
  }

  @Override
  public String toString() {
    return (isPartitioned() ? "partition " + partitionId + " " : "") + "bucket " + bucket;
  }
}
