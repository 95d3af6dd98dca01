package io.flussjava.arrow;

import io.flussjava.log.ArrowBatch;
import io.flussjava.log.ArrowBatchConsumer;
import io.flussjava.log.ChangeType;
import io.flussjava.log.CorruptRecordException;
import io.flussjava.log.LogBatchReader;
import io.flussjava.log.LogReadContext;
import io.flussjava.log.LogRecordConsumer;
import io.flussjava.log.LogRecordCursor;
import io.flussjava.log.internal.LogBatchIterator;
import io.flussjava.types.RowType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorLoader;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;

/**
 * Reads ARROW log batches into one reused {@link VectorSchemaRoot} of the read columns (the
 * projection, in its order, or all columns) and, for {@link #read}, converts them column by column
 * to canonical Java values. The CRC of projected batches is never checked: the server rewrites them
 * but keeps the CRC of the full batch. Not thread-safe.
 */
final class ArrowLogBatchReader implements LogBatchReader {
  private static final AtomicLong IDS = new AtomicLong();

  private final BufferAllocator allocator;
  private final VectorSchemaRoot root;
  private final VectorLoader loader;
  private final ReadCodecs codecs;
  private final ArrowFieldReader[] readers;
  private final boolean verifyCrc;
  private final LogBatchIterator batches = new LogBatchIterator();
  private final BatchView view = new BatchView();
  private boolean closed;
  // Bumped for every response read: a cursor of an earlier one finds out it can no longer read.
  private long generation;

  ArrowLogBatchReader(LogReadContext context) {
    RowType rowType = context.outputRowType();
    this.verifyCrc = context.verifyCrc() && !context.isProjected();
    this.allocator =
        context
            .allocator()
            .newChildAllocator(
                "fluss-arrow-log-reader-" + IDS.incrementAndGet(),
                0,
                context.allocator().getLimit());
    try {
      this.root = VectorSchemaRoot.create(ArrowSchemas.toArrowSchema(rowType), allocator);
    } catch (RuntimeException e) {
      allocator.close();
      throw e;
    }
    try {
      List<FieldVector> vectors = root.getFieldVectors();
      this.readers = new ArrowFieldReader[vectors.size()];
      for (int i = 0; i < readers.length; i++) {
        readers[i] =
            ArrowFieldReaders.create(
                rowType.getFieldNames().get(i), rowType.getTypeAt(i), vectors.get(i));
      }
    } catch (RuntimeException e) {
      root.close();
      allocator.close();
      throw e;
    }
    this.codecs = new ReadCodecs(context.tableProperties());
    this.loader = new VectorLoader(root, codecs);
  }

  @Override
  public long readArrow(ByteBuffer records, long fetchOffset, ArrowBatchConsumer consumer) {
    start(records);
    long nextOffset = -1;
    while (batches.next()) {
      nextOffset = batches.nextOffset();
      if (loadIfWanted(fetchOffset)) {
        consumer.accept(view);
      }
    }
    return nextOffset;
  }

  /** Points the batch iterator at a new response; ends any cursor still open. */
  private void start(ByteBuffer records) {
    if (closed) {
      throw new IllegalStateException("the reader is closed");
    }
    generation++;
    batches.reset(records);
  }

  /**
   * Loads the batch the iterator is at into the root and {@link #view} if it has records at or
   * after {@code fetchOffset}; returns whether it did.
   */
  private boolean loadIfWanted(long fetchOffset) {
    if (verifyCrc) {
      batches.verifyCrc();
    }
    long baseOffset = batches.baseOffset();
    int count = batches.recordCount();
    if (count == 0 || baseOffset + count <= fetchOffset) {
      return false;
    }
    load(baseOffset, count);
    view.set(baseOffset, (int) Math.max(0, fetchOffset - baseOffset), count);
    return true;
  }

  @Override
  public LogRecordCursor cursor(ByteBuffer records, long fetchOffset) {
    start(records);
    return new Cursor(generation, fetchOffset);
  }

  /**
   * Loads one batch at a time and converts only the rows taken, straight from the loaded vectors.
   */
  private final class Cursor implements LogRecordCursor {
    private final long myGeneration;
    private final long fetchOffset;
    private int row;
    private boolean loaded;
    private boolean done;

    Cursor(long generation, long fetchOffset) {
      this.myGeneration = generation;
      this.fetchOffset = fetchOffset;
    }

    @Override
    public int read(int max, LogRecordConsumer consumer) {
      if (done) {
        return 0;
      }
      if (myGeneration != generation || closed) {
        throw new IllegalStateException("this cursor's reader has since read another response");
      }
      int emitted = 0;
      while (emitted < max) {
        if (!loaded || row == view.rowCount()) {
          loaded = false;
          if (!nextWanted()) {
            done = true;
            break;
          }
          loaded = true;
          row = view.firstRow();
        }
        int to = Math.min(view.rowCount(), row + (max - emitted));
        emitRows(view, row, to, consumer);
        emitted += to - row;
        row = to;
      }
      return emitted;
    }

    private boolean nextWanted() {
      while (batches.next()) {
        if (loadIfWanted(fetchOffset)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public void close() {
      done = true;
    }
  }

  private void load(long baseOffset, int count) {
    int payloadStart = batches.recordsStart() + (batches.isAppendOnly() ? 0 : count);
    if (payloadStart > batches.end()) {
      throw new CorruptRecordException(
          baseOffset, "the " + count + " change types run past the batch end");
    }
    ArrowRecordBatch batch;
    try {
      batch =
          BatchBuffers.decompressed(
              ArrowIpc.read(batches.buffer(), payloadStart, batches.end(), allocator),
              codecs,
              allocator);
    } catch (IOException | RuntimeException e) {
      throw new CorruptRecordException(
          baseOffset, "cannot decode its Arrow record batch: " + e.getMessage(), e);
    }
    try {
      if (batch.getLength() != count) {
        throw new IllegalArgumentException(
            "the header says "
                + count
                + " records, the Arrow batch has "
                + batch.getLength()
                + " rows");
      }
      RecordBatchCheck.check(batch, root.getSchema().getFields());
    } catch (IllegalArgumentException e) {
      batch.close();
      throw new CorruptRecordException(
          baseOffset, "its Arrow record batch does not fit the schema: " + e.getMessage(), e);
    }
    try {
      loader.load(batch);
    } catch (RuntimeException e) {
      // A corrupt batch can stop the loader half-way with buffers retained: drop them all, vectors
      // included.
      root.clear();
      BatchBuffers.forceRelease(batch.getBuffers());
      throw new CorruptRecordException(
          baseOffset, "cannot load its Arrow record batch: " + e.getMessage(), e);
    }
    batch.close();
  }

  @Override
  public long read(ByteBuffer records, long fetchOffset, LogRecordConsumer consumer) {
    return readArrow(
        records,
        fetchOffset,
        batch -> emitRows(batch, batch.firstRow(), batch.rowCount(), consumer));
  }

  /**
   * Converts rows {@code [from, to)} of the loaded batch column by column, then hands them out in
   * order.
   */
  private void emitRows(ArrowBatch batch, int from, int to, LogRecordConsumer consumer) {
    Object[][] rows = new Object[to - from][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = new Object[readers.length];
    }
    try {
      for (int column = 0; column < readers.length; column++) {
        readers[column].readInto(rows, column, from, to);
      }
    } catch (CorruptRecordException e) {
      throw e;
    } catch (RuntimeException e) {
      // The batch loaded, but a value in it is impossible (a time of day past midnight, a negative
      // length, ...).
      throw new CorruptRecordException(
          batch.baseOffset(), "holds a value that cannot be read: " + e.getMessage(), e);
    }
    long timestamp = batch.commitTimestamp();
    long baseOffset = batch.baseOffset();
    for (int row = from; row < to; row++) {
      consumer.accept(baseOffset + row, timestamp, batch.changeType(row), rows[row - from]);
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      root.close();
      codecs.close();
    } finally {
      allocator.close();
    }
  }

  @Override
  public String toString() {
    return "ARROW log batch reader";
  }

  /** The reused {@link ArrowBatch} over the current batch. */
  private final class BatchView implements ArrowBatch {
    private long baseOffset;
    private int firstRow;
    private int rowCount;

    void set(long baseOffset, int firstRow, int rowCount) {
      this.baseOffset = baseOffset;
      this.firstRow = firstRow;
      this.rowCount = rowCount;
    }

    @Override
    public VectorSchemaRoot root() {
      return root;
    }

    @Override
    public long baseOffset() {
      return baseOffset;
    }

    @Override
    public long commitTimestamp() {
      return batches.commitTimestamp();
    }

    @Override
    public int schemaId() {
      return batches.schemaId();
    }

    @Override
    public int firstRow() {
      return firstRow;
    }

    @Override
    public int rowCount() {
      return rowCount;
    }

    @Override
    public ChangeType changeType(int row) {
      if (batches.isAppendOnly()) {
        return ChangeType.APPEND_ONLY;
      }
      if (row < 0 || row >= rowCount) {
        throw new IndexOutOfBoundsException("row " + row + " of " + rowCount);
      }
      byte value = batches.buffer().get(batches.recordsStart() + row);
      try {
        return ChangeType.fromByteValue(value);
      } catch (IllegalArgumentException e) {
        throw new CorruptRecordException(baseOffset, "row " + row + ": " + e.getMessage(), e);
      }
    }
  }
}
