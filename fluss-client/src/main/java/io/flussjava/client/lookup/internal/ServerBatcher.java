package io.flussjava.client.lookup.internal;

import com.google.protobuf.MessageLite;
import io.flussjava.client.TableBucket;
import io.flussjava.client.internal.Futures;
import io.flussjava.client.internal.LeaderRouter;
import io.flussjava.exception.Errors;
import io.flussjava.exception.LeaderNotAvailableException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * The keys queued for one tablet server and its lookup requests in flight. A key goes out at once
 * when a request slot is free; while all slots are busy, keys queue and leave together (up to the
 * batch size) as soon as one frees. So a lone lookup never waits for a timer, and under load
 * requests grow instead of multiplying. Guarded by its monitor; requests are sent outside it.
 */
final class ServerBatcher {
  /** Where keys go that this batcher could not answer. */
  interface Outcome {
    /** The key's request or its bucket failed: retry it or fail it. */
    void failed(PendingLookup key, Throwable error);
  }

  private final int serverId;
  private final LeaderRouter router;
  private final ScheduledExecutorService scheduler;
  private final LookupSettings settings;
  private final Outcome outcome;
  private final java.util.concurrent.Executor callbacks;
  private final ArrayDeque<PendingLookup> queue = new ArrayDeque<>();
  private int inFlight;
  private boolean timerSet;

  ServerBatcher(
      int serverId,
      LeaderRouter router,
      ScheduledExecutorService scheduler,
      LookupSettings settings,
      Outcome outcome,
      java.util.concurrent.Executor callbacks) {
    this.callbacks = callbacks;
    this.serverId = serverId;
    this.router = router;
    this.scheduler = scheduler;
    this.settings = settings;
    this.outcome = outcome;
  }

  void add(PendingLookup key) {
    List<PendingLookup> batch;
    synchronized (this) {
      queue.add(key);
      batch = takeBatch(false);
    }
    send(batch);
  }

  /**
   * The next request's keys if a slot is free (and, with a batch timeout, the batch is full or
   * due).
   */
  private List<PendingLookup> takeBatch(boolean timerFired) {
    if (timerFired) {
      timerSet = false;
    }
    if (queue.isEmpty() || inFlight >= settings.maxInFlight()) {
      return null;
    }
    if (settings.batchTimeoutNanos() > 0 && queue.size() < settings.maxBatch() && !timerFired) {
      if (!timerSet) {
        timerSet = true;
        try {
          scheduler.schedule(this::onTimer, settings.batchTimeoutNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
          timerSet = false;
          timerFired = true; // the connection is closing: send now rather than strand the keys
        }
      }
      if (!timerFired) {
        return null;
      }
    }
    PendingLookup head = queue.peek();
    List<PendingLookup> batch = new ArrayList<>(Math.min(queue.size(), settings.maxBatch()));
    for (Iterator<PendingLookup> it = queue.iterator();
        it.hasNext() && batch.size() < settings.maxBatch(); ) {
      PendingLookup p = it.next();
      if (p.sameRequest(head)) {
        batch.add(p);
        it.remove();
      }
    }
    inFlight++;
    return batch;
  }

  private void onTimer() {
    List<PendingLookup> batch;
    synchronized (this) {
      batch = takeBatch(true);
    }
    send(batch);
  }

  private void done() {
    List<PendingLookup> next;
    synchronized (this) {
      inFlight--;
      next = takeBatch(false);
    }
    send(next);
  }

  private void send(List<PendingLookup> batch) {
    if (batch == null) {
      return;
    }
    CompletableFuture<?> sent;
    try {
      sent = send(batch.get(0).kind, batch);
    } catch (RuntimeException e) {
      // e.g. the server left the metadata: the keys go back to routing, which finds the new leader.
      sent = Futures.failed(e);
    }
    sent.whenComplete(
        (r, error) -> {
          if (error != null) {
            Throwable cause = Futures.unwrap(error);
            batch.forEach(p -> outcome.failed(p, cause));
          }
          done();
        });
  }

  private <Req extends MessageLite, Resp extends MessageLite> CompletableFuture<Resp> send(
      LookupKind<Req, Resp> kind, List<PendingLookup> batch) {
    long tableId = batch.get(0).table.getTableId();
    Map<TableBucket, List<PendingLookup>> byBucket = byBucket(batch);
    Req request = kind.request(tableId, byBucket);
    return router
        .tabletServer(serverId)
        .send(kind.method(), request)
        // One hop off the network thread per response: its keys are answered, decoded and their
        // futures completed on a lookup callback thread.
        .whenCompleteAsync(
            (response, error) -> {
              if (error == null) {
                kind.answers(
                    tableId,
                    response,
                    (bucket, code, message, values) ->
                        answer(byBucket.remove(bucket), code, message, values));
                // Keys whose bucket the answer left out are retried: they must never hang.
                byBucket
                    .values()
                    .forEach(
                        keys ->
                            keys.forEach(
                                p ->
                                    outcome.failed(
                                        p,
                                        new LeaderNotAvailableException(
                                            "the server's lookup answer has no entry for "
                                                + p.bucket))));
              }
            },
            callbacks);
  }

  /**
   * Completes the keys of one bucket's answer: each with its values, or all with the bucket's
   * error.
   */
  private void answer(
      List<PendingLookup> keys,
      int errorCode,
      String errorMessage,
      IntFunction<List<byte[]>> valuesOfKey) {
    if (keys == null) {
      return; // a bucket we did not ask for
    }
    if (errorCode != 0) {
      RuntimeException e = Errors.exceptionFor(errorCode, errorMessage);
      keys.forEach(p -> outcome.failed(p, e));
      return;
    }
    for (int i = 0; i < keys.size(); i++) {
      keys.get(i).result.complete(valuesOfKey.apply(i));
    }
  }

  /**
   * Keys grouped by bucket, each bucket once per request (the server keeps only the last entry per
   * bucket).
   */
  private static Map<TableBucket, List<PendingLookup>> byBucket(List<PendingLookup> batch) {
    Map<TableBucket, List<PendingLookup>> out = new LinkedHashMap<>();
    for (PendingLookup p : batch) {
      out.computeIfAbsent(p.bucket, b -> new ArrayList<>()).add(p);
    }
    return out;
  }
}
