package io.flussjava.client.scan.internal;

import io.flussjava.client.TableBucket;
import io.flussjava.client.admin.TablePath;
import io.flussjava.client.internal.Clock;
import io.flussjava.client.internal.ConnectionState;
import io.flussjava.client.internal.Futures;
import io.flussjava.client.internal.LeaderRouter;
import io.flussjava.client.internal.LeaderRouter.Route;
import io.flussjava.client.internal.RetryPolicy;
import io.flussjava.exception.Errors;
import io.flussjava.log.CorruptRecordException;
import io.flussjava.log.LogBatches;
import io.flussjava.rpc.ApiMethods;
import io.flussjava.rpc.protocol.FetchLogResponse;
import io.flussjava.rpc.protocol.PbFetchLogRespForBucket;
import io.flussjava.rpc.protocol.PbFetchLogRespForTable;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends FetchLog requests for the subscribed buckets, one request per leader, and files the
 * answers: records into the {@link FetchBuffer}, errors as retries or as the caller's typed error.
 * Pipelined: a bucket fetches again as soon as its previous response was taken out of the buffer
 * for decoding, from the offset after that response's last complete batch (read from the batch
 * headers alone), so the next response travels while the caller decodes.
 *
 * <p>Runs on the caller's thread only: responses come back as events through the buffer. Leaders
 * come from the {@link LeaderRouter}; a leader move (NOT_LEADER_OR_FOLLOWER), a timeout or a lost
 * connection invalidates the table's leaders and the bucket backs off as the {@link RetryPolicy}
 * says. Errors that no retry fixes (offset out of range, partition or table dropped, unknown
 * errors) end the bucket's subscription and reach the next poll as the typed exception {@link
 * Errors} maps the code to.
 */
final class LogFetcher {
  private static final Logger LOG = LoggerFactory.getLogger(LogFetcher.class);

  private final TablePath path;
  private final long tableId;
  private final FetchRequests requests;
  private final SubscriptionState subscriptions;
  private final FetchBuffer buffer;
  private final LeaderRouter router;
  private final RetryPolicy retry;
  private final Clock clock;
  private final ConnectionState connection;
  private final RemoteLogReader remote;
  // Run by the router (any thread) when metadata it was waiting for arrived: look again on the
  // caller's thread.
  private final Runnable routeWakeup;
  private boolean closed;

  LogFetcher(
      TablePath path,
      long tableId,
      FetchRequests requests,
      SubscriptionState subscriptions,
      FetchBuffer buffer,
      LeaderRouter router,
      RetryPolicy retry,
      Clock clock,
      ConnectionState connection,
      RemoteLogReader remote) {
    this.path = path;
    this.tableId = tableId;
    this.requests = requests;
    this.subscriptions = subscriptions;
    this.buffer = buffer;
    this.router = router;
    this.retry = retry;
    this.clock = clock;
    this.connection = connection;
    this.remote = remote;
    this.routeWakeup = () -> buffer.post(this::routesChanged);
  }

  /**
   * Moves remote reads on ({@link RemoteLogReader#pump}) and sends a fetch to each leader for its
   * buckets that may fetch now (nothing in flight, buffered or read remotely; no backoff).
   */
  void sendFetches() {
    if (closed || connection.isClosed()) {
      return;
    }
    remote.pump();
    long now = clock.nanoTime();
    Map<Integer, List<BucketState>> byLeader = null;
    List<BucketState> failed = null;
    List<RuntimeException> failures = null;
    for (BucketState b : subscriptions.all()) {
      if (!b.isFetchable(now)) {
        continue;
      }
      Route route = route(b, now);
      if (route == null) {
        continue;
      }
      if (route.hasLeader()) {
        byLeader = byLeader == null ? new HashMap<>() : byLeader;
        byLeader.computeIfAbsent(route.leader(), k -> new ArrayList<>()).add(b);
      } else if (route.isWaiting()) {
        // Metadata is on its way (the wakeup cuts this short) or a leader is being elected (no
        // wakeup comes).
        b.retryAtNanos = now + retry.backoffNanos(1);
        b.awaitingRoute = true;
      } else {
        failed = failed == null ? new ArrayList<>() : failed;
        failures = failures == null ? new ArrayList<>() : failures;
        failed.add(b);
        failures.add(route.failure());
      }
    }
    for (int i = 0; failed != null && i < failed.size(); i++) {
      end(failed.get(i), failures.get(i)); // after the loop: ending changes the subscriptions
    }
    if (byLeader != null) {
      byLeader.forEach(this::send);
    }
  }

  /**
   * The router's answer, or null if it failed (then the bucket backs off, and a final error goes to
   * the caller).
   */
  private Route route(BucketState b, long now) {
    try {
      return router.route(path, b.bucket, b.subscribedNanos, routeWakeup);
    } catch (RuntimeException e) {
      Throwable cause = Futures.unwrap(e);
      b.backOff(now, retry.backoffNanos(b.failedAttempts + 1));
      if (!RetryPolicy.isRetriable(cause)) {
        buffer.fail(Futures.rethrow(cause));
      }
      return null;
    }
  }

  private void routesChanged() {
    long now = clock.nanoTime();
    for (BucketState b : subscriptions.all()) {
      if (b.awaitingRoute) {
        b.awaitingRoute = false;
        b.retryAtNanos = now;
      }
    }
  }

  private void send(int leader, List<BucketState> targets) {
    for (BucketState b : targets) {
      b.inFlight = true;
      b.awaitingRoute = false;
    }
    try {
      router
          .tabletServer(leader)
          .send(ApiMethods.FETCH_LOG, requests.build(targets), requests.timeout())
          .whenComplete(
              (response, error) -> buffer.post(() -> onResponse(targets, response, error)));
    } catch (RuntimeException e) {
      onResponse(
          targets, null,
          e); // e.g. a server missing from the metadata: retried like a lost response
    }
  }

  private void onResponse(List<BucketState> targets, FetchLogResponse response, Throwable error) {
    long now = clock.nanoTime();
    Map<TableBucket, BucketState> current = new HashMap<>();
    for (BucketState b : targets) {
      b.inFlight = false;
      if (subscriptions.isCurrent(b)) {
        current.put(
            b.bucket,
            b); // others were unsubscribed or re-subscribed meanwhile: their answer is void
      }
    }
    if (closed || current.isEmpty()) {
      return;
    }
    if (error != null) {
      requestFailed(current.values(), Futures.unwrap(error), now);
      return;
    }
    for (PbFetchLogRespForTable t : response.getTablesRespList()) {
      for (PbFetchLogRespForBucket r : t.getBucketsRespList()) {
        long partitionId = r.hasPartitionId() ? r.getPartitionId() : TableBucket.NO_PARTITION;
        BucketState b = current.remove(new TableBucket(tableId, partitionId, r.getBucketId()));
        if (b == null) {
          continue;
        }
        if (r.hasErrorCode() && r.getErrorCode() != 0) {
          bucketFailed(b, r.getErrorCode(), r.getErrorMessage(), now);
        } else if (r.hasRecords() && !r.getRecords().isEmpty()) {
          received(b, r.getRecords().asReadOnlyByteBuffer());
        } else if (r.hasRemoteLogFetchInfo()) {
          readRemote(b, r, now);
        } else {
          b.failedAttempts =
              0; // nothing new yet: fetch again at once (the server held the fetch for max-wait)
        }
      }
    }
  }

  private void received(BucketState b, ByteBuffer records) {
    b.failedAttempts = 0;
    long next;
    try {
      next = LogBatches.nextOffset(records);
    } catch (CorruptRecordException e) {
      end(b, e);
      return;
    }
    if (next > b.fetchOffset) {
      buffer.add(new CompletedFetch(b, b.fetchOffset, records));
      b.fetchOffset = next;
    }
  }

  /** The server holds the offset only in tiered segments: read them instead of fetching. */
  private void readRemote(BucketState b, PbFetchLogRespForBucket r, long now) {
    b.failedAttempts = 0;
    if (!remote.start(b, r.getRemoteLogFetchInfo())) {
      // No segment listed: asking again at once would only repeat the answer.
      b.backOff(now, retry.backoffNanos(b.failedAttempts + 1));
      LOG.debug("The remote log answer for {} of {} lists no segment; retrying", b, path);
    }
  }

  private void bucketFailed(BucketState b, int code, String message, long now) {
    RuntimeException error = Errors.exceptionFor(code, message);
    if (RetryPolicy.isRetriable(error)) {
      if (RetryPolicy.meansStaleMetadata(error)) {
        router.invalidate(
            path); // e.g. NOT_LEADER_OR_FOLLOWER: the next route asks for the new leader
      }
      b.backOff(now, retry.backoffNanos(b.failedAttempts + 1));
      LOG.debug("Fetching {} of {} failed, retrying: {}", b, path, error.getMessage());
      return;
    }
    // The same type (callers catch e.g. LogOffsetOutOfRangeException), with the bucket and offset
    // in the message.
    end(
        b,
        Errors.exceptionFor(code, "cannot read " + b + " of " + path + ": " + error.getMessage()));
  }

  private void requestFailed(Iterable<BucketState> targets, Throwable cause, long now) {
    if (connection.isClosed()) {
      return; // the next poll reports the closed connection
    }
    boolean retriable = RetryPolicy.isRetriable(cause);
    if (retriable && RetryPolicy.meansStaleMetadata(cause)) {
      router.invalidate(path); // the leader may have moved or gone away
    }
    for (BucketState b : targets) {
      b.backOff(now, retry.backoffNanos(b.failedAttempts + 1));
    }
    if (retriable) {
      LOG.debug("A fetch of {} failed, retrying: {}", path, cause.toString());
    } else {
      buffer.fail(
          Futures.rethrow(cause)); // the buckets stay subscribed and try again after the backoff
    }
  }

  /** Ends the subscription of {@code b} for good and hands {@code error} to the next poll. */
  private void end(BucketState b, RuntimeException error) {
    buffer.end(subscriptions, b, error);
  }

  /** Sends nothing more; responses still in flight are dropped when they arrive. */
  void close() {
    closed = true;
  }
}
