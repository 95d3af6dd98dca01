package io.flussjava.client.scan.internal;

import io.flussjava.log.CorruptRecordException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Walks a value record batch, the form in which a LimitScan answer carries a primary-key table's
 * current rows: an int32 length of the rest, a magic byte and an int32 record count, then per
 * record an int32 length and that many bytes of stored value (schema id and row). All integers are
 * little-endian. Malformed bytes fail with a {@link CorruptRecordException}, never a partial row.
 */
final class ValueRecordBatch {
  private static final int HEADER_SIZE = 4 + 1 + 4;

  /** Receives each record's value as a range of the batch's bytes. */
  interface ValueConsumer {
    void accept(byte[] bytes, int offset, int length);
  }

  private ValueRecordBatch() {}

  /** Hands each value of {@code batch} to {@code consumer}; an empty array holds no values. */
  static void forEach(byte[] batch, ValueConsumer consumer) {
    if (batch.length == 0) {
      return;
    }
    ByteBuffer in = ByteBuffer.wrap(batch).order(ByteOrder.LITTLE_ENDIAN);
    if (batch.length < HEADER_SIZE || in.getInt(0) + 4 != batch.length) {
      throw corrupt("its length field does not match the " + batch.length + " bytes received");
    }
    int count = in.getInt(5);
    int position = HEADER_SIZE;
    for (int i = 0; i < count; i++) {
      if (position + 4 > batch.length) {
        throw corrupt("record " + i + " of " + count + " lies past its end");
      }
      int length = in.getInt(position);
      position += 4;
      if (length < 0 || position + length > batch.length) {
        throw corrupt("record " + i + " claims " + length + " bytes");
      }
      consumer.accept(batch, position, length);
      position += length;
    }
    if (position != batch.length) {
      throw corrupt((batch.length - position) + " bytes follow its " + count + " records");
    }
  }

  private static CorruptRecordException corrupt(String what) {
    // No log offset applies: the batch holds rows of the key-value store.
    return new CorruptRecordException(
        -1, "the value record batch of a limit scan is damaged: " + what);
  }
}
