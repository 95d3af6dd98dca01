package io.flussjava.client.write.internal;

import com.google.protobuf.UnsafeByteOperations;
import io.flussjava.client.internal.Futures;
import io.flussjava.client.metadata.MetadataCache;
import io.flussjava.client.metadata.TableMetadata;
import io.flussjava.exception.DuplicateSequenceException;
import io.flussjava.exception.Errors;
import io.flussjava.exception.FlussException;
import io.flussjava.exception.InvalidMetadataException;
import io.flussjava.exception.OutOfOrderSequenceException;
import io.flussjava.exception.RetriableException;
import io.flussjava.exception.TimeoutException;
import io.flussjava.exception.UnknownWriterIdException;
import io.flussjava.rpc.ApiMethods;
import io.flussjava.rpc.ServerConnection;
import io.flussjava.rpc.protocol.PbProduceLogReqForBucket;
import io.flussjava.rpc.protocol.PbProduceLogRespForBucket;
import io.flussjava.rpc.protocol.PbPutKvReqForBucket;
import io.flussjava.rpc.protocol.PbPutKvRespForBucket;
import io.flussjava.rpc.protocol.ProduceLogRequest;
import io.flussjava.rpc.protocol.ProduceLogResponse;
import io.flussjava.rpc.protocol.PutKvRequest;
import io.flussjava.rpc.protocol.PutKvResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writers' I/O loop, one thread per connection ({@code fluss-writer-sender}). It drains ready batches from the
 * accumulator, groups them into one ProduceLog or PutKv request per leader and table (each bucket at most once, as
 * the server requires), sends them without waiting, and handles the answers: acknowledged batches complete their
 * records' futures, retriable failures go back to their bucket (after a metadata refresh when the leader moved),
 * and anything else fails the batch with the server's typed error.
 *
 * <p>Responses arrive on network threads; their handling is queued to this thread so that user callbacks on write
 * futures never run on (and never stall) a network thread.
 */
final class Sender implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(Sender.class);

  private final RecordAccumulator accumulator;
  private final MetadataCache metadata;
  private final WriterIdentity identity;
  private final int acks;
  private final Duration requestTimeout;
  private final int maxRetries;
  private final long retryBackoffNanos;
  private final long retryBackoffMaxNanos;
  private final long requestMaxSize;
  private final ConcurrentLinkedQueue<Runnable> completions = new ConcurrentLinkedQueue<>();
  private volatile boolean running = true;
  private volatile boolean forceClose;

  Sender(
      RecordAccumulator accumulator,
      MetadataCache metadata,
      WriterIdentity identity,
      int acks,
      Duration requestTimeout,
      int maxRetries,
      Duration retryBackoff,
      Duration retryBackoffMax,
      long requestMaxSize) {
    this.accumulator = accumulator;
    this.metadata = metadata;
    this.identity = identity;
    this.acks = acks;
    this.requestTimeout = requestTimeout;
    this.maxRetries = maxRetries;
    this.retryBackoffNanos = retryBackoff.toNanos();
    this.retryBackoffMaxNanos = retryBackoffMax.toNanos();
    this.requestMaxSize = requestMaxSize;
  }

  @Override
  public void run() {
    try {
      while (running) {
        runOnce(false);
      }
      // Closing: send what is left (no linger) until everything is acknowledged or the close is forced.
      while (!forceClose && accumulator.hasIncomplete()) {
        runOnce(true);
      }
      runCompletions();
      if (accumulator.hasIncomplete()) {
        accumulator.abortAll(new FlussException("the writer was closed before this record was acknowledged"));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      accumulator.abortAll(new FlussException("the writer's sender thread was interrupted", e));
    } catch (RuntimeException | Error e) {
      LOG.error("The writer's sender thread failed; failing all unsent records", e);
      accumulator.abortAll(new FlussException("the writer's sender thread failed: " + e, e));
      throw e;
    }
  }

  private void runOnce(boolean closing) throws InterruptedException {
    runCompletions();
    long now = System.nanoTime();
    long[] nextWake = {Long.MAX_VALUE};
    if (identity.ensureReady(accumulator::wakeup)) {
      List<WriteBatch> ready = accumulator.drain(now, closing, this::leaderOf, nextWake);
      if (!ready.isEmpty()) {
        send(ready);
      }
      if (accumulator.takeSequencesUncertain()) {
        renewWriterId("a sent batch expired without an answer");
      }
    }
    runCompletions();
    // Wake at the next linger deadline or retry time; a writer filling a batch or a response wakes us earlier.
    long deadline = Math.min(nextWake[0], now + TimeUnit.MILLISECONDS.toNanos(closing ? 10 : 200));
    accumulator.awaitWork(deadline);
  }

  private void runCompletions() {
    Runnable r;
    while ((r = completions.poll()) != null) {
      r.run();
    }
  }

  /**
   * The leader of a batch's bucket, or -1 after asking for metadata (whose arrival wakes the sender), or {@link
   * RecordAccumulator#PARTITION_DROPPED} when the batch's partition no longer exists.
   */
  private int leaderOf(WriteBatch batch) {
    CompletableFuture<TableMetadata> f = metadata.table(batch.target.path());
    TableMetadata table = f.getNow(null);
    if (table == null) {
      if (f.isCompletedExceptionally()) {
        metadata.invalidate(batch.target.path());
      } else {
        f.whenComplete((t, e) -> accumulator.wakeup());
      }
      return -1;
    }
    int leader = table.leaderOf(batch.bucket.partitionId(), batch.bucket.bucket());
    if (leader == TableMetadata.UNKNOWN_PARTITION) {
      if (table.fetchedAfter(batch.createdNanos)) {
        // The partition existed when the row was routed and a later view of the table lacks it: dropped.
        return RecordAccumulator.PARTITION_DROPPED;
      }
      metadata.refresh(batch.target.path(), table).whenComplete((t, e) -> accumulator.wakeup());
      return -1;
    }
    if (leader < 0 || metadata.nodes().tabletServer(leader).isEmpty()) {
      metadata.invalidate(batch.target.path()); // no leader yet (election): look again
      return -1;
    }
    return leader;
  }

  private void send(List<WriteBatch> ready) {
    Map<RequestKey, List<WriteBatch>> groups = new LinkedHashMap<>();
    for (WriteBatch b : ready) {
      RequestKey key = new RequestKey(leaderOf(b), b.target);
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(b);
    }
    for (Map.Entry<RequestKey, List<WriteBatch>> group : groups.entrySet()) {
      List<WriteBatch> request = new ArrayList<>();
      long size = 0;
      for (WriteBatch b : group.getValue()) {
        if (!request.isEmpty() && size + b.sizeInBytes() > requestMaxSize) {
          sendRequest(group.getKey(), request);
          request = new ArrayList<>();
          size = 0;
        }
        request.add(b);
        size += b.sizeInBytes();
      }
      sendRequest(group.getKey(), request);
    }
  }

  private void sendRequest(RequestKey key, List<WriteBatch> batches) {
    ServerConnection leader;
    try {
      leader = metadata.tabletServer(key.leader);
    } catch (RuntimeException e) {
      batches.forEach(b -> completions.add(() -> handleError(b, e)));
      return;
    }
    long writerId = identity.writerId();
    if (key.target.kind() == WriteTarget.Kind.LOG) {
      ProduceLogRequest.Builder req =
          ProduceLogRequest.newBuilder()
              .setAcks(acks)
              .setTableId(key.target.tableId())
              .setTimeoutMs((int) requestTimeout.toMillis());
      List<WriteBatch> sent = new ArrayList<>(batches.size());
      for (WriteBatch b : batches) {
        ByteBuffer bytes = encode(b, writerId);
        if (bytes != null) {
          PbProduceLogReqForBucket.Builder bucket =
              req.addBucketsReqBuilder().setBucketId(b.bucket.bucket()).setRecords(UnsafeByteOperations.unsafeWrap(bytes));
          if (b.bucket.partitionId() >= 0) {
            bucket.setPartitionId(b.bucket.partitionId());
          }
          sent.add(b);
        }
      }
      if (!sent.isEmpty()) {
        leader.send(ApiMethods.PRODUCE_LOG, req.build())
            .whenComplete((resp, error) -> completions.add(() -> onProduceLog(sent, resp, error)));
      }
    } else {
      PutKvRequest.Builder req =
          PutKvRequest.newBuilder()
              .setAcks(acks)
              .setTableId(key.target.tableId())
              .setTimeoutMs((int) requestTimeout.toMillis());
      if (key.target.targetColumns() != null) {
        for (int c : key.target.targetColumns()) {
          req.addTargetColumns(c);
        }
      }
      List<WriteBatch> sent = new ArrayList<>(batches.size());
      for (WriteBatch b : batches) {
        ByteBuffer bytes = encode(b, writerId);
        if (bytes != null) {
          PbPutKvReqForBucket.Builder bucket =
              req.addBucketsReqBuilder().setBucketId(b.bucket.bucket()).setRecords(UnsafeByteOperations.unsafeWrap(bytes));
          if (b.bucket.partitionId() >= 0) {
            bucket.setPartitionId(b.bucket.partitionId());
          }
          sent.add(b);
        }
      }
      if (!sent.isEmpty()) {
        leader.send(ApiMethods.PUT_KV, req.build())
            .whenComplete((resp, error) -> completions.add(() -> onPutKv(sent, resp, error)));
      }
    }
    accumulator.wakeup();
  }

  /**
   * The batch's wire bytes, or {@code null} after failing the batch when they cannot be built: one bad batch must
   * fail its own records, never the sender and every other writer's records with it.
   */
  private ByteBuffer encode(WriteBatch batch, long writerId) {
    try {
      return batch.wireBytes(writerId);
    } catch (RuntimeException e) {
      LOG.error("Could not encode {}; failing its records", batch, e);
      accumulator.fail(batch, new FlussException("could not encode " + batch + ": " + e, e), true, true);
      return null;
    }
  }

  private void onProduceLog(List<WriteBatch> batches, ProduceLogResponse response, Throwable error) {
    if (error != null) {
      batches.forEach(b -> handleError(b, Futures.unwrap(error)));
      return;
    }
    for (WriteBatch b : batches) {
      PbProduceLogRespForBucket r = findProduceResponse(response, b.bucket);
      if (r == null) {
        handleError(b, new FlussException("the server's answer has no entry for " + b.bucket));
      } else if (r.hasErrorCode() && r.getErrorCode() != 0) {
        handleError(b, Errors.exceptionFor(r.getErrorCode(), r.getErrorMessage()));
      } else {
        accumulator.succeed(b, r.hasBaseOffset() ? r.getBaseOffset() : -1);
      }
    }
  }

  private void onPutKv(List<WriteBatch> batches, PutKvResponse response, Throwable error) {
    if (error != null) {
      batches.forEach(b -> handleError(b, Futures.unwrap(error)));
      return;
    }
    for (WriteBatch b : batches) {
      PbPutKvRespForBucket r = findPutKvResponse(response, b.bucket);
      if (r == null) {
        handleError(b, new FlussException("the server's answer has no entry for " + b.bucket));
      } else if (r.hasErrorCode() && r.getErrorCode() != 0) {
        handleError(b, Errors.exceptionFor(r.getErrorCode(), r.getErrorMessage()));
      } else {
        accumulator.succeed(b, -1);
      }
    }
  }

  /**
   * Starts over with a new writer id and every bucket's sequence at 0: the way out when the server's idea of a
   * bucket's next sequence can no longer be known (a sent batch expired, or the server forgot the writer).
   */
  private void renewWriterId(String reason) {
    if (identity.writerId() == WriterIdentity.NO_WRITER_ID) {
      return; // not idempotent, or already renewing
    }
    LOG.warn("Renewing the writer id ({}); unacknowledged batches are numbered anew", reason);
    identity.reset();
    accumulator.resetSequences();
  }

  private void handleError(WriteBatch batch, Throwable error) {
    if (error instanceof DuplicateSequenceException) {
      // The server already holds this batch (an earlier attempt got through): it is written, exactly once.
      accumulator.succeed(batch, -1);
      return;
    }
    if (error instanceof UnknownWriterIdException
        || (error instanceof OutOfOrderSequenceException
            && !batch.wasRenumbered()
            && !accumulator.hasRetryBefore(batch))) {
      // The server's sequence state for this writer is not what we think: renew and send again.
      renewWriterId(error.getClass().getSimpleName() + " for " + batch);
      if (System.nanoTime() - batch.deadlineNanos < 0) {
        accumulator.retry(batch, System.nanoTime());
        return;
      }
    }
    long now = System.nanoTime();
    boolean retriable =
        error instanceof RetriableException
            || error instanceof TimeoutException
            || (error instanceof OutOfOrderSequenceException
                && (batch.wasRenumbered() || accumulator.hasRetryBefore(batch)));
    long backoff = backoff(batch.attempts());
    if (retriable && batch.attempts() <= maxRetries && now + backoff - batch.deadlineNanos < 0) {
      if (error instanceof InvalidMetadataException || error instanceof TimeoutException) {
        metadata.invalidate(batch.target.path());
      }
      LOG.debug("Retrying {} in {} ms after: {}", batch, backoff / 1_000_000, error.toString());
      accumulator.retry(batch, now + backoff);
      return;
    }
    Throwable reported = error;
    if (retriable) {
      reported =
          new TimeoutException(
              batch + " was not acknowledged within client.writer.delivery-timeout or the allowed retries; last"
                  + " error: " + error.getMessage());
      reported.initCause(error);
    }
    // A server error answer means the server wrote nothing of this batch; a timeout leaves that open.
    boolean rejected = !retriable && error instanceof io.flussjava.exception.ApiException;
    accumulator.fail(batch, reported, true, rejected);
  }

  private long backoff(int attempts) {
    long b = retryBackoffNanos << Math.min(Math.max(attempts - 1, 0), 16);
    b = Math.min(b <= 0 ? retryBackoffMaxNanos : b, retryBackoffMaxNanos);
    return (long) (b * (0.8 + 0.4 * ThreadLocalRandom.current().nextDouble()));
  }

  private static PbProduceLogRespForBucket findProduceResponse(ProduceLogResponse response, TableBucket tb) {
    for (PbProduceLogRespForBucket r : response.getBucketsRespList()) {
      if (r.getBucketId() == tb.bucket() && (r.hasPartitionId() ? r.getPartitionId() : -1) == tb.partitionId()) {
        return r;
      }
    }
    return null;
  }

  private static PbPutKvRespForBucket findPutKvResponse(PutKvResponse response, TableBucket tb) {
    for (PbPutKvRespForBucket r : response.getBucketsRespList()) {
      if (r.getBucketId() == tb.bucket() && (r.hasPartitionId() ? r.getPartitionId() : -1) == tb.partitionId()) {
        return r;
      }
    }
    return null;
  }

  /** Stops taking new work; the loop then sends what is left unless {@code force}. */
  void initiateClose(boolean force) {
    running = false;
    forceClose = force;
    accumulator.wakeup();
  }

  /** Batches to one leader for one table (and one set of target columns) travel in one request. */
  private static final class RequestKey {
    final int leader;
    final WriteTarget target;

    RequestKey(int leader, WriteTarget target) {
      this.leader = leader;
      this.target = target;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof RequestKey
          && ((RequestKey) o).leader == leader
          && ((RequestKey) o).target.sameRequestAs(target);
    }

    @Override
    public int hashCode() {
      return Long.hashCode(target.tableId()) * 31 + leader;
    }
  }
}
