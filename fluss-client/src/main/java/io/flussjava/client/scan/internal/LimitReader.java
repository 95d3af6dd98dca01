package io.flussjava.client.scan.internal;

import io.flussjava.client.TableBucket;
import io.flussjava.client.admin.TableInfo;
import io.flussjava.client.internal.ConnectionState;
import io.flussjava.client.internal.Futures;
import io.flussjava.client.internal.LeaderRouter;
import io.flussjava.client.internal.Retrier;
import io.flussjava.client.internal.RowPresenter;
import io.flussjava.client.internal.StoredValueDecoder;
import io.flussjava.client.metadata.SchemaCache;
import io.flussjava.client.scan.BoundedReader;
import io.flussjava.client.scan.ScanRecord;
import io.flussjava.config.ClientOptions;
import io.flussjava.config.Configuration;
import io.flussjava.exception.ClosedException;
import io.flussjava.log.ChangeType;
import io.flussjava.log.LogBatchReader;
import io.flussjava.log.LogFormats;
import io.flussjava.log.LogReadContext;
import io.flussjava.types.convert.TypeConverters;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import org.apache.arrow.memory.RootAllocator;

/**
 * The reader behind {@code newScan().limit(n).createBoundedReader()}: LimitScan requests to each
 * bucket's leader. A primary-key table answers with current rows of its key-value store (any n of
 * them, not a changelog); a log table with its last records below the high watermark.
 *
 * <p>Primary-key table: buckets are asked in order, {@value #MAX_IN_FLIGHT} at a time, until n rows
 * are in hand. Log table: every bucket's last n records, of which the n newest by commit timestamp
 * are kept when buckets hold more together, handed out bucket by bucket in offset order.
 *
 * <p>Everything is read at the first {@link #hasNext()} (n rows per bucket at most are held), so
 * the reader's memory is bounded by n times the buckets in flight. Not thread-safe.
 */
public final class LimitReader implements BoundedReader {
  private static final int MAX_IN_FLIGHT = 16;
  private static final String HANDLE = "BoundedReader";

  private final TableInfo table;
  private final StoredValueDecoder values;
  private final int limit;
  private final List<TableBucket> buckets;
  private final LimitScanCall call;
  private final long knownAtNanos;
  private final Duration wait;
  private final boolean verifyCrc;
  private final RowPresenter output;
  private final ConnectionState connection;
  private Iterator<ScanRecord> records;
  private boolean closed;

  /**
   * @param projection the columns to hand out, in this order, or null for all
   * @param buckets every bucket to read, in the order they are asked
   * @param knownAtNanos when (on the call's retrier's clock) the buckets' partitions were listed
   */
  LimitReader(
      TableInfo table,
      int[] projection,
      int limit,
      List<TableBucket> buckets,
      LimitScanCall call,
      long knownAtNanos,
      Duration wait,
      boolean verifyCrc,
      StoredValueDecoder values,
      TypeConverters converters,
      ConnectionState connection) {
    this.table = table;
    this.values = values;
    this.limit = limit;
    this.buckets = buckets;
    this.call = call;
    this.knownAtNanos = knownAtNanos;
    this.wait = wait;
    this.verifyCrc = verifyCrc;
    this.output = new RowPresenter(table.getRowType(), projection, converters);
    this.connection = connection;
  }

  /**
   * A limit reader of every bucket of the table (for a partitioned table: of each of {@code
   * partitionIds}).
   *
   * @param knownAtNanos when (on {@code retrier}'s clock) the partitions were listed
   */
  public static LimitReader open(
      TableInfo table,
      int[] projection,
      int limit,
      List<Long> partitionIds,
      long knownAtNanos,
      LeaderRouter router,
      Retrier retrier,
      SchemaCache schemas,
      Configuration conf,
      TypeConverters converters,
      ConnectionState connection) {
    List<TableBucket> buckets = new ArrayList<>();
    List<Long> partitions =
        table.isPartitioned() ? partitionIds : List.of(TableBucket.NO_PARTITION);
    for (long partition : partitions) {
      for (int b = 0; b < table.getNumBuckets(); b++) {
        buckets.add(TableBucket.of(table.getTableId(), partition, b));
      }
    }
    Duration timeout = conf.get(ClientOptions.REQUEST_TIMEOUT);
    return new LimitReader(
        table,
        projection,
        limit,
        buckets,
        new LimitScanCall(router, retrier, timeout),
        knownAtNanos,
        timeout.plusSeconds(5),
        conf.get(ClientOptions.SCANNER_CHECK_CRC),
        new StoredValueDecoder(table, schemas, timeout),
        converters,
        connection);
  }

  @Override
  public boolean hasNext() {
    if (closed) {
      throw ClosedException.of("this " + HANDLE);
    }
    connection.checkOpen(HANDLE);
    if (records == null) {
      records =
          limit == 0
              ? List.<ScanRecord>of().iterator()
              : (table.hasPrimaryKey() ? currentRows() : lastRecords()).iterator();
    }
    return records.hasNext();
  }

  @Override
  public ScanRecord next() {
    if (!hasNext()) {
      throw new NoSuchElementException("the limit scan handed out all its records");
    }
    return records.next();
  }

  @Override
  public void close() {
    closed = true;
    records = null;
  }

  /** Up to n current rows of a primary-key table, bucket after bucket. */
  private List<ScanRecord> currentRows() {
    List<ScanRecord> out = new ArrayList<>(Math.min(limit, 1 << 16));
    readBuckets(
        () -> out.size() >= limit,
        (bucket, answer) ->
            ValueRecordBatch.forEach(
                answer,
                (bytes, offset, length) -> {
                  if (out.size() < limit) {
                    Object[] row = values.decode(bytes, offset, length);
                    // A row of the store has no log offset or commit time of its own.
                    out.add(new ScanRecord(bucket, -1, -1, ChangeType.INSERT, output.present(row)));
                  }
                }));
    return out;
  }

  /**
   * The last n records of a log table: each bucket's last n, then the newest n of those by commit
   * timestamp, handed out bucket by bucket in offset order.
   */
  private List<ScanRecord> lastRecords() {
    List<ScanRecord> all = new ArrayList<>();
    try (RootAllocator allocator = new RootAllocator(256L << 20);
        LogBatchReader reader =
            LogFormats.forTable(table.getProperties())
                .createReader(
                    new LogReadContext(
                        table.getRowType(), null, table.getProperties(), allocator, verifyCrc))) {
      readBuckets(
          () -> false,
          (bucket, answer) -> {
            ArrayDeque<ScanRecord> last = new ArrayDeque<>();
            reader.read(
                ByteBuffer.wrap(answer),
                0,
                (offset, timestamp, changeType, row) -> {
                  if (last.size() == limit) {
                    last.poll(); // the server starts at a batch boundary: older records come first
                  }
                  last.add(
                      new ScanRecord(bucket, offset, timestamp, changeType, output.present(row)));
                });
            all.addAll(last);
          });
    }
    if (all.size() > limit) {
      List<ScanRecord> newest = new ArrayList<>(all);
      newest.sort(Comparator.comparingLong(ScanRecord::timestamp).reversed());
      List<ScanRecord> kept = newest.subList(0, limit);
      Set<ScanRecord> keep = Collections.newSetFromMap(new IdentityHashMap<>());
      keep.addAll(kept);
      all.retainAll(keep); // keeps bucket-then-offset order
    }
    return all;
  }

  /**
   * Asks the buckets in order, {@value #MAX_IN_FLIGHT} at a time, and hands each answer to {@code
   * consumer} in bucket order until {@code enough} says so or every bucket answered; requests still
   * in flight then are cancelled.
   */
  private void readBuckets(BooleanSupplier enough, BiConsumer<TableBucket, byte[]> consumer) {
    ArrayDeque<Asked> asked = new ArrayDeque<>();
    int next = 0;
    try {
      while (!enough.getAsBoolean() && (next < buckets.size() || !asked.isEmpty())) {
        while (next < buckets.size() && asked.size() < MAX_IN_FLIGHT) {
          asked.add(ask(buckets.get(next++)));
        }
        Asked a = asked.poll();
        consumer.accept(a.bucket, a.await());
      }
    } finally {
      asked.forEach(a -> a.records.cancel(false));
    }
  }

  private Asked ask(TableBucket bucket) {
    return new Asked(bucket, call.scan(table.getTablePath(), bucket, limit, knownAtNanos));
  }

  /** One bucket's request in flight. */
  private final class Asked {
    final TableBucket bucket;
    final CompletableFuture<byte[]> records;

    Asked(TableBucket bucket, CompletableFuture<byte[]> records) {
      this.bucket = bucket;
      this.records = records;
    }

    byte[] await() {
      return Futures.await(
          records, wait, "the limit scan of " + table.getTablePath() + " " + bucket);
    }
  }
}
