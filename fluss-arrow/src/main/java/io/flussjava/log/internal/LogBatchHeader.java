package io.flussjava.log.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/**
 * The layout of a log record batch header (all little-endian) and the operations on it. V0 (48
 * bytes) is what writers produce; V1 (52 bytes) adds a leader epoch after the commit timestamp and
 * is only read. The CRC-32C covers everything from the schema id to the end of the batch.
 *
 * <pre>
 * field             V0  V1  size
 * BaseOffset         0   0   8
 * Length             8   8   4   total size - 12
 * Magic             12  12   1
 * CommitTimestamp   13  13   8
 * LeaderEpoch        -  21   4
 * CRC               21  25   4
 * SchemaId          25  29   2
 * Attributes        27  31   1   bit 0 = append-only
 * LastOffsetDelta   28  32   4
 * WriterId          32  36   8
 * BatchSequence     40  44   4
 * RecordCount       44  48   4
 * </pre>
 */
public final class LogBatchHeader {
  public static final byte MAGIC_V0 = 0;
  public static final byte MAGIC_V1 = 1;

  public static final int BASE_OFFSET_OFFSET = 0;
  public static final int LENGTH_OFFSET = 8;
  public static final int MAGIC_OFFSET = 12;
  public static final int COMMIT_TIMESTAMP_OFFSET = 13;

  /** Bytes before (and including) the Length field, which Length does not count. */
  public static final int LOG_OVERHEAD = 12;

  public static final int V0_HEADER_SIZE = 48;
  public static final int V1_HEADER_SIZE = 52;

  /** Attribute bit 0: every record is APPEND_ONLY (for ARROW: no change-type vector). */
  public static final byte APPEND_ONLY_FLAG = 0x01;

  public static final long NO_WRITER_ID = -1L;
  public static final int NO_BATCH_SEQUENCE = -1;

  // Offsets relative to the CRC field, the same in V0 and V1.
  private static final int CRC_TO_SCHEMA_ID = 4;
  private static final int CRC_TO_ATTRIBUTES = 6;
  private static final int CRC_TO_LAST_OFFSET_DELTA = 7;
  private static final int CRC_TO_WRITER_ID = 11;
  private static final int CRC_TO_BATCH_SEQUENCE = 19;
  private static final int CRC_TO_RECORD_COUNT = 23;

  private LogBatchHeader() {}

  /** Where the CRC field is for the given magic, or -1 for an unknown magic. */
  public static int crcOffset(byte magic) {
    switch (magic) {
      case MAGIC_V0:
        return 21;
      case MAGIC_V1:
        return 25;
      default:
        return -1;
    }
  }

  /** The header size for the given magic, or -1 for an unknown magic. */
  public static int headerSize(byte magic) {
    int crc = crcOffset(magic);
    return crc < 0 ? -1 : crc + CRC_TO_RECORD_COUNT + 4;
  }

  public static int schemaIdOffset(byte magic) {
    return crcOffset(magic) + CRC_TO_SCHEMA_ID;
  }

  public static int attributesOffset(byte magic) {
    return crcOffset(magic) + CRC_TO_ATTRIBUTES;
  }

  public static int lastOffsetDeltaOffset(byte magic) {
    return crcOffset(magic) + CRC_TO_LAST_OFFSET_DELTA;
  }

  public static int writerIdOffset(byte magic) {
    return crcOffset(magic) + CRC_TO_WRITER_ID;
  }

  public static int batchSequenceOffset(byte magic) {
    return crcOffset(magic) + CRC_TO_BATCH_SEQUENCE;
  }

  public static int recordCountOffset(byte magic) {
    return crcOffset(magic) + CRC_TO_RECORD_COUNT;
  }

  /**
   * Fills a V0 header at {@code start} of a little-endian array for a batch of {@code totalSize}
   * bytes whose records are already in place, then computes its CRC.
   */
  public static void writeV0(
      byte[] array,
      int start,
      int totalSize,
      int schemaId,
      boolean appendOnly,
      int recordCount,
      long writerId,
      int batchSequence) {
    ByteBuffer buffer = ByteBuffer.wrap(array).order(ByteOrder.LITTLE_ENDIAN);
    buffer.putLong(start + BASE_OFFSET_OFFSET, 0L);
    buffer.putInt(start + LENGTH_OFFSET, totalSize - LOG_OVERHEAD);
    buffer.put(start + MAGIC_OFFSET, MAGIC_V0);
    buffer.putLong(start + COMMIT_TIMESTAMP_OFFSET, 0L);
    if (schemaId < Short.MIN_VALUE || schemaId > Short.MAX_VALUE) {
      throw new IllegalArgumentException(
          "schema id " + schemaId + " does not fit the batch's int16 field");
    }
    buffer.putShort(start + schemaIdOffset(MAGIC_V0), (short) schemaId);
    buffer.put(start + attributesOffset(MAGIC_V0), appendOnly ? APPEND_ONLY_FLAG : 0);
    buffer.putInt(start + lastOffsetDeltaOffset(MAGIC_V0), recordCount == 0 ? 0 : recordCount - 1);
    buffer.putLong(start + writerIdOffset(MAGIC_V0), writerId);
    buffer.putInt(start + batchSequenceOffset(MAGIC_V0), batchSequence);
    buffer.putInt(start + recordCountOffset(MAGIC_V0), recordCount);
    updateCrc(buffer, start, totalSize, MAGIC_V0);
  }

  /** The size of the batch at {@code start}: its Length field + 12. */
  public static int batchSize(ByteBuffer buffer, int start) {
    if (buffer.limit() - start < LOG_OVERHEAD) {
      throw new IllegalArgumentException(
          "a log batch needs at least " + LOG_OVERHEAD + " bytes, got " + (buffer.limit() - start));
    }
    return buffer.order(ByteOrder.LITTLE_ENDIAN).getInt(start + LENGTH_OFFSET) + LOG_OVERHEAD;
  }

  /**
   * Rewrites writer id and batch sequence of the whole batch at {@code start} and recomputes its
   * CRC.
   */
  public static void assignWriter(ByteBuffer batch, int start, long writerId, int batchSequence) {
    ByteBuffer buffer = batch.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    int size = batchSize(buffer, start);
    byte magic = buffer.get(start + MAGIC_OFFSET);
    int headerSize = headerSize(magic);
    if (headerSize < 0) {
      throw new IllegalArgumentException("unknown log batch magic " + magic);
    }
    if (size < headerSize || buffer.limit() - start < size) {
      throw new IllegalArgumentException(
          "the buffer holds "
              + (buffer.limit() - start)
              + " bytes, not the whole "
              + size
              + "-byte batch");
    }
    buffer.putLong(start + writerIdOffset(magic), writerId);
    buffer.putInt(start + batchSequenceOffset(magic), batchSequence);
    updateCrc(buffer, start, size, magic);
  }

  /** Computes the CRC of the batch at {@code start} and stores it in the CRC field. */
  static void updateCrc(ByteBuffer buffer, int start, int totalSize, byte magic) {
    buffer.putInt(start + crcOffset(magic), (int) computeCrc(buffer, start, totalSize, magic));
  }

  /** CRC-32C of the batch's bytes from the schema id to its end. */
  public static long computeCrc(ByteBuffer buffer, int start, int totalSize, byte magic) {
    int from = start + schemaIdOffset(magic);
    CRC32C crc = new CRC32C();
    crc.update(buffer.slice(from, start + totalSize - from));
    return crc.getValue();
  }
}
