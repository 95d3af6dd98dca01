package io.flussjava.log;

import java.nio.ByteBuffer;

/**
 * Builds log record batches of one table, one at a time. Not thread-safe. Reused across batches:
 * fill it with {@link #tryAppend}, take the bytes with {@link #build}, send them, then {@link
 * #reset()} it for the next batch. The writer owns its memory until {@link #close()}.
 */
public interface LogBatchWriter extends AutoCloseable {
  /**
   * Adds a record unless the batch is full.
   *
   * @param changeType APPEND_ONLY for log tables, one of the others for primary-key changelogs
   * @param row canonical Java values (see {@code io.flussjava.types.convert}), one per column of
   *     the table's row type; the writer does not keep the array
   * @return false, without adding anything, when the batch's estimated size would exceed the
   *     target; the first record of a batch is always accepted
   * @throws IllegalStateException after {@link #build} and before {@link #reset()}
   * @throws io.flussjava.exception.InvalidRowException if a value does not fit its column
   */
  boolean tryAppend(ChangeType changeType, Object[] row);

  /** Records added since the last reset. */
  int recordCount();

  /** The estimated size of the batch {@link #build} would return now, header included. */
  int estimatedSizeInBytes();

  /**
   * Finishes the batch: one complete magic-V0 log record batch with base offset 0, commit timestamp
   * 0 and a valid CRC-32C. Call once per batch.
   *
   * @param schemaId the id of the table schema the rows follow
   * @param writerId the idempotent writer id, or -1
   * @param batchSequence the batch's sequence number for that writer, or -1
   * @return a buffer holding exactly the batch, from its position to its limit; valid until {@link
   *     #reset()} or {@link #close()}
   */
  ByteBuffer build(int schemaId, long writerId, int batchSequence);

  /**
   * Forgets the current batch (built or not) and starts a new one, keeping buffers and vectors for
   * reuse.
   */
  void reset();

  /** Frees all memory; the writer cannot be used afterwards. Idempotent. */
  @Override
  void close();
}
