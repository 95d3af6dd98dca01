package io.flussjava.log.internal;

import io.flussjava.log.CorruptRecordException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Walks the complete batches of a FetchLog {@code records} blob, exposing one batch's header fields
 * at a time. A trailing batch cut short by the fetch size ends the walk silently. Reusable: {@link
 * #reset} it for the next blob. Reads with absolute indexes only, so the caller's buffer is never
 * moved.
 */
public final class LogBatchIterator {
  private ByteBuffer buffer;
  private int next;
  private int end;

  private int start;
  private int size;
  private byte magic;

  /** Starts walking the bytes between the buffer's position and limit. */
  public LogBatchIterator reset(ByteBuffer records) {
    this.buffer = records.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    this.next = records.position();
    this.end = records.limit();
    this.start = -1;
    return this;
  }

  /**
   * Moves to the next batch.
   *
   * @return false when no complete batch is left
   * @throws CorruptRecordException for an unknown magic or a length shorter than the header
   */
  public boolean next() {
    if (end - next < LogBatchHeader.LOG_OVERHEAD + 1) {
      return false;
    }
    int length = buffer.getInt(next + LogBatchHeader.LENGTH_OFFSET);
    long batchSize = (long) length + LogBatchHeader.LOG_OVERHEAD;
    if (batchSize > end - next) {
      return false; // a partial trailing batch
    }
    byte batchMagic = buffer.get(next + LogBatchHeader.MAGIC_OFFSET);
    int headerSize = LogBatchHeader.headerSize(batchMagic);
    long baseOffset = buffer.getLong(next + LogBatchHeader.BASE_OFFSET_OFFSET);
    if (headerSize < 0) {
      throw new CorruptRecordException(baseOffset, "unknown magic byte " + batchMagic);
    }
    if (batchSize < headerSize) {
      throw new CorruptRecordException(
          baseOffset,
          "batch length " + batchSize + " is shorter than its " + headerSize + "-byte header");
    }
    start = next;
    size = (int) batchSize;
    magic = batchMagic;
    next += size;
    if (recordCount() < 0) {
      throw new CorruptRecordException(baseOffset, "negative record count " + recordCount());
    }
    return true;
  }

  /**
   * The whole buffer (little-endian), for absolute reads at {@link #start()}-relative positions.
   */
  public ByteBuffer buffer() {
    return buffer;
  }

  /** Where the current batch starts in {@link #buffer()}. */
  public int start() {
    return start;
  }

  public int sizeInBytes() {
    return size;
  }

  public byte magic() {
    return magic;
  }

  public long baseOffset() {
    return buffer.getLong(start + LogBatchHeader.BASE_OFFSET_OFFSET);
  }

  public long commitTimestamp() {
    return buffer.getLong(start + LogBatchHeader.COMMIT_TIMESTAMP_OFFSET);
  }

  public long storedCrc() {
    return buffer.getInt(start + LogBatchHeader.crcOffset(magic)) & 0xFFFFFFFFL;
  }

  public int schemaId() {
    return buffer.getShort(start + LogBatchHeader.schemaIdOffset(magic));
  }

  public boolean isAppendOnly() {
    return (buffer.get(start + LogBatchHeader.attributesOffset(magic))
            & LogBatchHeader.APPEND_ONLY_FLAG)
        != 0;
  }

  public int lastOffsetDelta() {
    return buffer.getInt(start + LogBatchHeader.lastOffsetDeltaOffset(magic));
  }

  public long writerId() {
    return buffer.getLong(start + LogBatchHeader.writerIdOffset(magic));
  }

  public int batchSequence() {
    return buffer.getInt(start + LogBatchHeader.batchSequenceOffset(magic));
  }

  public int recordCount() {
    return buffer.getInt(start + LogBatchHeader.recordCountOffset(magic));
  }

  /** One past the batch's last offset: where the next fetch continues. */
  public long nextOffset() {
    return baseOffset() + lastOffsetDelta() + 1;
  }

  /** Where the records start in {@link #buffer()}. */
  public int recordsStart() {
    return start + LogBatchHeader.headerSize(magic);
  }

  /** Where the batch ends in {@link #buffer()} (exclusive). */
  public int end() {
    return start + size;
  }

  /**
   * @throws CorruptRecordException if the stored CRC does not match the batch's bytes
   */
  public void verifyCrc() {
    long computed = LogBatchHeader.computeCrc(buffer, start, size, magic);
    long stored = storedCrc();
    if (computed != stored) {
      throw new CorruptRecordException(
          baseOffset(),
          String.format(
              "CRC-32C mismatch: the batch says %08x, its %d bytes give %08x",
              stored, size, computed));
    }
  }
}
