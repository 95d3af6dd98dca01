package io.flussjava.log;

import java.nio.ByteBuffer;

/**
 * Decodes the {@code records} of a FetchLog response: log record batches back to back, magic V0 or
 * V1. Not thread-safe; reused across fetches. Neither read method changes the given buffer's
 * position or limit.
 *
 * <p>Both read methods skip what a fetch may legitimately contain besides wanted records: records
 * of the first batch lying before the fetch offset, and a trailing batch cut short by the fetch
 * size. They return the offset to fetch next: one past the last offset of the last complete batch,
 * or -1 if the bytes held no complete batch.
 */
public interface LogBatchReader extends AutoCloseable {
  /**
   * Hands every record at or after {@code fetchOffset} to {@code consumer}, as canonical Java
   * values.
   *
   * @return the next fetch offset, or -1 if there was no complete batch
   * @throws CorruptRecordException if a batch fails its CRC check (when enabled) or cannot be
   *     decoded
   */
  long read(ByteBuffer records, long fetchOffset, LogRecordConsumer consumer);

  /**
   * Hands each ARROW batch that has records at or after {@code fetchOffset} to {@code consumer} as
   * Arrow vectors, without converting values. Only the ARROW format supports this.
   *
   * @return the next fetch offset, or -1 if there was no complete batch
   * @throws UnsupportedOperationException for formats other than ARROW
   * @throws CorruptRecordException if a batch fails its CRC check (when enabled) or cannot be
   *     decoded
   */
  default long readArrow(ByteBuffer records, long fetchOffset, ArrowBatchConsumer consumer) {
    throw new UnsupportedOperationException(
        "readArrow needs the ARROW log format; this reader decodes " + this);
  }

  /**
   * A cursor over the records at or after {@code fetchOffset}, decoded as they are taken. One
   * cursor of a reader is usable at a time: once another is opened or a read method is called, an
   * earlier cursor may fail with an {@code IllegalStateException}. The default decodes the whole
   * response at once; readers that can stop mid-batch decode only what is taken.
   *
   * @throws CorruptRecordException if a batch fails its CRC check (when enabled) or cannot be
   *     decoded
   */
  default LogRecordCursor cursor(ByteBuffer records, long fetchOffset) {
    return new EagerRecordCursor(this, records, fetchOffset);
  }

  /** Frees all memory. Idempotent. */
  @Override
  void close();
}
