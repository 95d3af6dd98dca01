package io.flussjava.client.scan;

import io.flussjava.client.TableBucket;
import io.flussjava.log.ChangeType;
import java.util.Objects;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * One log batch of one bucket as Arrow vectors, from {@link LogScanner#pollBatches}: every row of
 * {@link #root()} is a record, row {@code i} at log offset {@code baseOffset() + i}. The columns
 * are the scan's (the projection, in the asked order, or all columns), typed as {@code
 * io.flussjava.arrow.ArrowSchemas} maps the table's types; registered {@code TypeConverters} do not
 * apply here.
 *
 * <p>The root belongs to the {@link ArrowScanBatches} it came in and is valid until that is closed
 * (explicitly, or by the scanner's next poll or its close). Copy what must live longer; do not
 * close the root yourself.
 */
public final class ArrowScanBatch {
  private final TableBucket bucket;
  private final VectorSchemaRoot root;
  private final long baseOffset;
  private final long commitTimestamp;
  private final ChangeType[] changeTypes;

  /**
   * @param changeTypes the change type of each row, or null when every row is an append ({@link
   *     ChangeType#APPEND_ONLY})
   */
  public ArrowScanBatch(
      TableBucket bucket,
      VectorSchemaRoot root,
      long baseOffset,
      long commitTimestamp,
      ChangeType[] changeTypes) {
    this.bucket = Objects.requireNonNull(bucket, "bucket");
    this.root = Objects.requireNonNull(root, "root");
    this.baseOffset = baseOffset;
    this.commitTimestamp = commitTimestamp;
    if (changeTypes != null && changeTypes.length != root.getRowCount()) {
      throw new IllegalArgumentException(
          changeTypes.length + " change types for " + root.getRowCount() + " rows");
    }
    this.changeTypes = changeTypes;
  }

  /** The batch's table, partition and bucket. */
  public TableBucket tableBucket() {
    return bucket;
  }

  public int bucket() {
    return bucket.bucket();
  }

  /** The partition id, or {@link TableBucket#NO_PARTITION} for unpartitioned tables. */
  public long partitionId() {
    return bucket.partitionId();
  }

  /** The records' columns; valid until the owning {@link ArrowScanBatches} is closed. */
  public VectorSchemaRoot root() {
    return root;
  }

  /** The number of records (rows of {@link #root()}). */
  public int rowCount() {
    return root.getRowCount();
  }

  /** The log offset of row 0. */
  public long baseOffset() {
    return baseOffset;
  }

  /** The log offset of a row. */
  public long offsetOf(int row) {
    return baseOffset + row;
  }

  /** The log offset of the last row. */
  public long lastOffset() {
    return baseOffset + rowCount() - 1;
  }

  /** When the server committed the batch, epoch milliseconds. */
  public long commitTimestamp() {
    return commitTimestamp;
  }

  /**
   * What a row means: {@code +A} for appends, {@code +I/-U/+U/-D} in a primary-key table's
   * changelog.
   */
  public ChangeType changeType(int row) {
    Objects.checkIndex(row, rowCount());
    return changeTypes == null ? ChangeType.APPEND_ONLY : changeTypes[row];
  }

  @Override
  public String toString() {
    return "ArrowScanBatch{" + bucket + ", offsets " + baseOffset + ".." + lastOffset() + "}";
  }
}
