package io.flussjava.client.scan.internal;

import io.flussjava.client.TableBucket;
import io.flussjava.client.admin.LogFormat;
import io.flussjava.client.admin.TableInfo;
import io.flussjava.client.scan.ArrowScanBatch;
import io.flussjava.client.scan.RemoteLogReadException;
import io.flussjava.client.scan.ScanRecord;
import io.flussjava.client.scan.ScanRecords;
import io.flussjava.log.CorruptRecordException;
import io.flussjava.log.LogBatchReader;
import io.flussjava.log.LogFormats;
import io.flussjava.log.LogReadContext;
import io.flussjava.log.LogRecordCursor;
import io.flussjava.types.convert.RowConverter;
import io.flussjava.types.convert.TypeConverters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns buffered fetches into what a poll returns, decoding only what is taken: records through a
 * {@link LogRecordCursor} that stops mid-response where the poll's budget ends and goes on there at
 * the next poll, or whole Arrow batches moved out of the reader without copying values.
 *
 * <p>The projection is applied once. ARROW: the server drops the other columns and sends the rest
 * in table order; rows are put into the asked order inside the array the reader made ({@link
 * ColumnOrder}), batches by reordering vectors. Other formats: the reader projects each decoded row
 * into one array of the asked columns. Either way a record costs one value array, which the {@link
 * ScanRecord} keeps.
 */
final class RecordDecoder implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RecordDecoder.class);

  private final String table;
  private final SubscriptionState subscriptions;
  private final FetchBuffer buffer;
  private final LogBatchReader reader;
  private final ColumnOrder columnOrder;
  private final RowConverter output;
  private final ArrowBatchDetacher detacher;
  // Tiered segments hold whole batches, also for ARROW scans whose projection the server applies to
  // what it sends: they are read with a reader of every column and projected here. Null when the
  // projection is not pushed down, so the regular reader reads whole batches anyway.
  private final LogBatchReader wholeReader;
  private final int[] projection;
  private final ArrowBatchDetacher wholeDetacher;
  // The response poll() is taking records from, and its subscription; null between responses.
  private LogRecordCursor cursor;
  private BucketState reading;
  private CompletedFetch readingFetch;
  private boolean readingWhole;

  RecordDecoder(
      TableInfo table,
      int[] projection,
      BufferAllocator allocator,
      boolean verifyCrc,
      TypeConverters converters,
      SubscriptionState subscriptions,
      FetchBuffer buffer) {
    this.table = table.getTablePath().toString();
    this.subscriptions = subscriptions;
    this.buffer = buffer;
    int[] wire = wireProjection(table, projection);
    // Pushed down: the reader gets the wire columns; otherwise the asked ones, which a row reader
    // projects to.
    int[] readerProjection = wire != null ? wire : projection;
    this.columnOrder = wire == null ? null : ColumnOrder.of(projection, wire);
    this.reader =
        LogFormats.forTable(table.getProperties())
            .createReader(
                new LogReadContext(
                    table.getRowType(),
                    readerProjection,
                    table.getProperties(),
                    allocator,
                    verifyCrc && wire == null));
    this.output =
        projection == null
            ? new RowConverter(table.getRowType(), converters)
            : RowConverter.forProjection(table.getRowType(), projection, converters);
    this.detacher =
        new ArrowBatchDetacher(
            allocator, columnOrder == null ? null : columnOrder.sourcePositions());
    this.projection = projection == null ? null : projection.clone();
    if (wire == null) {
      this.wholeReader = null;
      this.wholeDetacher = null;
    } else {
      this.wholeReader =
          LogFormats.forTable(table.getProperties())
              .createReader(
                  LogReadContext.full(
                      table.getRowType(), table.getProperties(), allocator, verifyCrc));
      this.wholeDetacher = new ArrowBatchDetacher(allocator, projection);
    }
  }

  /**
   * The columns the server is asked to send, ascending (the order it sends them in), or null for
   * all columns. Only ARROW batches can be cut down by the server; other formats are projected by
   * the reader.
   */
  static int[] wireProjection(TableInfo table, int[] projection) {
    if (projection == null || table.getLogFormat() != LogFormat.ARROW) {
      return null;
    }
    return Arrays.stream(projection).sorted().toArray();
  }

  /**
   * Takes up to {@code budget} records from the response being read and then the next buffered
   * ones, oldest first. A batch that cannot be decoded ends its bucket's subscription: the records
   * before it are returned and the error is queued for the next poll; if there were none, it is
   * thrown.
   */
  ScanRecords collect(int budget) {
    Map<TableBucket, List<ScanRecord>> out = new HashMap<>();
    int taken = 0;
    while (taken < budget) {
      if (reading != null && !subscriptions.isCurrent(reading)) {
        stopReading(); // unsubscribed or ended by an error since
      }
      if (reading == null && !startReading()) {
        break;
      }
      BucketState b = reading;
      List<ScanRecord> list = out.computeIfAbsent(b.bucket, k -> new ArrayList<>(budget));
      int before = list.size();
      int read;
      try {
        read =
            cursor.read(
                budget - taken,
                (offset, timestamp, changeType, row) -> {
                  if (offset
                      < b.endOffset) { // a bounded read ignores what lies past its end offset
                    Object[] values = arrange(row);
                    list.add(
                        new ScanRecord(
                            b.bucket, offset, timestamp, changeType, output.fromCanonical(values)));
                  }
                });
      } catch (RuntimeException e) {
        taken += list.size() - before;
        RuntimeException error = naming(readingFetch, e);
        unreadable(b, error);
        if (taken == 0) {
          throw error;
        }
        buffer.fail(error); // hand out what was read before it first; the next poll reports it
        break;
      }
      taken += list.size() - before;
      if (read == 0) {
        stopReading();
      }
    }
    out.values().removeIf(List::isEmpty);
    return out.isEmpty() ? ScanRecords.EMPTY : new ScanRecords(out);
  }

  /** Opens a cursor on the oldest buffered fetch; false if there is none. */
  private boolean startReading() {
    CompletedFetch fetch = buffer.take(subscriptions);
    if (fetch == null) {
      return false;
    }
    readingWhole = isWhole(fetch);
    cursor = (readingWhole ? wholeReader : reader).cursor(fetch.records(), fetch.fetchOffset());
    reading = fetch.state();
    reading.decoding = true;
    readingFetch = fetch;
    return true;
  }

  /** Whether the fetch holds whole batches the regular reader cannot read. */
  private boolean isWhole(CompletedFetch fetch) {
    return wholeReader != null && fetch.remotePath() != null;
  }

  /** A decoded row's values in the order the caller asked for. */
  private Object[] arrange(Object[] row) {
    if (!readingWhole) {
      return columnOrder == null ? row : columnOrder.apply(row);
    }
    Object[] out = new Object[projection.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = row[projection[i]];
    }
    return out;
  }

  /** Whether a response of {@code state} is being read (it may hold records not returned yet). */
  boolean isReading(BucketState state) {
    return reading == state;
  }

  /** The bucket whose records the last poll left in the cursor, or null. */
  TableBucket readingBucket() {
    return reading == null || !subscriptions.isCurrent(reading) ? null : reading.bucket;
  }

  void stopReading() {
    if (cursor != null) {
      cursor.close();
    }
    cursor = null;
    if (reading != null) {
      reading.decoding = false;
    }
    reading = null;
    readingFetch = null;
  }

  /**
   * Takes whole buffered responses as Arrow batches while they hold fewer than {@code budget} rows,
   * cutting at {@code maxRows} rows in all; a damaged batch is handled as in {@link #collect}.
   */
  List<ArrowScanBatch> collectBatches(long budget, long maxRows) {
    List<ArrowScanBatch> out = new ArrayList<>();
    long taken = 0;
    CompletedFetch fetch;
    while (taken < budget && (fetch = buffer.take(subscriptions)) != null) {
      int before = out.size();
      try {
        taken += decodeBatches(fetch, maxRows - taken, out);
      } catch (RuntimeException e) {
        RuntimeException error = naming(fetch, e);
        unreadable(fetch.state(), error);
        if (out.isEmpty()) {
          throw error;
        }
        // The batches detached before the damaged one are good: hand them out first.
        buffer.fail(error);
        break;
      }
    }
    return out;
  }

  /**
   * Decodes one response into batches of at most {@code maxRows} rows in all, before the bucket's
   * end offset.
   */
  private long decodeBatches(CompletedFetch fetch, long maxRows, List<ArrowScanBatch> out) {
    BucketState b = fetch.state();
    long[] taken = {0};
    boolean whole = isWhole(fetch);
    ArrowBatchDetacher batchDetacher = whole ? wholeDetacher : detacher;
    (whole ? wholeReader : reader)
        .readArrow(
            fetch.records(),
            fetch.fetchOffset(),
            batch -> {
              int from = batch.firstRow();
              long beforeEnd = Math.min(batch.rowCount(), b.endOffset - batch.baseOffset());
              long left =
                  Math.min(
                      maxRows - taken[0],
                      batch.rowCount()); // capped first: maxRows may be Long.MAX_VALUE
              int to = (int) Math.min(beforeEnd, from + left);
              if (to > from) {
                out.add(batchDetacher.detach(b.bucket, batch, from, to));
                taken[0] += to - from;
              }
            });
    return taken[0];
  }

  /** An error decoding a tiered segment's records names the segment's file. */
  private static RuntimeException naming(CompletedFetch fetch, RuntimeException e) {
    if (fetch.remotePath() == null) {
      return e;
    }
    long offset = e instanceof CorruptRecordException c ? c.baseOffset() : fetch.fetchOffset();
    return new RemoteLogReadException(
        fetch.state().bucket,
        offset,
        fetch.remotePath(),
        "the segment is damaged: " + e.getMessage(),
        e);
  }

  /**
   * A batch of {@code b} cannot be decoded: stop reading the bucket rather than skip the batch
   * silently or fail on it at every poll. The caller decides whether to subscribe again past it.
   */
  private void unreadable(BucketState b, RuntimeException e) {
    stopReading();
    subscriptions.unsubscribe(b.bucket);
    buffer.drop(b.bucket);
    LOG.warn(
        "Stopped reading {} of {}: {}. Records before it were returned; subscribe to the bucket again at a later"
            + " offset to skip the damaged batch.",
        b,
        table,
        e.getMessage());
  }

  @Override
  public void close() {
    stopReading();
    reader.close();
    if (wholeReader != null) {
      wholeReader.close();
    }
  }
}
