package io.flussjava.log;

/** Receives decoded log records, in offset order. */
@FunctionalInterface
public interface LogRecordConsumer {
  /**
   * @param offset the record's log offset
   * @param timestamp the batch's commit timestamp (epoch milliseconds, set by the server)
   * @param changeType what the record means
   * @param row canonical Java values (see {@code io.flussjava.types.convert}), one per read column;
   *     a fresh array the consumer may keep
   */
  void accept(long offset, long timestamp, ChangeType changeType, Object[] row);
}
