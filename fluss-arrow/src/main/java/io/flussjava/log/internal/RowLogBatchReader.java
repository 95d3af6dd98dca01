package io.flussjava.log.internal;

import io.flussjava.log.ChangeType;
import io.flussjava.log.CorruptRecordException;
import io.flussjava.log.LogBatchReader;
import io.flussjava.log.LogRecordConsumer;
import io.flussjava.log.LogRecordCursor;
import io.flussjava.log.RowDecoder;
import java.nio.ByteBuffer;

/**
 * Reads batches of the row-oriented log formats (INDEXED, COMPACTED); see {@link RowLogBatchWriter}
 * for the record framing. A projection is applied on the client, after decoding whole rows. A
 * cursor decodes record by record as they are taken. Not thread-safe.
 */
public final class RowLogBatchReader implements LogBatchReader {
  private static final int RECORD_FRAMING = 5; // int32 length + int8 change type

  private final String format;
  private final RowDecoder decoder;
  private final int[] projection;
  private final boolean verifyCrc;
  private final LogBatchIterator batches = new LogBatchIterator();
  private byte[] scratch = new byte[0];
  // Where reading stands in the current response: its batch, and the next record in that batch.
  private long generation;
  private long fetchOffset;
  private long nextOffset;
  private boolean inBatch;
  private long baseOffset;
  private int count;
  private int index;
  private int position;
  private int end;
  private long timestamp;
  private byte[] array;
  private int shift; // array index = buffer index + shift

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
    start(records, fetchOffset);
    emit(Integer.MAX_VALUE, consumer);
    return nextOffset;
  }

  @Override
  public LogRecordCursor cursor(ByteBuffer records, long fetchOffset) {
    start(records, fetchOffset);
    long mine = generation;
    return new LogRecordCursor() {
      @Override
      public int read(int max, LogRecordConsumer consumer) {
        if (mine != generation) {
          throw new IllegalStateException("this cursor's reader has since read another response");
        }
        return emit(max, consumer);
      }

      @Override
      public void close() {}
    };
  }

  private void start(ByteBuffer records, long fetchOffset) {
    generation++;
    batches.reset(records);
    this.fetchOffset = fetchOffset;
    this.nextOffset = -1;
    this.inBatch = false;
  }

  /** Hands out up to {@code max} records from where reading stands; returns how many. */
  private int emit(int max, LogRecordConsumer consumer) {
    int emitted = 0;
    while (emitted < max) {
      if (!inBatch || index == count) {
        if (!openNextBatch()) {
          break;
        }
      }
      if (emitOne(consumer)) {
        emitted++;
      }
    }
    return emitted;
  }

  /**
   * Moves to the next batch holding records at or after the fetch offset; false at the end of the
   * response.
   */
  private boolean openNextBatch() {
    inBatch = false;
    while (batches.next()) {
      if (verifyCrc) {
        batches.verifyCrc();
      }
      nextOffset = batches.nextOffset();
      baseOffset = batches.baseOffset();
      count = batches.recordCount();
      if (baseOffset + count <= fetchOffset) {
        continue;
      }
      ByteBuffer buffer = batches.buffer();
      position = batches.recordsStart();
      end = batches.end();
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
      timestamp = batches.commitTimestamp();
      index = 0;
      inBatch = true;
      return true;
    }
    return false;
  }

  /**
   * Reads the next record of the batch; returns whether it was handed out (it is not if before the
   * fetch offset).
   */
  private boolean emitOne(LogRecordConsumer consumer) {
    ByteBuffer buffer = batches.buffer();
    long offset = baseOffset + index;
    if (end - position < RECORD_FRAMING) {
      throw new CorruptRecordException(
          baseOffset, "record " + index + " of " + count + " runs past the batch end");
    }
    int length = buffer.getInt(position);
    if (length < 1 || length > end - position - 4) {
      throw new CorruptRecordException(
          baseOffset, "record " + index + " has an impossible length " + length);
    }
    boolean wanted = offset >= fetchOffset;
    if (wanted) {
      ChangeType changeType;
      Object[] row;
      try {
        changeType = ChangeType.fromByteValue(buffer.get(position + 4));
        row = decoder.read(array, position + RECORD_FRAMING + shift, length - 1);
      } catch (IllegalArgumentException
          | IndexOutOfBoundsException
          | java.time.DateTimeException
          | ArithmeticException e) {
        // Any of these means the bytes are not a valid row (a length, a varint or a date/time out
        // of range).
        throw new CorruptRecordException(
            baseOffset,
            "cannot decode the " + format + " record at offset " + offset + ": " + e.getMessage(),
            e);
      }
      consumer.accept(offset, timestamp, changeType, project(row));
    }
    position += 4 + length;
    index++;
    return wanted;
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
