package io.flussjava.client.write.internal;

import io.flussjava.log.ChangeType;
import io.flussjava.log.RowEncoder;
import io.flussjava.types.codec.ByteArrayOutput;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/**
 * Builds the KV record batch of a PutKv request. Layout (little-endian): Length (total - 4), Magic
 * 0, CRC-32C of everything after the CRC field, SchemaId int16, Attributes 0, WriterId int64,
 * BatchSequence int32, RecordCount int32, then records of {@code int32 size | varint key length |
 * key | value row}; a delete has no value.
 */
final class KvBatchBuilder implements RecordBatchBuilder {
  static final int HEADER_SIZE = 28;
  private static final int CRC_OFFSET = 5;
  private static final int SCHEMA_ID_OFFSET = 9;

  private final RowEncoder valueWriter;
  private final int targetSize;
  private final ByteArrayOutput out;
  private int recordCount;

  KvBatchBuilder(RowEncoder valueWriter, int targetSize) {
    this.valueWriter = valueWriter;
    this.targetSize = targetSize;
    this.out = new ByteArrayOutput(Math.min(targetSize, 64 * 1024));
    reset();
  }

  /**
   * At most this many records per KV batch. The 0.9.1 server writes a batch's changelog into one
   * Arrow WAL batch whose change-type buffer holds 131,072 entries, and an upsert of an existing
   * key writes two (-U, +U): a batch of small rows over 65,536 records failed on the server with an
   * IndexOutOfBoundsException (found by WriterStressITCase run for a minute), and so did batches of
   * exactly 65,536 updates of keys each updated many times in the batch (kill rounds, where batches
   * fill up while a leader is away). Half of that leaves room for whatever else the server adds.
   */
  static final int MAX_RECORDS = 32_768;

  @Override
  public boolean tryAppend(ChangeType type, Object[] row, byte[] key) {
    if (recordCount > 0 && (out.position() >= targetSize || recordCount >= MAX_RECORDS)) {
      return false;
    }
    int sizeAt = out.position();
    out.writeIntLE(0); // patched below once the record's size is known
    out.writeVarInt(key.length);
    out.writeBytes(key);
    if (type != ChangeType.DELETE) {
      valueWriter.write(row, out);
    }
    out.putIntLE(sizeAt, out.position() - sizeAt - 4);
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
    byte[] b = out.array();
    int size = out.position();
    ByteBuffer header = ByteBuffer.wrap(b, 0, size).order(ByteOrder.LITTLE_ENDIAN);
    header.putInt(0, size - 4);
    header.put(4, (byte) 0);
    header.putShort(SCHEMA_ID_OFFSET, (short) schemaId);
    header.put(11, (byte) 0);
    header.putInt(24, recordCount);
    ByteBuffer batch = ByteBuffer.wrap(b, 0, size).slice();
    restamp(batch, writerId, batchSequence);
    return batch;
  }

  @Override
  public void restamp(ByteBuffer batch, long writerId, int batchSequence) {
    ByteBuffer le = batch.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    int start = batch.position();
    le.putLong(start + 12, writerId);
    le.putInt(start + 20, batchSequence);
    CRC32C crc = new CRC32C();
    ByteBuffer covered = batch.duplicate();
    covered.position(start + SCHEMA_ID_OFFSET);
    crc.update(covered);
    le.putInt(start + CRC_OFFSET, (int) crc.getValue());
  }

  @Override
  public void reset() {
    out.reset();
    out.skipZeroed(HEADER_SIZE);
    recordCount = 0;
  }

  @Override
  public void close() {
    // Heap only: nothing to release.
  }
}
