package io.flussjava.client.write.internal;

import io.flussjava.client.internal.Clock;
import io.flussjava.client.internal.Futures;
import io.flussjava.client.internal.LeaderRouter;
import io.flussjava.client.internal.RetryPolicy;
import io.flussjava.exception.ApiException;
import io.flussjava.exception.ClosedException;
import io.flussjava.exception.DuplicateSequenceException;
import io.flussjava.exception.Errors;
import io.flussjava.exception.FlussException;
import io.flussjava.exception.OutOfOrderSequenceException;
import io.flussjava.exception.TimeoutException;
import io.flussjava.exception.UnknownWriteOutcomeException;
import io.flussjava.exception.UnknownWriterIdException;
import io.flussjava.rpc.ServerConnection;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writers' I/O loop, one thread per connection ({@code fluss-writer-sender}). It drains ready
 * batches from the accumulator, groups them into one ProduceLog or PutKv request per leader and
 * table (each bucket at most once, as the server requires), sends them without waiting, and handles
 * the answers: acknowledged batches complete their records' futures, retriable failures go back to
 * their bucket (after a metadata refresh when the leader moved), and anything else fails the batch
 * with the server's typed error.
 *
 * <p>Responses arrive on network threads; their handling is queued to this thread (and wakes it) so
 * that user callbacks on write futures never run on, and never stall, a network thread. Time comes
 * from the injected clock and servers from the injected router, so that unit tests drive {@link
 * #runOnce(boolean)} at fake time.
 */
final class Sender implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(Sender.class);
  private static final long STALE_ROUTE_NANOS = TimeUnit.SECONDS.toNanos(3);

  private final RecordAccumulator accumulator;
  private final LeaderRouter router;
  private final WriterIdentity identity;
  private final Clock clock;
  private final RetryPolicy retryPolicy;
  private final int acks;
  private final Duration requestTimeout;
  private final int maxRetries;
  private final long requestMaxSize;
  private final ConcurrentLinkedQueue<Runnable> completions = new ConcurrentLinkedQueue<>();
  private volatile boolean running = true;
  private volatile boolean forceClose;

  Sender(
      RecordAccumulator accumulator,
      LeaderRouter router,
      WriterIdentity identity,
      Clock clock,
      RetryPolicy retryPolicy,
      int acks,
      Duration requestTimeout,
      int maxRetries,
      long requestMaxSize) {
    this.accumulator = accumulator;
    this.router = router;
    this.identity = identity;
    this.clock = clock;
    this.retryPolicy = retryPolicy;
    this.acks = acks;
    this.requestTimeout = requestTimeout;
    this.maxRetries = maxRetries;
    this.requestMaxSize = requestMaxSize;
  }

  @Override
  public void run() {
    try {
      while (running) {
        accumulator.awaitWork(runOnce(false));
      }
      // Closing: send what is left (no linger) until everything is acknowledged or the close is
      // forced.
      while (!forceClose && accumulator.hasIncomplete()) {
        accumulator.awaitWork(runOnce(true));
      }
      runCompletions();
      if (accumulator.hasIncomplete() || forceClose) {
        accumulator.abortAll(
            new ClosedException(
                "the Connection was closed before this record was acknowledged (it may or may not have been"
                    + " written): flush or close writers before closing their connection"));
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

  /**
   * One turn of the loop: handle the answers that arrived, send what is ready.
   *
   * @return when (clock nanos) the loop should look again at the latest; a writer filling a batch
   *     or an answer wakes it earlier
   */
  long runOnce(boolean closing) {
    runCompletions();
    long now = clock.nanoTime();
    long[] nextWake = {Long.MAX_VALUE};
    if (identity.ensureReady(accumulator::wakeup)) {
      List<WriteBatch> ready = accumulator.drain(now, closing, this::route, nextWake);
      if (!ready.isEmpty()) {
        send(ready);
      }
      if (accumulator.takeSequencesUncertain()) {
        renewWriterId("a sent batch expired without an answer");
      }
    }
    runCompletions();
    return Math.min(nextWake[0], now + TimeUnit.MILLISECONDS.toNanos(closing ? 10 : 200));
  }

  private void runCompletions() {
    Runnable r;
    while ((r = completions.poll()) != null) {
      r.run();
    }
  }

  /**
   * Queues an answer's handling for this thread and wakes it: an answer must not wait for the next
   * linger or idle timeout (a flush of one row took 200 ms that way).
   */
  private void complete(Runnable handling) {
    completions.add(handling);
    accumulator.wakeup();
  }

  private LeaderRouter.Route route(WriteBatch batch) {
    LeaderRouter.Route route =
        router.route(batch.target.path(), batch.bucket, batch.createdNanos, accumulator::wakeup);
    long now = clock.nanoTime();
    if (!route.isWaiting()) {
      batch.waitingForLeaderSince = Long.MIN_VALUE;
    } else if (batch.waitingForLeaderSince == Long.MIN_VALUE) {
      batch.waitingForLeaderSince = now;
    } else if (now - batch.waitingForLeaderSince > STALE_ROUTE_NANOS) {
      // Waiting this long means the view of the table is stuck (a fetch that never ends, or an
      // answer that keeps lacking the leader): drop it, so that the next route starts afresh.
      LOG.warn(
          "No leader known for {} after {} ms; fetching the table's metadata again",
          batch,
          TimeUnit.NANOSECONDS.toMillis(now - batch.waitingForLeaderSince));
      router.invalidate(batch.target.path());
      batch.waitingForLeaderSince = now;
    }
    return route;
  }

  private void send(List<WriteBatch> ready) {
    Map<RequestKey, List<WriteBatch>> groups = new LinkedHashMap<>();
    for (WriteBatch b : ready) {
      RequestKey key = new RequestKey(b.leader, b.target);
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
      leader = router.tabletServer(key.leader);
    } catch (RuntimeException e) {
      batches.forEach(b -> complete(() -> handleError(b, e, false))); // never sent
      return;
    }
    long writerId = identity.writerId();
    WriteRequest request = WriteRequest.of(key.target, acks, (int) requestTimeout.toMillis());
    List<WriteBatch> sent = new ArrayList<>(batches.size());
    for (WriteBatch b : batches) {
      ByteBuffer bytes = encode(b, writerId);
      if (bytes != null) {
        request.add(b.bucket, bytes);
        sent.add(b);
      }
    }
    if (!sent.isEmpty()) {
      request
          .send(leader)
          .whenComplete((answers, error) -> complete(() -> onAnswer(sent, answers, error)));
    }
  }

  /**
   * The batch's wire bytes, or {@code null} after failing the batch when they cannot be built: one
   * bad batch must fail its own records, never the sender and every other writer's records with it.
   */
  private ByteBuffer encode(WriteBatch batch, long writerId) {
    try {
      return batch.wireBytes(writerId);
    } catch (RuntimeException e) {
      LOG.error("Could not encode {}; failing its records", batch, e);
      accumulator.fail(
          batch, new FlussException("could not encode " + batch + ": " + e, e), true, true);
      return null;
    }
  }

  private void onAnswer(
      List<WriteBatch> batches, List<WriteRequest.BucketAnswer> answers, Throwable error) {
    if (error != null) {
      // No answer: each batch may or may not have reached the log.
      batches.forEach(b -> handleError(b, Futures.unwrap(error), true));
      return;
    }
    for (WriteBatch b : batches) {
      WriteRequest.BucketAnswer answer = null;
      for (WriteRequest.BucketAnswer a : answers) {
        if (a.answers(b.bucket)) {
          answer = a;
          break;
        }
      }
      if (answer == null) {
        handleError(
            b, new FlussException("the server's answer has no entry for " + b.bucket), true);
      } else if (answer.errorCode() != 0) {
        handleError(
            b,
            Errors.exceptionFor(answer.errorCode(), answer.errorMessage()),
            answerLeavesOutcomeOpen(answer.errorCode()));
      } else {
        accumulator.succeed(b, answer.baseOffset());
      }
    }
  }

  /**
   * Starts over with a new writer id: the way out when the server's idea of a bucket's next
   * sequence can no longer be known (a sent batch expired, or the server forgot the writer, or a
   * sequence gap). Batches surely not written are numbered anew from 0; a batch that may already be
   * in the log keeps its writer id and sequence, because re-sending it under the new id could write
   * it twice.
   */
  private void renewWriterId(String reason) {
    if (identity.writerId() == WriterIdentity.NO_WRITER_ID) {
      return; // not idempotent, or already renewing
    }
    LOG.warn(
        "Renewing the writer id ({}); batches surely not written are numbered anew, the others keep"
            + " their writer id",
        reason);
    identity.reset();
    accumulator.startGeneration();
  }

  /**
   * Handles a failed attempt of {@code batch}.
   *
   * @param outcomeUnknown the attempt got no answer that says the server did not write it
   */
  private void handleError(WriteBatch batch, Throwable error, boolean outcomeUnknown) {
    if (error instanceof DuplicateSequenceException) {
      // The server already holds this batch (an earlier attempt got through): it is written,
      // exactly once.
      accumulator.succeed(batch, -1);
      return;
    }
    if (outcomeUnknown) {
      batch.markMayBeWritten();
    }
    long now = clock.nanoTime();
    if (batch.sequence() >= 0
        && (error instanceof OutOfOrderSequenceException
            || error instanceof UnknownWriterIdException)) {
      handleSequenceError(batch, (ApiException) error, now);
      return;
    }
    boolean retriable = RetryPolicy.isRetriableWrite(error);
    long backoff = retryPolicy.backoffNanos(batch.attempts());
    if (retriable
        && batch.attempts() <= maxRetries
        && RetryPolicy.fitsBefore(now, backoff, batch.deadlineNanos)) {
      if (RetryPolicy.meansStaleMetadata(error)) {
        router.invalidate(batch.target.path());
      }
      LOG.debug("Retrying {} in {} ms after: {}", batch, backoff / 1_000_000, error.toString());
      accumulator.retry(batch, now + backoff);
      return;
    }
    failForGood(batch, error, retriable);
  }

  /**
   * The server's sequence state for this writer and bucket is not what this batch expects. In
   * order: the batch is complete if a later (or equal) sequence of its writer id was acknowledged
   * (the server takes sequences only in order); it is sent again if an older batch of its bucket
   * may explain the answer (still in flight or queued, or acknowledged since it went out); else
   * there is a gap, and the writer id is renewed. After that, a batch that may already be in the
   * log fails as {@link UnknownWriteOutcomeException}, never re-sent under the new id, and one
   * surely not written is numbered anew.
   */
  private void handleSequenceError(WriteBatch batch, ApiException error, long now) {
    if (accumulator.provenWritten(batch)) {
      LOG.info("{} is in the log (a later batch was acknowledged): {}", batch, error.getMessage());
      accumulator.succeed(batch, -1);
      return;
    }
    boolean inTime = now - batch.deadlineNanos < 0;
    if (error instanceof OutOfOrderSequenceException
        && accumulator.mayBeTransientlyOutOfOrder(batch)) {
      long backoff = retryPolicy.backoffNanos(1);
      if (inTime && RetryPolicy.fitsBefore(now, backoff, batch.deadlineNanos)) {
        accumulator.retry(batch, now + backoff);
      } else {
        failForGood(batch, error, true);
      }
      return;
    }
    if (batch.generation() == accumulator.generation()) {
      renewWriterId(error.getClass().getSimpleName() + " for " + batch);
    }
    if (batch.mayBeWritten()) {
      UnknownWriteOutcomeException unknown =
          new UnknownWriteOutcomeException(
              "unknown whether "
                  + batch
                  + " was written: an earlier attempt got no answer and the server no longer"
                  + " knows its sequence ("
                  + error.getMessage()
                  + "); it was not sent again under a new writer id, which could write it twice",
              error);
      accumulator.fail(batch, unknown, true, false);
    } else if (inTime) {
      accumulator.renumber(batch, now);
    } else {
      failForGood(batch, error, true);
    }
  }

  private void failForGood(WriteBatch batch, Throwable error, boolean retriable) {
    Throwable reported = error;
    if (retriable) {
      reported =
          new TimeoutException(
              batch
                  + " was not acknowledged within client.writer.delivery-timeout or the allowed retries; last"
                  + " error: "
                  + error.getMessage());
      reported.initCause(error);
    }
    // A server error answer means the server wrote nothing of this batch; a timeout leaves that
    // open.
    boolean rejected = !retriable && !batch.mayBeWritten() && error instanceof ApiException;
    accumulator.fail(batch, reported, true, rejected);
  }

  /**
   * Whether a bucket's error answer leaves open that the server wrote the batch: the server timed
   * out waiting for replicas (the leader has the batch), or failed in a way it does not name.
   */
  private static boolean answerLeavesOutcomeOpen(int errorCode) {
    return errorCode == Errors.REQUEST_TIME_OUT.code()
        || errorCode == Errors.NOT_ENOUGH_REPLICAS_AFTER_APPEND_EXCEPTION.code()
        || errorCode == Errors.UNKNOWN_SERVER_ERROR.code()
        || errorCode == Errors.NETWORK_EXCEPTION.code()
        || errorCode == Errors.LOG_STORAGE_EXCEPTION.code()
        || errorCode == Errors.KV_STORAGE_EXCEPTION.code()
        || errorCode == Errors.STORAGE_EXCEPTION.code();
  }

  /** Stops taking new work; the loop then sends what is left unless {@code force}. */
  void initiateClose(boolean force) {
    running = false;
    forceClose = force;
    accumulator.wakeup();
  }

  /** Batches to one leader for one table (and one set of target columns) travel in one request. */
  private record RequestKey(int leader, WriteTarget target) {
    @Override
    public boolean equals(Object o) {
      return o instanceof RequestKey k && k.leader == leader && k.target.sameRequestAs(target);
    }

    @Override
    public int hashCode() {
      return Long.hashCode(target.tableId()) * 31 + leader;
    }
  }
}
