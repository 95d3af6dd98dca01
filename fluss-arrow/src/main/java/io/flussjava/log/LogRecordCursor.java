package io.flussjava.log;

/**
 * Reads the records of one fetched response a few at a time, for callers that hand them out in
 * portions (a poll of max-poll-records): records are decoded as they are taken, so a large response
 * never becomes a large heap of decoded rows waiting to be handed out. Obtained from {@link
 * LogBatchReader#cursor}; not thread-safe.
 */
public interface LogRecordCursor extends AutoCloseable {
  /**
   * Hands the next records, at most {@code max}, to {@code consumer}, in offset order.
   *
   * @return how many records were handed out; 0 once every record was
   * @throws CorruptRecordException if a batch fails its CRC check (when enabled) or cannot be
   *     decoded
   * @throws IllegalStateException if the reader has since been used for another response
   */
  int read(int max, LogRecordConsumer consumer);

  /** Drops the rest of the records. Idempotent. */
  @Override
  void close();
}
