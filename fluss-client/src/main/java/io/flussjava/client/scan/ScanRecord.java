package io.flussjava.client.scan;

import io.flussjava.log.ChangeType;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * One record read from a table's log: its bucket (and partition id, for partitioned tables), log offset, commit timestamp (epoch ms), change type ({@code +A}
 * for appends; {@code +I/-U/+U/-D} in a primary-key table's changelog) and its row as typed Java values (see the
 * README's type table) in column order, or in projection order for a projected scan.
 */
public final class ScanRecord {
  private final long partitionId;
  private final int bucket;
  private final long offset;
  private final long timestamp;
  private final ChangeType changeType;
  private final Object[] values;

  public ScanRecord(int bucket, long offset, long timestamp, ChangeType changeType, Object[] values) {
    this(ScanBucket.NO_PARTITION, bucket, offset, timestamp, changeType, values);
  }

  /** A record of a bucket of one partition ({@code partitionId} -1 for unpartitioned tables). */
  public ScanRecord(
      long partitionId, int bucket, long offset, long timestamp, ChangeType changeType, Object[] values) {
    this.partitionId = partitionId;
    this.bucket = bucket;
    this.offset = offset;
    this.timestamp = timestamp;
    this.changeType = changeType;
    this.values = values;
  }

  public int bucket() {
    return bucket;
  }

  /** The id of the partition the record belongs to, or {@link ScanBucket#NO_PARTITION} (-1) for unpartitioned tables. */
  public long partitionId() {
    return partitionId;
  }

  /** The record's partition and bucket. */
  public ScanBucket scanBucket() {
    return new ScanBucket(partitionId, bucket);
  }

  public long offset() {
    return offset;
  }

  /** When the server committed the record's batch, epoch milliseconds. */
  public long timestamp() {
    return timestamp;
  }

  public ChangeType changeType() {
    return changeType;
  }

  /** The row's values, unmodifiable. */
  public List<Object> getRow() {
    return Collections.unmodifiableList(Arrays.asList(values));
  }

  /** The value of the {@code i}-th (projected) column. */
  public Object getValue(int i) {
    return values[i];
  }

  public int size() {
    return values.length;
  }

  @Override
  public String toString() {
    return changeType.shortString() + Arrays.toString(values) + "@" + offset;
  }
}
