package io.flussjava.log.internal;

import io.flussjava.log.RowDecoder;
import io.flussjava.log.RowEncoder;
import io.flussjava.log.ChangeType;
import io.flussjava.log.CorruptRecordException;
import io.flussjava.log.LogBatchReader;
import io.flussjava.log.LogRecordConsumer;
import java.nio.ByteBuffer;

/**
 * Reads batches of the row-oriented log formats (INDEXED, COMPACTED); see {@link RowLogBatchWriter} for the record
 * framing. A projection is applied on the client, after decoding whole rows.
 */
public final class RowLogBatchReader implements LogBatchReader {
  private static final int RECORD_FRAMING = 5; // int32 length + int8 change type

  private final String format;
  private final RowDecoder decoder;
  private final int[] projection;
  private final boolean verifyCrc;
  private final LogBatchIterator batches = new LogBatchIterator();
  private byte[] scratch = new byte[0];

  /**
   * @param projection the positions of the columns to hand out, or null for all
   */
  public RowLogBatchReader(String format, RowDecoder decoder, int[] projection, boolean verifyCrc) {
    this.format = format;
    this.decoder = decoder;
    this.projection = projection;
    this.verifyCrc = verifyCrc;
  }

  @Override
  public long read(ByteBuffer records, long fetchOffset, LogRecordConsumer consumer) {
    batches.reset(records);
    long nextOffset = -1;
    while (batches.next()) {
      if (verifyCrc) {
        batches.verifyCrc();
      }
      nextOffset = batches.nextOffset();
      long baseOffset = batches.baseOffset();
      int count = batches.recordCount();
      if (baseOffset + count <= fetchOffset) {
        continue;
      }
      readBatch(baseOffset, count, fetchOffset, consumer);
    }
    return nextOffset;
  }

  private void readBatch(long baseOffset, int count, long fetchOffset, LogRecordConsumer consumer) {
    ByteBuffer buffer = batches.buffer();
    int position = batches.recordsStart();
    int end = batches.end();
    byte[] array;
    int shift; // array index = buffer index + shift
    if (buffer.hasArray()) {
      array = buffer.array();
      shift = buffer.arrayOffset();
    } else {
      int length = end - position;
      if (scratch.length < length) {
        scratch = new byte[Math.max(length, scratch.length * 2)];
      }
      buffer.get(position, scratch, 0, length);
      array = scratch;
      shift = -position;
    }
    long timestamp = batches.commitTimestamp();
    for (int i = 0; i < count; i++) {
      long offset = baseOffset + i;
      if (end - position < RECORD_FRAMING) {
        throw new CorruptRecordException(baseOffset, "record " + i + " of " + count + " runs past the batch end");
      }
      int length = buffer.getInt(position);
      if (length < 1 || length > end - position - 4) {
        throw new CorruptRecordException(baseOffset, "record " + i + " has an impossible length " + length);
      }
      if (offset >= fetchOffset) {
        ChangeType changeType;
        Object[] row;
        try {
          changeType = ChangeType.fromByteValue(buffer.get(position + 4));
          row = decoder.read(array, position + RECORD_FRAMING + shift, length - 1);
        } catch (IllegalArgumentException | IndexOutOfBoundsException | java.time.DateTimeException
            | ArithmeticException e) {
          // Any of these means the bytes are not a valid row (a length, a varint or a date/time out of range).
          throw new CorruptRecordException(baseOffset, "cannot decode the " + format + " record at offset " + offset
              + ": " + e.getMessage(), e);
        }
        consumer.accept(offset, timestamp, changeType, project(row));
      }
      position += 4 + length;
    }
  }

  private Object[] project(Object[] row) {
    if (projection == null) {
      return row;
    }
    Object[] projected = new Object[projection.length];
    for (int i = 0; i < projection.length; i++) {
      projected[i] = row[projection[i]];
    }
    return projected;
  }

  @Override
  public void close() {
    scratch = new byte[0];
  }

  @Override
  public String toString() {
    return format + " log batch reader";
  }
}
