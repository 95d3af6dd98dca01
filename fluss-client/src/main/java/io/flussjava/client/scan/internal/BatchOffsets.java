package io.flussjava.client.scan.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Reads only the headers of fetched log batches to learn where the next fetch starts, so that it can be sent
 * before the caller has decoded (or even looked at) these records.
 */
final class BatchOffsets {
  private static final int LENGTH_OFFSET = 8;
  private static final int MAGIC_OFFSET = 12;
  private static final int LOG_OVERHEAD = 12; // base offset + length field
  private static final int LAST_OFFSET_DELTA_V0 = 28;
  private static final int LAST_OFFSET_DELTA_V1 = 32;
  private static final int MIN_HEADER = 48;

  private BatchOffsets() {}

  /** The offset after the last complete batch, or -1 when the bytes hold no complete batch. */
  static long nextOffset(ByteBuffer records) {
    ByteBuffer b = records.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    int pos = b.position();
    int limit = b.limit();
    long next = -1;
    while (limit - pos >= MIN_HEADER) {
      long base = b.getLong(pos);
      int size = b.getInt(pos + LENGTH_OFFSET) + LOG_OVERHEAD;
      if (size < MIN_HEADER || limit - pos < size) {
        break; // a truncated last batch: the next fetch starts at it
      }
      int deltaAt = b.get(pos + MAGIC_OFFSET) == 0 ? LAST_OFFSET_DELTA_V0 : LAST_OFFSET_DELTA_V1;
      next = base + b.getInt(pos + deltaAt) + 1;
      pos += size;
    }
    return next;
  }
}
