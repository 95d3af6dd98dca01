package io.flussjava.log.internal;

import io.flussjava.exception.InvalidRowException;
import io.flussjava.log.ChangeType;
import io.flussjava.log.LogBatchWriter;
import io.flussjava.log.RowEncoder;
import io.flussjava.types.codec.ByteArrayOutput;
import java.nio.ByteBuffer;

/**
 * Writes batches of the row-oriented log formats (INDEXED, COMPACTED): after the V0 header, each
 * record is an int32 LE length of what follows, an int8 change type and the row bytes. The batch is
 * built in one reusable heap array.
 */
public final class RowLogBatchWriter implements LogBatchWriter {
  private final String format;
  private final RowEncoder encoder;
  private final int fieldCount;
  private final int targetSize;
  private final ByteArrayOutput out;
  private final ByteArrayOutput rowBytes = new ByteArrayOutput(256);

  private int recordCount;
  private boolean appendOnly = true;
  private boolean built;
  private boolean closed;

  public RowLogBatchWriter(String format, RowEncoder encoder, int fieldCount, int targetSize) {
    this.format = format;
    this.encoder = encoder;
    this.fieldCount = fieldCount;
    this.targetSize = targetSize;
    this.out = new ByteArrayOutput(Math.min(targetSize, 1 << 20) + 1024);
    reset();
  }

  @Override
  public boolean tryAppend(ChangeType changeType, Object[] row) {
    if (built || closed) {
      throw new IllegalStateException(
          closed ? "the writer is closed" : "the batch was built; reset() first");
    }
    if (row.length != fieldCount) {
      throw new InvalidRowException("expected " + fieldCount + " values, got " + row.length);
    }
    int size = out.position();
    if (recordCount > 0) {
      int averageRecord = (size - LogBatchHeader.V0_HEADER_SIZE) / recordCount;
      if (size + averageRecord > targetSize) {
        return false;
      }
    }
    // Encode into a scratch array first, so that a rejected value leaves the batch untouched.
    rowBytes.reset();
    try {
      encoder.write(row, rowBytes);
    } catch (ClassCastException | ArithmeticException | IllegalArgumentException e) {
      throw new InvalidRowException(
          format
              + " cannot encode the row: a value does not have its column's canonical "
              + "class or does not fit ("
              + e.getMessage()
              + ")",
          e);
    }
    out.writeIntLE(rowBytes.position() + 1);
    out.writeByte(changeType.byteValue());
    out.writeBytes(rowBytes.array(), 0, rowBytes.position());
    if (changeType != ChangeType.APPEND_ONLY) {
      appendOnly = false;
    }
    recordCount++;
    return true;
  }

  @Override
  public int recordCount() {
    return recordCount;
  }

  @Override
  public int estimatedSizeInBytes() {
    return out.position();
  }

  @Override
  public ByteBuffer build(int schemaId, long writerId, int batchSequence) {
    if (built || closed) {
      throw new IllegalStateException(
          closed ? "the writer is closed" : "the batch was already built");
    }
    built = true;
    int size = out.position();
    LogBatchHeader.writeV0(
        out.array(), 0, size, schemaId, appendOnly, recordCount, writerId, batchSequence);
    return ByteBuffer.wrap(out.array(), 0, size).slice();
  }

  @Override
  public void reset() {
    out.reset();
    out.skipZeroed(LogBatchHeader.V0_HEADER_SIZE);
    recordCount = 0;
    appendOnly = true;
    built = false;
  }

  @Override
  public void close() {
    closed = true;
  }

  @Override
  public String toString() {
    return format + " log batch writer";
  }
}
