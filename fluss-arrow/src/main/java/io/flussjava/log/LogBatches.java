package io.flussjava.log;

import io.flussjava.log.internal.LogBatchHeader;
import java.nio.ByteBuffer;

/** Helpers for already built log record batches. */
public final class LogBatches {
  private LogBatches() {}

  /**
   * Rewrites the writer id and batch sequence of a built batch in place and recomputes its CRC, for instance when an
   * idempotent writer retries a batch under a new sequence. {@code batch} spans exactly one batch from its position;
   * its position and limit are left unchanged. Works for magic V0 and V1.
   *
   * @throws IllegalArgumentException if the buffer does not hold a whole batch or has an unknown magic byte
   */
  public static void assignWriter(ByteBuffer batch, long writerId, int batchSequence) {
    LogBatchHeader.assignWriter(batch, batch.position(), writerId, batchSequence);
  }

  /** The number of bytes of the batch starting at the buffer's position (its Length field + 12). */
  public static int sizeInBytes(ByteBuffer batch) {
    return LogBatchHeader.batchSize(batch, batch.position());
  }
}
