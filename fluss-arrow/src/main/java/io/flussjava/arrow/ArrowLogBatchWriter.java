package io.flussjava.arrow;

import io.flussjava.exception.InvalidRowException;
import io.flussjava.log.ArrowCompressions;
import io.flussjava.log.ChangeType;
import io.flussjava.log.LogBatchWriter;
import io.flussjava.log.LogWriteContext;
import io.flussjava.log.internal.LogBatchHeader;
import io.flussjava.types.RowType;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.compression.CompressionCodec;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;

/**
 * Writes ARROW log batches: rows go column by column into reused Arrow vectors; {@link #build}
 * unloads them with the table's compression into one IPC RecordBatch message (no schema message)
 * behind the V0 header, preceded by the change-type bytes unless every record is APPEND_ONLY. Not
 * thread-safe.
 *
 * <p>Size estimate: header, change types and an allowance for the flatbuffer metadata, plus the
 * uncompressed buffer bytes written so far times an estimated compression ratio: 1 at first, then
 * following the ratios the built batches achieved, upwards at once and downwards by at most 10% per
 * batch.
 */
final class ArrowLogBatchWriter implements LogBatchWriter {
  private static final AtomicLong IDS = new AtomicLong();
  private static final int METADATA_BASE = 200;
  private static final int METADATA_PER_COLUMN = 64;

  private final BufferAllocator allocator;
  private final VectorSchemaRoot root;
  private final ArrowFieldWriter[] writers;
  private final CompressionCodec codec;
  private final VectorUnloader unloader;
  private final HeapOutputChannel out;
  private final int targetSize;
  private final int metadataEstimate;
  private final double fixedBytesPerRow;

  private byte[] changeTypes = new byte[1024];
  private boolean appendOnly = true;
  private int recordCount;
  private long variableBytes;
  private double compressionRatio = 1.0;
  private boolean built;
  private boolean closed;

  ArrowLogBatchWriter(LogWriteContext context) {
    RowType rowType = context.rowType();
    this.targetSize = context.targetBatchSizeBytes();
    this.allocator =
        context
            .allocator()
            .newChildAllocator(
                "fluss-arrow-log-writer-" + IDS.incrementAndGet(),
                0,
                context.allocator().getLimit());
    VectorSchemaRoot created = null;
    CompressionCodec createdCodec = null;
    try {
      created = VectorSchemaRoot.create(ArrowSchemas.toArrowSchema(rowType), allocator);
      List<FieldVector> vectors = created.getFieldVectors();
      this.writers = new ArrowFieldWriter[vectors.size()];
      double perRow = 0;
      for (int i = 0; i < writers.length; i++) {
        writers[i] =
            ArrowFieldWriters.create(
                rowType.getFieldNames().get(i), rowType.getTypeAt(i), vectors.get(i));
        perRow += writers[i].fixedBytesPerRow() + 0.125; // + the validity bit
      }
      this.fixedBytesPerRow = perRow;
      createdCodec =
          ArrowCompressions.forTable(context.tableProperties())
              .createCodec(context.tableProperties());
    } catch (RuntimeException e) {
      if (created != null) {
        created.close();
      }
      allocator.close();
      throw e;
    }
    this.root = created;
    this.codec = createdCodec;
    this.unloader = new VectorUnloader(root, true, codec, true);
    this.metadataEstimate = METADATA_BASE + METADATA_PER_COLUMN * writers.length;
    this.out = new HeapOutputChannel(Math.min(targetSize, 1 << 20) + metadataEstimate);
  }

  @Override
  public boolean tryAppend(ChangeType changeType, Object[] row) {
    if (built || closed) {
      throw new IllegalStateException(
          closed ? "the writer is closed" : "the batch was built; reset() first");
    }
    if (row.length != writers.length) {
      throw new InvalidRowException("expected " + writers.length + " values, got " + row.length);
    }
    if (recordCount > 0) {
      int estimate = estimatedSizeInBytes();
      if (estimate + (estimate - LogBatchHeader.V0_HEADER_SIZE - metadataEstimate) / recordCount
          > targetSize) {
        return false;
      }
    }
    int index = recordCount;
    long added = 0;
    for (int i = 0; i < writers.length; i++) {
      try {
        added += writers[i].write(index, row[i]);
      } catch (ClassCastException | ArithmeticException e) {
        ArrowFieldWriter writer = writers[i];
        throw new InvalidRowException(
            "column '"
                + writer.name()
                + "' of type "
                + writer.type()
                + " cannot take the value "
                + row[i]
                + " ("
                + row[i].getClass().getName()
                + "); pass its canonical Java class (see io.flussjava.types.convert)",
            e);
      }
    }
    if (index == changeTypes.length) {
      changeTypes = Arrays.copyOf(changeTypes, index * 2);
    }
    changeTypes[index] = changeType.byteValue();
    if (changeType != ChangeType.APPEND_ONLY) {
      appendOnly = false;
    }
    variableBytes += added;
    recordCount++;
    return true;
  }

  @Override
  public int recordCount() {
    return recordCount;
  }

  @Override
  public int estimatedSizeInBytes() {
    double body = (recordCount * fixedBytesPerRow + variableBytes) * compressionRatio;
    long size =
        LogBatchHeader.V0_HEADER_SIZE
            + (appendOnly ? 0 : recordCount)
            + metadataEstimate
            + (long) body;
    return (int) Math.min(Integer.MAX_VALUE, size);
  }

  @Override
  public ByteBuffer build(int schemaId, long writerId, int batchSequence) {
    if (built || closed) {
      throw new IllegalStateException(
          closed ? "the writer is closed" : "the batch was already built");
    }
    built = true;
    root.setRowCount(recordCount);
    out.reset();
    out.skip(LogBatchHeader.V0_HEADER_SIZE);
    if (!appendOnly) {
      out.write(changeTypes, 0, recordCount);
    }
    int payloadStart = out.position();
    try (ArrowRecordBatch batch = unloader.getRecordBatch()) {
      ArrowIpc.write(batch, out);
    }
    int size = out.position();
    LogBatchHeader.writeV0(
        out.array(), 0, size, schemaId, appendOnly, recordCount, writerId, batchSequence);
    updateCompressionRatio(size - payloadStart);
    return ByteBuffer.wrap(out.array(), 0, size).slice();
  }

  private void updateCompressionRatio(int payloadBytes) {
    double uncompressed = recordCount * fixedBytesPerRow + variableBytes;
    if (recordCount == 0 || uncompressed < 1) {
      return;
    }
    double observed = Math.max(0.01, (payloadBytes - metadataEstimate) / uncompressed);
    // Grow at once (never overshoot twice); shrink by at most 10% a batch, so that one very
    // compressible batch does not
    // make the next, less compressible one overshoot the target.
    compressionRatio = Math.max(observed, compressionRatio * 0.9);
  }

  @Override
  public void reset() {
    if (closed) {
      throw new IllegalStateException("the writer is closed");
    }
    for (FieldVector vector : root.getFieldVectors()) {
      vector.reset();
    }
    root.setRowCount(0);
    recordCount = 0;
    variableBytes = 0;
    appendOnly = true;
    built = false;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      root.close();
      ReadCodecs.closeCodec(codec);
    } finally {
      allocator.close();
    }
  }

  @Override
  public String toString() {
    return "ARROW log batch writer (" + codec.getCodecType() + ")";
  }
}
