package io.flussjava.client.scan.internal;

import io.flussjava.client.TableBucket;
import io.flussjava.client.admin.TableInfo;
import io.flussjava.client.fs.RemoteFileSystems;
import io.flussjava.client.internal.Clock;
import io.flussjava.client.internal.ConnectionState;
import io.flussjava.client.internal.LeaderRouter;
import io.flussjava.client.internal.MetadataLeaderRouter;
import io.flussjava.client.internal.OffsetLister;
import io.flussjava.client.internal.OffsetLister.OffsetSpec;
import io.flussjava.client.internal.RetryPolicy;
import io.flussjava.client.metadata.MetadataCache;
import io.flussjava.client.scan.ArrowScanBatches;
import io.flussjava.client.scan.LogScanner;
import io.flussjava.client.scan.ScanRecords;
import io.flussjava.config.ClientOptions;
import io.flussjava.config.Configuration;
import io.flussjava.exception.ClosedException;
import io.flussjava.types.convert.TypeConverters;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.memory.RootAllocator;

/**
 * A {@link LogScanner}: the subscriptions ({@link SubscriptionState}, checked and resolved by
 * {@link OffsetResolver}), a pipelined {@link LogFetcher} filling a {@link FetchBuffer}, and a
 * {@link RecordDecoder} that decodes on the caller's thread only what a poll returns, driven by the
 * {@link Poller}. This class checks the caller's arguments, ties the parts together and owns the
 * lifecycle.
 *
 * <p>Calls hold the scanner's lock, so that {@link #close} from another thread waits for a running
 * poll (which it wakes) instead of freeing buffers under it. The lock is never contended otherwise:
 * scanners are single-threaded.
 */
public final class LogScannerImpl implements LogScanner {
  private final String handle;
  private final TableInfo table;
  private final ConnectionState connection;
  private final RootAllocator allocator;
  private final SubscriptionState subscriptions;
  private final FetchBuffer buffer = new FetchBuffer();
  private final OffsetResolver resolver;
  private final RemoteLogReader remote;
  private final LogFetcher fetcher;
  private final RecordDecoder decoder;
  private final Poller poller;
  private final Object lock = new Object();
  private final AtomicBoolean closed = new AtomicBoolean();
  // What the last pollBatches handed out: freed at the next poll or at close, unless the caller
  // freed it first.
  private ArrowScanBatches lastBatches = ArrowScanBatches.empty();

  /**
   * @param limit the most records to return over all buckets ({@link Long#MAX_VALUE}: no limit)
   * @param bounded whether the scan ends when every bucket reached its end offset (see {@link
   *     #subscribeUntil})
   * @param connection the state of the connection the scanner reads through: polls fail once it is
   *     closed
   */
  public LogScannerImpl(
      TableInfo table,
      int[] projection,
      long limit,
      boolean bounded,
      MetadataCache metadata,
      OffsetLister offsets,
      Configuration conf,
      TypeConverters converters,
      ConnectionState connection) {
    this(
        "LogScanner",
        table,
        projection,
        limit,
        bounded,
        metadata,
        offsets,
        conf,
        converters,
        connection,
        new MetadataLeaderRouter(metadata),
        Clock.SYSTEM,
        RemoteFileSystems.installed());
  }

  /**
   * @param kind what the scanner is to the caller, for messages ("LogScanner", "BoundedReader",
   *     ...)
   */
  LogScannerImpl(
      String kind,
      TableInfo table,
      int[] projection,
      long limit,
      boolean bounded,
      MetadataCache metadata,
      OffsetLister offsets,
      Configuration conf,
      TypeConverters converters,
      ConnectionState connection,
      LeaderRouter router,
      Clock clock,
      RemoteFileSystems fileSystems) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be >= 0, got " + limit);
    }
    this.handle = kind + " of " + table.getTablePath();
    this.table = table;
    this.connection = connection;
    Duration requestTimeout = conf.get(ClientOptions.REQUEST_TIMEOUT);
    this.subscriptions = new SubscriptionState(clock);
    this.resolver = new OffsetResolver(table, metadata, offsets, requestTimeout, clock);
    FetchRequests requests =
        new FetchRequests(
            table.getTableId(), RecordDecoder.wireProjection(table, projection), conf);
    this.remote =
        new RemoteLogReader(
            new SegmentDownloader(
                fileSystems,
                downloadRoot(conf),
                () -> downloadThreads(conf, table.getTablePath().toString())),
            conf.get(ClientOptions.SCANNER_REMOTE_LOG_PREFETCH_NUM),
            subscriptions,
            buffer);
    this.fetcher =
        new LogFetcher(
            table.getTablePath(),
            table.getTableId(),
            requests,
            subscriptions,
            buffer,
            router,
            RetryPolicy.from(conf),
            clock,
            connection,
            remote);
    int fetchMaxBytes = conf.get(ClientOptions.SCANNER_FETCH_MAX_BYTES).getBytesAsInt();
    this.allocator = new RootAllocator(Math.max(256L << 20, 4L * fetchMaxBytes));
    try {
      this.decoder =
          new RecordDecoder(
              table,
              projection,
              allocator,
              conf.get(ClientOptions.SCANNER_CHECK_CRC),
              converters,
              subscriptions,
              buffer);
    } catch (RuntimeException e) {
      allocator.close();
      throw e;
    }
    this.poller =
        new Poller(
            handle,
            limit,
            bounded,
            conf.get(ClientOptions.SCANNER_MAX_POLL_RECORDS),
            clock,
            subscriptions,
            buffer,
            fetcher,
            decoder,
            this::checkUsable);
  }

  /** {@code client.scanner.io.tmpdir}, by default {@code <java.io.tmpdir>/fluss}. */
  private static Path downloadRoot(Configuration conf) {
    String dir = conf.get(ClientOptions.SCANNER_IO_TMPDIR);
    return dir == null || dir.isBlank()
        ? Path.of(System.getProperty("java.io.tmpdir"), "fluss")
        : Path.of(dir);
  }

  /** Daemon threads named after the table, so a forgotten scanner never keeps the JVM alive. */
  private static ExecutorService downloadThreads(Configuration conf, String table) {
    AtomicInteger n = new AtomicInteger();
    return Executors.newFixedThreadPool(
        conf.get(ClientOptions.REMOTE_FILE_DOWNLOAD_THREAD_NUM),
        task -> {
          Thread t = new Thread(task, "fluss-remote-log-" + table + "-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
  }

  @Override
  public void subscribe(int bucket, long offset) {
    subscribeAt(false, TableBucket.NO_PARTITION, bucket, null, offset);
  }

  @Override
  public void subscribeFromBeginning(int bucket) {
    subscribeAt(false, TableBucket.NO_PARTITION, bucket, OffsetSpec.EARLIEST, 0);
  }

  @Override
  public void subscribeFromLatest(int bucket) {
    subscribeAt(false, TableBucket.NO_PARTITION, bucket, OffsetSpec.LATEST, 0);
  }

  @Override
  public void subscribeFromTimestamp(int bucket, long timestampMillis) {
    subscribeAt(false, TableBucket.NO_PARTITION, bucket, OffsetSpec.TIMESTAMP, timestampMillis);
  }

  @Override
  public void subscribe(long partitionId, int bucket, long offset) {
    subscribeAt(true, partitionId, bucket, null, offset);
  }

  @Override
  public void subscribeFromBeginning(long partitionId, int bucket) {
    subscribeAt(true, partitionId, bucket, OffsetSpec.EARLIEST, 0);
  }

  @Override
  public void subscribeFromLatest(long partitionId, int bucket) {
    subscribeAt(true, partitionId, bucket, OffsetSpec.LATEST, 0);
  }

  @Override
  public void subscribeFromTimestamp(long partitionId, int bucket, long timestampMillis) {
    subscribeAt(true, partitionId, bucket, OffsetSpec.TIMESTAMP, timestampMillis);
  }

  /**
   * Subscribes from {@code arg} as an offset, or, with a {@code spec}, from the offset it names (at
   * time arg).
   */
  private void subscribeAt(
      boolean partitioned, long partitionId, int bucket, OffsetSpec spec, long arg) {
    synchronized (lock) {
      checkUsable();
      TableBucket b =
          partitioned ? resolver.ofPartition(partitionId, bucket) : resolver.unpartitioned(bucket);
      if (partitioned && spec == null) {
        resolver.checkPartitionExists(partitionId); // listing an offset checks it otherwise
      }
      subscribeTo(b, spec == null ? arg : resolver.resolve(b, spec, arg), Long.MAX_VALUE);
    }
  }

  /**
   * Reads a bucket (of a partition, or {@link TableBucket#NO_PARTITION}) from {@code offset} up to,
   * not including, {@code endOffset}; a bounded scan ends when every bucket got there.
   */
  public void subscribeUntil(long partitionId, int bucket, long offset, long endOffset) {
    synchronized (lock) {
      checkUsable();
      subscribeTo(resolver.bucket(partitionId, bucket), offset, endOffset);
    }
  }

  private void subscribeTo(TableBucket bucket, long offset, long endOffset) {
    subscriptions.subscribe(bucket, offset, endOffset);
    buffer.drop(bucket);
    fetcher.sendFetches(); // the first fetch travels while the caller subscribes the next bucket
  }

  @Override
  public void unsubscribe(int bucket) {
    unsubscribe(TableBucket.NO_PARTITION, bucket);
  }

  @Override
  public void unsubscribe(long partitionId, int bucket) {
    TableBucket b = TableBucket.of(table.getTableId(), partitionId, bucket);
    synchronized (lock) {
      checkUsable();
      subscriptions.unsubscribe(
          b); // the decoder drops a response of it it was reading at the next poll
      buffer.drop(b);
    }
  }

  @Override
  public void pause(int bucket) {
    setPaused(TableBucket.NO_PARTITION, bucket, true);
  }

  @Override
  public void pause(long partitionId, int bucket) {
    setPaused(partitionId, bucket, true);
  }

  @Override
  public void resume(int bucket) {
    setPaused(TableBucket.NO_PARTITION, bucket, false);
  }

  @Override
  public void resume(long partitionId, int bucket) {
    setPaused(partitionId, bucket, false);
  }

  private void setPaused(long partitionId, int bucket, boolean paused) {
    TableBucket b = TableBucket.of(table.getTableId(), partitionId, bucket);
    synchronized (lock) {
      checkUsable();
      if (paused) {
        subscriptions.pause(b);
      } else {
        subscriptions.resume(b);
      }
    }
  }

  @Override
  public ScanRecords poll(Duration timeout) {
    synchronized (lock) {
      checkUsable();
      releaseLastBatches();
      return poller.poll(timeout);
    }
  }

  @Override
  public ArrowScanBatches pollBatches(Duration timeout) {
    synchronized (lock) {
      checkUsable();
      poller.checkBatchesAllowed(table);
      releaseLastBatches();
      lastBatches = poller.pollBatches(timeout);
      return lastBatches;
    }
  }

  @Override
  public boolean isEndReached() {
    synchronized (lock) {
      checkUsable();
      return poller.isEnd();
    }
  }

  private void releaseLastBatches() {
    ArrowScanBatches last = lastBatches;
    lastBatches = ArrowScanBatches.empty();
    last.close();
  }

  /**
   * @throws ClosedException if this scanner or its connection is closed
   */
  public void checkUsable() {
    if (closed.get()) {
      throw ClosedException.of("this " + handle);
    }
    connection.checkOpen(handle);
  }

  /**
   * Frees the scanner's buffers; responses still in flight are dropped when they arrive.
   * Idempotent, any thread.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    buffer
        .wakeup(); // a poll waiting on another thread returns (with a ClosedException) and lets go
    // of the lock
    synchronized (lock) {
      fetcher.close();
      remote.close();
      buffer.close();
      subscriptions.clear();
      try {
        releaseLastBatches();
        decoder.close();
      } finally {
        allocator.close();
      }
    }
  }
}
