package io.flussjava.log;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The cursor of readers that decode a whole response at once ({@link LogBatchReader#cursor}'s
 * default): the records are decoded up front and handed out in portions.
 */
final class EagerRecordCursor implements LogRecordCursor {
  private record Decoded(long offset, long timestamp, ChangeType changeType, Object[] row) {}

  private final List<Decoded> records = new ArrayList<>();
  private int next;

  EagerRecordCursor(LogBatchReader reader, ByteBuffer bytes, long fetchOffset) {
    reader.read(
        bytes,
        fetchOffset,
        (offset, timestamp, type, row) -> records.add(new Decoded(offset, timestamp, type, row)));
  }

  @Override
  public int read(int max, LogRecordConsumer consumer) {
    int n = Math.min(max, records.size() - next);
    for (int i = 0; i < n; i++, next++) {
      Decoded r = records.set(next, null); // handed out: let it go
      consumer.accept(r.offset(), r.timestamp(), r.changeType(), r.row());
    }
    return n;
  }

  @Override
  public void close() {
    records.clear();
    next = 0;
  }
}
