package io.flussjava.client.scan.internal;

import io.flussjava.client.metadata.SchemaMapping;
import io.flussjava.log.ArrowBatchConsumer;
import io.flussjava.log.LogBatchReader;
import io.flussjava.log.LogBatches;
import io.flussjava.log.LogBatches.SchemaRun;
import io.flussjava.log.LogRecordConsumer;
import io.flussjava.log.LogRecordCursor;
import io.flussjava.types.Schema;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.ToLongFunction;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Decodes each batch with the schema it was written with (its header's schema id) and hands its
 * rows out in the reader's schema: columns the batch's schema lacks (added later) as null, columns
 * the reader's schema lacks (added after the scanner was created) left out. Batches of the reader's
 * own schema, the usual case, go to the reader made for it unchanged.
 *
 * <p>Rows and Arrow batches come out with the same columns as those of the reader's own reader
 * ({@code decodedColumns}), so whatever the caller does with them (reordering to the asked order)
 * works for every version. Not thread-safe, like every {@link LogBatchReader}.
 */
final class SchemaAwareReader implements LogBatchReader {
  private final LogBatchReader own;
  private final BatchSchemas schemas;
  private final int[] decodedColumns;
  private final boolean pushedDown;
  private final BiFunction<Schema, int[], LogBatchReader> readers;
  private final BufferAllocator allocator;
  private final Map<Integer, Version> versions = new HashMap<>();

  /**
   * @param own the reader for batches of the reader's schema
   * @param decodedColumns the reader-schema positions {@code own} hands out, ascending for a
   *     pushed-down projection, or null for all
   * @param pushedDown whether the server cut the batches to {@code decodedColumns} (ARROW
   *     projection push-down): batches of another schema then hold those columns only
   * @param readers a reader for batches of a schema, given the positions in that schema to decode
   *     (null for all)
   * @param allocator where null vectors for missing columns of Arrow batches are allocated
   */
  SchemaAwareReader(
      LogBatchReader own,
      BatchSchemas schemas,
      int[] decodedColumns,
      boolean pushedDown,
      BiFunction<Schema, int[], LogBatchReader> readers,
      BufferAllocator allocator) {
    this.own = own;
    this.schemas = schemas;
    this.decodedColumns = decodedColumns == null ? null : decodedColumns.clone();
    this.pushedDown = pushedDown;
    this.readers = readers;
    this.allocator = allocator;
  }

  /** The reader and row mapping for batches of one schema version. */
  private final class Version {
    final LogBatchReader reader;
    final SchemaMapping mapping;
    private ArrowPadding padding;

    Version(Schema source) {
      this.mapping = SchemaMapping.of(schemas.readerSchema(), decodedColumns, source);
      // A pushed-down batch holds only the projected columns, which the reader must be told; other
      // batches are decoded whole and picked from.
      this.reader = readers.apply(source, pushedDown ? mapping.presentSourcePositions() : null);
    }

    Object[] toReaderRow(Object[] row) {
      return pushedDown ? mapping.expand(row) : mapping.pick(row);
    }

    /** How this version's Arrow batches get the reader's columns; made when first needed. */
    ArrowPadding padding() {
      if (padding == null) {
        padding =
            new ArrowPadding(
                schemas.readerSchema().getRowType(),
                decodedColumns,
                mapping,
                pushedDown,
                allocator);
      }
      return padding;
    }

    LogRecordConsumer mapped(LogRecordConsumer consumer) {
      return (offset, timestamp, changeType, row) ->
          consumer.accept(offset, timestamp, changeType, toReaderRow(row));
    }
  }

  private Version version(int schemaId) {
    Version v = versions.get(schemaId);
    if (v == null) {
      v = new Version(schemas.get(schemaId));
      versions.put(schemaId, v);
    }
    return v;
  }

  /** The runs of {@code records}, or null when every batch is of the reader's own schema. */
  private List<SchemaRun> foreignRuns(ByteBuffer records) {
    List<SchemaRun> runs = LogBatches.schemaRuns(records);
    for (SchemaRun run : runs) {
      if (run.schemaId() != schemas.readerSchemaId()) {
        return runs;
      }
    }
    return null;
  }

  @Override
  public long read(ByteBuffer records, long fetchOffset, LogRecordConsumer consumer) {
    return readRuns(
        records,
        bytes -> own.read(bytes, fetchOffset, consumer),
        (v, run) -> v.reader.read(run, fetchOffset, v.mapped(consumer)));
  }

  @Override
  public long readArrow(ByteBuffer records, long fetchOffset, ArrowBatchConsumer consumer) {
    return readRuns(
        records,
        bytes -> own.readArrow(bytes, fetchOffset, consumer),
        (v, run) ->
            v.reader.readArrow(run, fetchOffset, batch -> v.padding().accept(batch, consumer)));
  }

  /** Reads the bytes of one run with the reader of its version; returns the next fetch offset. */
  private interface RunRead {
    long read(Version version, ByteBuffer run);
  }

  /**
   * Reads {@code records} run by run: runs of the reader's schema with {@code ownRead}, others with
   * {@code otherRead}; returns the next fetch offset after all of them (-1 if there was no batch).
   */
  private long readRuns(ByteBuffer records, ToLongFunction<ByteBuffer> ownRead, RunRead otherRead) {
    List<SchemaRun> runs = foreignRuns(records);
    if (runs == null) {
      return ownRead.applyAsLong(records);
    }
    long next = -1;
    for (SchemaRun run : runs) {
      ByteBuffer slice = run.slice(records);
      long n =
          run.schemaId() == schemas.readerSchemaId()
              ? ownRead.applyAsLong(slice)
              : otherRead.read(version(run.schemaId()), slice);
      next = Math.max(next, n);
    }
    return next;
  }

  @Override
  public LogRecordCursor cursor(ByteBuffer records, long fetchOffset) {
    List<SchemaRun> runs = foreignRuns(records);
    if (runs == null) {
      return own.cursor(records, fetchOffset);
    }
    return new RunCursor(runs, records, fetchOffset);
  }

  /** Reads the runs one after the other, each through the cursor of its version's reader. */
  private final class RunCursor implements LogRecordCursor {
    private final List<SchemaRun> runs;
    private final ByteBuffer records;
    private final long fetchOffset;
    private int nextRun;
    private LogRecordCursor current;
    private Version currentVersion;

    RunCursor(List<SchemaRun> runs, ByteBuffer records, long fetchOffset) {
      this.runs = runs;
      this.records = records;
      this.fetchOffset = fetchOffset;
    }

    @Override
    public int read(int max, LogRecordConsumer consumer) {
      int total = 0;
      while (total < max) {
        if (current == null && !openNextRun()) {
          break;
        }
        LogRecordConsumer target =
            currentVersion == null ? consumer : currentVersion.mapped(consumer);
        int n = current.read(max - total, target);
        if (n == 0) {
          current.close();
          current = null;
        }
        total += n;
      }
      return total;
    }

    private boolean openNextRun() {
      if (nextRun == runs.size()) {
        return false;
      }
      SchemaRun run = runs.get(nextRun++);
      boolean mine = run.schemaId() == schemas.readerSchemaId();
      currentVersion = mine ? null : version(run.schemaId());
      LogBatchReader reader = mine ? own : currentVersion.reader;
      // Runs of one schema are read one after the other, so each reader has one cursor at a time.
      current = reader.cursor(run.slice(records), fetchOffset);
      return true;
    }

    @Override
    public void close() {
      if (current != null) {
        current.close();
        current = null;
      }
      nextRun = runs.size();
    }
  }

  @Override
  public void close() {
    own.close();
    for (Version v : versions.values()) {
      v.reader.close();
    }
    versions.clear();
  }

  @Override
  public String toString() {
    return "schema-aware " + own;
  }
}
