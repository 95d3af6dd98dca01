package io.flussjava.client.scan.internal;

import io.flussjava.client.admin.LogFormat;
import io.flussjava.client.admin.TableInfo;
import io.flussjava.client.internal.Futures;
import io.flussjava.client.internal.OffsetLister;
import io.flussjava.client.internal.OffsetLister.OffsetSpec;
import io.flussjava.client.metadata.MetadataCache;
import io.flussjava.client.metadata.TableMetadata;
import io.flussjava.client.scan.ArrowScanBatch;
import io.flussjava.client.scan.ArrowScanBatches;
import io.flussjava.client.scan.LogScanner;
import io.flussjava.client.scan.ScanBucket;
import io.flussjava.client.scan.ScanRecord;
import io.flussjava.client.scan.ScanRecords;
import io.flussjava.config.ClientOptions;
import io.flussjava.config.Configuration;
import io.flussjava.exception.Errors;
import io.flussjava.exception.FlussException;
import io.flussjava.exception.InvalidMetadataException;
import io.flussjava.exception.InvalidTableOperationException;
import io.flussjava.exception.PartitionNotExistException;
import io.flussjava.exception.RetriableException;
import io.flussjava.exception.TableNotPartitionedException;
import io.flussjava.exception.TimeoutException;
import io.flussjava.log.LogBatchReader;
import io.flussjava.log.LogFormats;
import io.flussjava.log.LogReadContext;
import io.flussjava.log.LogRecordCursor;
import io.flussjava.rpc.ApiMethods;
import io.flussjava.rpc.protocol.FetchLogRequest;
import io.flussjava.rpc.protocol.FetchLogResponse;
import io.flussjava.rpc.protocol.PbFetchLogReqForBucket;
import io.flussjava.rpc.protocol.PbFetchLogReqForTable;
import io.flussjava.rpc.protocol.PbFetchLogRespForBucket;
import io.flussjava.rpc.protocol.PbFetchLogRespForTable;
import io.flussjava.types.convert.RowConverter;
import io.flussjava.types.convert.TypeConverters;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.arrow.memory.RootAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link LogScanner} with a pipelined fetcher. Each subscribed bucket has at most one FetchLog in flight or one
 * fetched response waiting, besides the response {@link #poll} is reading: as soon as poll starts reading a response,
 * the next fetch of that bucket (from the offset after its last complete batch) goes out. Decoding runs on the
 * caller's thread, never on a network thread, and only for the records a poll hands out (through a {@link
 * LogRecordCursor}): a response of a million rows never turns into a million row objects waiting in the heap, which
 * would outlive young collections and make the garbage collector copy them.
 *
 * <p>All state belongs to the caller's thread: network threads only queue their responses as events, which {@link
 * #poll} applies. So a network thread never waits for a caller that is decoding.
 *
 * <p>Bounded reads: a limit caps the records returned over all buckets; a bucket subscribed with an end offset
 * ({@link #subscribeUntil}) is not fetched past it and is done once everything before it was returned.
 */
public final class LogScannerImpl implements LogScanner {
  private static final Logger LOG = LoggerFactory.getLogger(LogScannerImpl.class);

  private final TableInfo table;
  private final MetadataCache metadata;
  private final OffsetLister offsets;
  private final Duration requestTimeout;
  private final int[] projection;
  private final boolean pushdown;
  // The server wants projected fields in table order; rows are put back into the caller's order with this map.
  private final int[] wireProjection;
  private final int[] fromWireOrder;
  private final int maxPollRecords;
  private final int fetchMaxBytes;
  private final int fetchMaxBytesForBucket;
  private final int fetchMinBytes;
  private final int fetchWaitMs;
  private final long retryBackoffNanos;
  private final RootAllocator allocator;
  private final LogBatchReader reader;
  private final RowConverter output;

  private final Map<ScanBucket, BucketState> buckets = new LinkedHashMap<>();
  private final ArrayDeque<FetchedData> fetched = new ArrayDeque<>();
  private final LinkedBlockingQueue<Runnable> events = new LinkedBlockingQueue<>();
  private RuntimeException pendingError;
  private boolean closed;
  private final boolean bounded;
  private long limitRemaining;
  private final ArrowBatchDetacher detacher;
  // What the last pollBatches handed out: freed at the next poll or at close, unless the caller freed it first.
  private ArrowScanBatches lastBatches = ArrowScanBatches.empty();
  // The fetched response poll() is taking records from, and its bucket; null between responses.
  private LogRecordCursor cursor;
  private BucketState reading;

  public LogScannerImpl(
      TableInfo table,
      int[] projection,
      MetadataCache metadata,
      OffsetLister offsets,
      Configuration conf,
      TypeConverters converters) {
    this(table, projection, Long.MAX_VALUE, false, metadata, offsets, conf, converters);
  }

  /**
   * @param limit the most records to return over all buckets ({@link Long#MAX_VALUE}: no limit)
   * @param bounded whether the scan ends when every bucket reached its end offset (see {@link #subscribeUntil})
   */
  public LogScannerImpl(
      TableInfo table,
      int[] projection,
      long limit,
      boolean bounded,
      MetadataCache metadata,
      OffsetLister offsets,
      Configuration conf,
      TypeConverters converters) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be >= 0, got " + limit);
    }
    this.limitRemaining = limit;
    this.bounded = bounded;
    this.table = table;
    this.metadata = metadata;
    this.offsets = offsets;
    this.projection = projection;
    this.requestTimeout = conf.get(ClientOptions.REQUEST_TIMEOUT);
    // Only Arrow batches can be cut down to some columns by the server; other formats are projected here.
    this.pushdown = projection != null && table.getLogFormat() == LogFormat.ARROW;
    this.wireProjection = pushdown ? java.util.Arrays.stream(projection).sorted().toArray() : null;
    this.fromWireOrder = pushdown ? reorder(projection, wireProjection) : null;
    this.maxPollRecords = conf.get(ClientOptions.SCANNER_MAX_POLL_RECORDS);
    this.fetchMaxBytes = conf.get(ClientOptions.SCANNER_FETCH_MAX_BYTES).getBytesAsInt();
    this.fetchMaxBytesForBucket = conf.get(ClientOptions.SCANNER_FETCH_MAX_BYTES_FOR_BUCKET).getBytesAsInt();
    this.fetchMinBytes = conf.get(ClientOptions.SCANNER_FETCH_MIN_BYTES).getBytesAsInt();
    this.fetchWaitMs = (int) conf.get(ClientOptions.SCANNER_FETCH_WAIT_MAX_TIME).toMillis();
    this.retryBackoffNanos = conf.get(ClientOptions.RETRY_BACKOFF).toNanos();
    boolean checkCrc = conf.get(ClientOptions.SCANNER_CHECK_CRC) && !pushdown;
    this.allocator = new RootAllocator(Math.max(256L << 20, 4L * fetchMaxBytes));
    this.reader =
        LogFormats.forTable(table.getProperties())
            .createReader(
                new LogReadContext(
                    table.getRowType(), wireProjection, table.getProperties(), allocator, checkCrc));
    this.output =
        projection == null
            ? new RowConverter(table.getRowType(), converters)
            : RowConverter.forProjection(table.getRowType(), projection, converters);
    this.detacher = new ArrowBatchDetacher(allocator, fromWireOrder);
  }

  @Override
  public void subscribe(int bucket, long offset) {
    checkOpen();
    subscribeTo(unpartitioned(bucket), offset);
  }

  @Override
  public void subscribeFromBeginning(int bucket) {
    ScanBucket b = unpartitioned(bucket);
    subscribeTo(b, resolve(b, OffsetSpec.EARLIEST, 0));
  }

  @Override
  public void subscribeFromLatest(int bucket) {
    ScanBucket b = unpartitioned(bucket);
    subscribeTo(b, resolve(b, OffsetSpec.LATEST, 0));
  }

  @Override
  public void subscribeFromTimestamp(int bucket, long timestampMillis) {
    ScanBucket b = unpartitioned(bucket);
    subscribeTo(b, resolve(b, OffsetSpec.TIMESTAMP, timestampMillis));
  }

  @Override
  public void subscribe(long partitionId, int bucket, long offset) {
    checkOpen();
    ScanBucket b = ofPartition(partitionId, bucket);
    checkPartitionExists(partitionId);
    subscribeTo(b, offset);
  }

  @Override
  public void subscribeFromBeginning(long partitionId, int bucket) {
    ScanBucket b = ofPartition(partitionId, bucket);
    subscribeTo(b, resolve(b, OffsetSpec.EARLIEST, 0));
  }

  @Override
  public void subscribeFromLatest(long partitionId, int bucket) {
    ScanBucket b = ofPartition(partitionId, bucket);
    subscribeTo(b, resolve(b, OffsetSpec.LATEST, 0));
  }

  @Override
  public void subscribeFromTimestamp(long partitionId, int bucket, long timestampMillis) {
    ScanBucket b = ofPartition(partitionId, bucket);
    subscribeTo(b, resolve(b, OffsetSpec.TIMESTAMP, timestampMillis));
  }

  /**
   * Reads a bucket (of a partition, or {@link ScanBucket#NO_PARTITION}) from {@code offset} up to, not including,
   * {@code endOffset}; a bounded scan ends when every bucket got there.
   */
  public void subscribeUntil(ScanBucket bucket, long offset, long endOffset) {
    checkBucket(bucket.bucket());
    subscribeTo(bucket, offset, endOffset);
  }

  private void subscribeTo(ScanBucket bucket, long offset) {
    subscribeTo(bucket, offset, Long.MAX_VALUE);
  }

  private void subscribeTo(ScanBucket bucket, long offset, long endOffset) {
    checkOpen();
    if (offset < 0) {
      throw new IllegalArgumentException("offset must be >= 0, got " + offset);
    }
    buckets.put(bucket, new BucketState(bucket, offset, endOffset));
    fetched.removeIf(f -> f.bucket.equals(bucket));
    sendFetches();
  }

  /** Lists an offset of the bucket; for a partition that does not exist this fails with PartitionNotExist. */
  private long resolve(ScanBucket bucket, OffsetSpec spec, long timestamp) {
    Map<Integer, Long> result =
        Futures.await(
            offsets.listOffsets(
                table.getTablePath(), bucket.partitionId(), List.of(bucket.bucket()), spec, timestamp),
            requestTimeout.plusSeconds(5),
            "listing the " + spec + " offset of " + bucket + " of " + table.getTablePath());
    return result.get(bucket.bucket());
  }

  @Override
  public void unsubscribe(int bucket) {
    forget(ScanBucket.of(bucket));
  }

  @Override
  public void unsubscribe(long partitionId, int bucket) {
    forget(ScanBucket.of(partitionId, bucket));
  }

  private void forget(ScanBucket bucket) {
    if (reading != null && reading.bucket.equals(bucket)) {
      stopReading();
    }
    buckets.remove(bucket);
    fetched.removeIf(f -> f.bucket.equals(bucket));
  }

  private ScanBucket unpartitioned(int bucket) {
    if (table.isPartitioned()) {
      throw new IllegalArgumentException(
          "Table " + table.getTablePath() + " is partitioned by " + table.getPartitionKeys() + ": subscribe to a"
              + " bucket of a partition, e.g. subscribe(partitionId, bucket, offset), with partition ids from"
              + " admin.listPartitionInfos(" + table.getTablePath() + ").");
    }
    checkBucket(bucket);
    return ScanBucket.of(bucket);
  }

  private ScanBucket ofPartition(long partitionId, int bucket) {
    if (!table.isPartitioned()) {
      throw new TableNotPartitionedException(
          "Table " + table.getTablePath() + " is not partitioned: subscribe to its buckets with subscribe(bucket,"
              + " offset).");
    }
    if (partitionId < 0) {
      throw new IllegalArgumentException("partition ids are >= 0, got " + partitionId);
    }
    checkBucket(bucket);
    return ScanBucket.of(partitionId, bucket);
  }

  private void checkPartitionExists(long partitionId) {
    long askedAt = System.nanoTime();
    Duration wait = requestTimeout.plusSeconds(5);
    String operation = "fetching the metadata of " + table.getTablePath();
    TableMetadata meta = Futures.await(metadata.table(table.getTablePath()), wait, operation);
    if (meta.partition(partitionId).isEmpty() && !meta.fetchedAfter(askedAt)) {
      meta = Futures.await(metadata.refresh(table.getTablePath(), meta), wait, operation);
    }
    if (meta.partition(partitionId).isEmpty()) {
      throw new PartitionNotExistException(
          "Table " + table.getTablePath() + " has no partition with id " + partitionId + "; its partitions are listed"
              + " by admin.listPartitionInfos(" + table.getTablePath() + ").");
    }
  }

  @Override
  public ScanRecords poll(Duration timeout) {
    checkOpen();
    releaseLastBatches();
    return pollUntil(timeout, this::collect, ScanRecords::isEmpty, ScanRecords.EMPTY);
  }

  @Override
  public ArrowScanBatches pollBatches(Duration timeout) {
    checkOpen();
    if (table.getLogFormat() != LogFormat.ARROW) {
      throw new InvalidTableOperationException(
          "Table " + table.getTablePath() + " stores its log as " + table.getLogFormat() + ": pollBatches reads"
              + " ARROW batches only; read it with poll(), or create the table with table.log.format=ARROW.");
    }
    if (reading != null) {
      throw new IllegalStateException(
          "records of " + reading.bucket + " taken by poll() are still waiting to be returned: keep calling poll()"
              + " on this scanner, or use a scanner of its own for pollBatches()");
    }
    releaseLastBatches();
    lastBatches = pollUntil(timeout, this::collectBatches, ArrowScanBatches::isEmpty, ArrowScanBatches.empty());
    return lastBatches;
  }

  @Override
  public boolean isEndReached() {
    if (limitRemaining == 0) {
      return true;
    }
    if (!bounded) {
      return false;
    }
    for (BucketState b : buckets.values()) {
      if (!b.isDone(reading)) {
        return false;
      }
    }
    return true;
  }

  /** Polls with {@code collect} until it finds something, the scan ends, or the timeout passes. */
  private <T> T pollUntil(Duration timeout, Supplier<T> collect, Predicate<T> isEmpty, T empty) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      applyEvents();
      if (pendingError != null) {
        RuntimeException e = pendingError;
        pendingError = null;
        throw e;
      }
      if (isEndReached()) {
        return empty;
      }
      sendFetches();
      T result = collect.get();
      if (!isEmpty.test(result)) {
        sendFetches(); // the buckets just drained fetch again while the caller works
        return result;
      }
      long wait = deadline - System.nanoTime();
      if (wait <= 0) {
        return empty;
      }
      try {
        // Wake for the next response, or now and then to retry buckets that are backing off.
        Runnable event = events.poll(Math.min(wait, TimeUnit.MILLISECONDS.toNanos(50)), TimeUnit.NANOSECONDS);
        if (event != null) {
          event.run();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new FlussException("interrupted while polling " + table.getTablePath(), e);
      }
    }
  }

  private void applyEvents() {
    Runnable event;
    while ((event = events.poll()) != null) {
      event.run();
    }
  }

  /**
   * Takes up to max-poll-records (and the limit) from the response being read and then the next fetched ones, oldest
   * first, decoding only the records taken.
   */
  private ScanRecords collect() {
    Map<ScanBucket, List<ScanRecord>> out = new HashMap<>();
    int budget = (int) Math.min(maxPollRecords, limitRemaining);
    int taken = 0;
    while (taken < budget) {
      if (reading == null && !startReading()) {
        break;
      }
      BucketState b = reading;
      List<ScanRecord> list = out.computeIfAbsent(b.bucket, k -> new ArrayList<>(budget));
      int before = list.size();
      int read;
      try {
        read = cursor.read(budget - taken, (offset, timestamp, changeType, row) -> {
          if (offset < b.endOffset) { // a bounded read ignores what lies past its end offset
            Object[] values = projection == null ? row : project(row, pushdown ? fromWireOrder : projection);
            list.add(new ScanRecord(b.bucket.partitionId(), b.bucket.bucket(), offset, timestamp, changeType,
                output.fromCanonical(values)));
          }
        });
      } catch (RuntimeException e) {
        taken += list.size() - before;
        RuntimeException error = unreadable(b, e);
        if (taken == 0) {
          throw error;
        }
        pendingError = error; // hand out what was read before it first; the next poll reports it
        break;
      }
      taken += list.size() - before;
      if (read == 0) {
        stopReading();
      }
    }
    out.values().removeIf(List::isEmpty);
    return out.isEmpty() ? ScanRecords.EMPTY : returned(ScanRecords.of(out), taken);
  }

  /**
   * A batch of {@code b} cannot be decoded: stop reading the bucket rather than skip the batch silently or fail on it
   * at every poll. The caller decides whether to subscribe again past it.
   */
  private RuntimeException unreadable(BucketState b, RuntimeException e) {
    stopReading();
    forget(b.bucket);
    LOG.warn("Stopped reading {} of {}: {}. Records before it were returned; subscribe to the bucket again at a later"
        + " offset to skip the damaged batch.", b.bucket, table.getTablePath(), e.getMessage());
    return e;
  }

  /** Opens a cursor on the oldest fetched response of a still-subscribed bucket; false if there is none. */
  private boolean startReading() {
    while (!fetched.isEmpty()) {
      FetchedData data = fetched.poll();
      BucketState b = buckets.get(data.bucket);
      if (b == null || b.epoch != data.epoch) {
        continue; // unsubscribed or re-subscribed since it was fetched
      }
      b.undecoded--; // taken: the bucket may fetch its next response while this one is read
      cursor = reader.cursor(data.records, data.fetchOffset);
      reading = b;
      return true;
    }
    return false;
  }

  private void stopReading() {
    if (cursor != null) {
      cursor.close();
    }
    cursor = null;
    reading = null;
  }

  /**
   * Takes whole fetched responses as Arrow batches until they hold max-poll-records, cutting the last at the limit.
   * A batch that cannot be decoded stops its bucket; the batches before it are handed out first.
   */
  private ArrowScanBatches collectBatches() {
    List<ArrowScanBatch> out = new ArrayList<>();
    long budget = Math.min(maxPollRecords, limitRemaining);
    long taken = 0;
    while (taken < budget && !fetched.isEmpty()) {
      FetchedData data = fetched.poll();
      BucketState b = buckets.get(data.bucket);
      if (b == null || b.epoch != data.epoch) {
        continue; // unsubscribed or re-subscribed since it was fetched
      }
      int before = out.size();
      try {
        taken += decodeBatches(data, b, limitRemaining - taken, out);
      } catch (RuntimeException e) {
        for (int i = before; i < out.size(); i++) {
          taken += out.get(i).rowCount(); // detached before the damaged batch: still good
        }
        RuntimeException error = unreadable(b, e);
        if (out.isEmpty()) {
          throw error;
        }
        pendingError = error; // hand out what was read before it first; the next poll reports it
        break;
      }
    }
    return out.isEmpty() ? ArrowScanBatches.empty() : returned(new ArrowScanBatches(out), taken);
  }

  /** Decodes one response into batches of at most {@code maxRows} rows in all, before the bucket's end offset. */
  private long decodeBatches(FetchedData data, BucketState b, long maxRows, List<ArrowScanBatch> out) {
    long[] taken = {0};
    b.undecoded--;
    reader.readArrow(
        data.records,
        data.fetchOffset,
        batch -> {
          int from = batch.firstRow();
          long beforeEnd = Math.min(batch.rowCount(), b.endOffset - batch.baseOffset());
          long left = Math.min(maxRows - taken[0], batch.rowCount()); // capped first: maxRows may be Long.MAX_VALUE
          int to = (int) Math.min(beforeEnd, from + left);
          if (to > from) {
            out.add(detacher.detach(b.bucket, batch, from, to));
            taken[0] += to - from;
          }
        });
    return taken[0];
  }

  /** Counts records handed out against the limit; once it is used up, drops everything still buffered. */
  private <T> T returned(T result, long count) {
    if (limitRemaining != Long.MAX_VALUE) {
      limitRemaining -= count;
      if (limitRemaining == 0) {
        fetched.clear();
        stopReading();
      }
    }
    return result;
  }

  private void releaseLastBatches() {
    ArrowScanBatches last = lastBatches;
    lastBatches = ArrowScanBatches.empty();
    last.close();
  }

  private static Object[] project(Object[] row, int[] indexes) {
    if (indexes == null) {
      return row; // already in the caller's order
    }
    Object[] out = new Object[indexes.length];
    for (int i = 0; i < indexes.length; i++) {
      out[i] = row[indexes[i]];
    }
    return out;
  }

  /** Where each asked column sits in the sorted wire projection; {@code null} when the orders agree. */
  private static int[] reorder(int[] asked, int[] sorted) {
    if (java.util.Arrays.equals(asked, sorted)) {
      return null;
    }
    int[] out = new int[asked.length];
    for (int i = 0; i < asked.length; i++) {
      out[i] = java.util.Arrays.binarySearch(sorted, asked[i]);
    }
    return out;
  }

  /** Sends a fetch to each leader for its buckets that have nothing in flight and nothing waiting. */
  private void sendFetches() {
    if (closed) {
      return;
    }
    long now = System.nanoTime();
    TableMetadata meta = metadata.table(table.getTablePath()).getNow(null);
    if (meta == null) {
      metadata.table(table.getTablePath()).whenComplete((m, e) -> events.add(() -> {}));
      return;
    }
    Map<Integer, List<BucketState>> byLeader = new HashMap<>();
    List<BucketState> dropped = new ArrayList<>();
    for (BucketState b : buckets.values()) {
      if (b.inFlight || b.undecoded > 0 || now - b.retryAtNanos < 0
          || b.fetchOffset >= b.endOffset || limitRemaining == 0) {
        continue;
      }
      int leader = meta.leaderOf(b.bucket.partitionId(), b.bucket.bucket());
      if (leader == TableMetadata.UNKNOWN_PARTITION) {
        if (meta.fetchedAfter(b.subscribedNanos)) {
          dropped.add(b); // the partition existed when subscribed and a later view lacks it
        } else {
          metadata.refresh(table.getTablePath(), meta).whenComplete((m, e) -> events.add(() -> {}));
          b.retryAtNanos = now + retryBackoffNanos;
        }
        continue;
      }
      if (leader < 0 || metadata.nodes().tabletServer(leader).isEmpty()) {
        metadata.invalidate(table.getTablePath());
        b.retryAtNanos = now + retryBackoffNanos;
        continue;
      }
      byLeader.computeIfAbsent(leader, k -> new ArrayList<>()).add(b);
    }
    dropped.forEach(b -> partitionDropped(b, null));
    byLeader.forEach(this::sendFetch);
  }

  /** Ends the subscription of a bucket whose partition was dropped, and tells the caller at the next poll. */
  private void partitionDropped(BucketState b, RuntimeException serverError) {
    forget(b.bucket);
    pendingError =
        new PartitionNotExistException(
            "Partition " + b.bucket.partitionId() + " of " + table.getTablePath() + " was dropped; stopped reading "
                + b.bucket + " at offset " + b.fetchOffset
                + (serverError == null ? "" : " (" + serverError.getMessage() + ")"));
  }

  private void sendFetch(int leader, List<BucketState> targets) {
    PbFetchLogReqForTable.Builder t =
        PbFetchLogReqForTable.newBuilder().setTableId(table.getTableId()).setProjectionPushdownEnabled(pushdown);
    if (pushdown) {
      for (int p : wireProjection) {
        t.addProjectedFields(p);
      }
    }
    Map<ScanBucket, Long> epochs = new HashMap<>();
    for (BucketState b : targets) {
      PbFetchLogReqForBucket.Builder req =
          t.addBucketsReqBuilder()
              .setBucketId(b.bucket.bucket())
              .setFetchOffset(b.fetchOffset)
              .setMaxFetchBytes(fetchMaxBytesForBucket);
      if (b.bucket.isPartitioned()) {
        req.setPartitionId(b.bucket.partitionId());
      }
      b.inFlight = true;
      epochs.put(b.bucket, b.epoch);
    }
    FetchLogRequest request =
        FetchLogRequest.newBuilder()
            .setFollowerServerId(-1)
            .setMaxBytes(fetchMaxBytes)
            .setMaxWaitMs(fetchWaitMs)
            .setMinBytes(fetchMinBytes)
            .addTablesReq(t)
            .build();
    // The server may hold the fetch for max-wait before answering: allow for it on top of the request timeout.
    Duration timeout = requestTimeout.plusMillis(fetchWaitMs);
    try {
      metadata.tabletServer(leader)
          .send(ApiMethods.FETCH_LOG, request, timeout)
          .whenComplete((resp, error) -> events.add(() -> onFetch(targets, epochs, resp, error)));
    } catch (RuntimeException e) {
      events.add(() -> onFetch(targets, epochs, null, e));
    }
  }

  private void onFetch(
      List<BucketState> targets, Map<ScanBucket, Long> epochs, FetchLogResponse response, Throwable error) {
    long now = System.nanoTime();
    for (BucketState b : targets) {
      if (b.epoch == epochs.get(b.bucket)) {
        b.inFlight = false;
      }
    }
    if (error != null) {
      Throwable cause = Futures.unwrap(error);
      if (cause instanceof RetriableException || cause instanceof TimeoutException) {
        metadata.invalidate(table.getTablePath());
        targets.forEach(b -> b.retryAtNanos = now + retryBackoffNanos);
      } else if (!closed) {
        pendingError = Futures.rethrow(cause);
      }
      return;
    }
    for (PbFetchLogRespForTable t : response.getTablesRespList()) {
      for (PbFetchLogRespForBucket r : t.getBucketsRespList()) {
        ScanBucket key =
            ScanBucket.of(r.hasPartitionId() ? r.getPartitionId() : ScanBucket.NO_PARTITION, r.getBucketId());
        BucketState b = buckets.get(key);
        if (b == null || !epochs.containsKey(key) || b.epoch != epochs.get(key)) {
          continue;
        }
        if (r.hasErrorCode() && r.getErrorCode() != 0) {
          RuntimeException e = Errors.exceptionFor(r.getErrorCode(), r.getErrorMessage());
          if (e instanceof PartitionNotExistException) {
            partitionDropped(b, e);
          } else if (e instanceof InvalidMetadataException || e instanceof RetriableException) {
            metadata.invalidate(table.getTablePath());
            b.retryAtNanos = now + retryBackoffNanos;
          } else {
            pendingError =
                new FlussException(
                    "Cannot read " + b.bucket + " of " + table.getTablePath() + " at offset "
                        + b.fetchOffset + ": " + e.getMessage(), e);
          }
          continue;
        }
        if (!r.hasRecords() || r.getRecords().isEmpty()) {
          continue;
        }
        ByteBuffer records = r.getRecords().asReadOnlyByteBuffer();
        long next = BatchOffsets.nextOffset(records);
        if (next > b.fetchOffset) {
          fetched.add(new FetchedData(b.bucket, b.epoch, b.fetchOffset, records));
          b.undecoded++;
          b.fetchOffset = next;
        }
      }
    }
  }

  private void checkBucket(int bucket) {
    if (bucket < 0 || bucket >= table.getNumBuckets()) {
      throw new IllegalArgumentException(
          "Table " + table.getTablePath() + " has buckets 0.." + (table.getNumBuckets() - 1) + "; bucket " + bucket
              + " does not exist");
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("this LogScanner is closed");
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    stopReading();
    buckets.clear();
    fetched.clear();
    try {
      releaseLastBatches();
      reader.close();
    } finally {
      allocator.close();
    }
  }

  /** One response's records for one bucket, not yet decoded. */
  private static final class FetchedData {
    final ScanBucket bucket;
    final long epoch;
    final long fetchOffset;
    final ByteBuffer records;

    FetchedData(ScanBucket bucket, long epoch, long fetchOffset, ByteBuffer records) {
      this.bucket = bucket;
      this.epoch = epoch;
      this.fetchOffset = fetchOffset;
      this.records = records;
    }
  }

  /** A subscribed bucket: where the next fetch starts, and how many of its responses wait to be read. */
  private static final class BucketState {
    private static long epochs;

    final ScanBucket bucket;
    final long epoch;
    final long subscribedNanos = System.nanoTime();
    // Offsets from here on are not read (Long.MAX_VALUE: no end).
    final long endOffset;
    long fetchOffset;
    boolean inFlight;
    int undecoded;
    long retryAtNanos;

    BucketState(ScanBucket bucket, long offset, long endOffset) {
      this.bucket = bucket;
      this.fetchOffset = offset;
      this.endOffset = endOffset;
      this.epoch = nextEpoch();
      this.retryAtNanos = System.nanoTime();
    }

    private static synchronized long nextEpoch() {
      return ++epochs;
    }

    /** Whether everything before the end offset was fetched and handed out (its response is no longer read). */
    boolean isDone(BucketState reading) {
      return fetchOffset >= endOffset && !inFlight && undecoded == 0 && reading != this;
    }
  }
}
