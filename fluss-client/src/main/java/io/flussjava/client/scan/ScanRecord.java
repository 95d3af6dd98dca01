package io.flussjava.client.scan;

import io.flussjava.client.TableBucket;
import io.flussjava.log.ChangeType;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * One record read from a table's log: its bucket ({@link TableBucket}: table id, partition id for
 * partitioned tables, bucket), log offset, commit timestamp (epoch ms), change type ({@code +A} for
 * appends; {@code +I/-U/+U/-D} in a primary-key table's changelog) and its row as typed Java values
 * (see the README's type table) in column order, or in projection order for a projected scan.
 */
public final class ScanRecord {
  // Shared by every record of the bucket: a record costs no bucket object of its own.
  private final TableBucket bucket;
  private final long offset;
  private final long timestamp;
  private final ChangeType changeType;
  private final Object[] values;

  public ScanRecord(
      TableBucket bucket, long offset, long timestamp, ChangeType changeType, Object[] values) {
    this.bucket = java.util.Objects.requireNonNull(bucket, "bucket");
    this.offset = offset;
    this.timestamp = timestamp;
    this.changeType = changeType;
    this.values = values;
  }

  /** The record's table, partition and bucket. */
  public TableBucket tableBucket() {
    return bucket;
  }

  /** The bucket number. */
  public int bucket() {
    return bucket.bucket();
  }

  /**
   * The record's partition id, or {@link TableBucket#NO_PARTITION} (-1) for unpartitioned tables.
   */
  public long partitionId() {
    return bucket.partitionId();
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
