package io.flussjava.client.scan.internal;

import io.flussjava.client.TableBucket;
import java.util.ArrayDeque;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Where fetched responses wait for a poll, and how network threads reach the caller's thread.
 *
 * <p>Network threads never touch scanner state: they {@link #post} events (a response to apply, or
 * just a wakeup), which the caller's thread runs in {@link #runEvents} or {@link #awaitEvent}. So a
 * network thread never waits for a caller that is decoding, and the scanner needs no locks on its
 * hot path. Everything else here belongs to the caller's thread.
 */
final class FetchBuffer {
  private static final Runnable WAKEUP = () -> {};

  private final LinkedBlockingQueue<Runnable> inbox = new LinkedBlockingQueue<>();
  private final ArrayDeque<CompletedFetch> completed = new ArrayDeque<>();
  // Errors for the caller, oldest first: each is thrown by one poll.
  private final ArrayDeque<RuntimeException> errors = new ArrayDeque<>();
  private volatile boolean closed;

  /**
   * Hands an event to the caller's thread; any thread. After {@link #close} it is dropped, and with
   * it the response it holds, so responses arriving late leave nothing behind.
   */
  void post(Runnable event) {
    if (!closed) {
      inbox.add(event);
      if (closed) {
        inbox.clear(); // lost a race with close: do not keep what close already dropped
      }
    }
  }

  /** Wakes a caller waiting in {@link #awaitEvent}; any thread, also after close. */
  void wakeup() {
    inbox.add(WAKEUP);
  }

  /** Runs the events that arrived. */
  void runEvents() {
    Runnable event;
    while ((event = inbox.poll()) != null) {
      event.run();
    }
  }

  /** Waits up to {@code nanos} for an event and runs it; false if none came. */
  boolean awaitEvent(long nanos) throws InterruptedException {
    Runnable event = inbox.poll(nanos, TimeUnit.NANOSECONDS);
    if (event == null) {
      return false;
    }
    event.run();
    return true;
  }

  void add(CompletedFetch fetch) {
    completed.add(fetch);
    fetch.state().buffered++;
  }

  /**
   * Takes the oldest fetch whose subscription is still current, skipping those of buckets
   * unsubscribed or re-subscribed since; null if none. Taking it lets its bucket fetch again while
   * it is decoded.
   */
  CompletedFetch take(SubscriptionState subscriptions) {
    CompletedFetch fetch;
    while ((fetch = completed.poll()) != null) {
      fetch.state().buffered--;
      if (subscriptions.isCurrent(fetch.state())) {
        return fetch;
      }
    }
    return null;
  }

  boolean hasCompleted() {
    return !completed.isEmpty();
  }

  /** Drops what was fetched for {@code bucket}. */
  void drop(TableBucket bucket) {
    completed.removeIf(
        f -> {
          if (f.state().bucket.equals(bucket)) {
            f.state().buffered--;
            return true;
          }
          return false;
        });
  }

  void clearCompleted() {
    CompletedFetch fetch;
    while ((fetch = completed.poll()) != null) {
      fetch.state().buffered--;
    }
  }

  /** Ends the subscription of {@code b} for good and hands {@code error} to the next poll. */
  void end(SubscriptionState subscriptions, BucketState b, RuntimeException error) {
    subscriptions.unsubscribe(b.bucket);
    drop(b.bucket);
    fail(error);
  }

  /** Queues an error for the caller's next poll. */
  void fail(RuntimeException error) {
    errors.add(error);
  }

  /** Throws the oldest queued error, if any. */
  void throwError() {
    RuntimeException error = errors.poll();
    if (error != null) {
      throw error;
    }
  }

  boolean hasError() {
    return !errors.isEmpty();
  }

  /** Drops everything; later posts are dropped too. */
  void close() {
    closed = true;
    inbox.clear();
    completed.clear();
    errors.clear();
  }
}
