package io.flussjava.log;

import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * One decoded ARROW log batch, handed to an {@link ArrowBatchConsumer}. The object and its {@link
 * #root()} are reused for the next batch, so they are valid only during the consumer call; copy (or
 * transfer) what must outlive it.
 */
public interface ArrowBatch {
  /**
   * The batch's vectors: the read columns (projected ones only, in projection order), all of the
   * batch's rows.
   */
  VectorSchemaRoot root();

  /** The offset of row 0. */
  long baseOffset();

  /** The batch's commit timestamp (epoch milliseconds). */
  long commitTimestamp();

  /** The schema id the batch was written with. */
  int schemaId();

  /** The first row to use: rows before it lie before the fetch offset. */
  int firstRow();

  /**
   * The number of rows in {@link #root()}; rows {@code [firstRow(), rowCount())} are the ones to
   * use.
   */
  int rowCount();

  /** The change type of a row. */
  ChangeType changeType(int row);

  /** The log offset of a row. */
  default long offsetOf(int row) {
    return baseOffset() + row;
  }
}
