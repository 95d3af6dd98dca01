package io.flussjava.client.internal;

import io.flussjava.exception.TimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an async operation again after retriable errors, with exponential backoff and jitter, until
 * it succeeds, fails for good, or its deadline passes. Errors that mean stale metadata first call a
 * refresh hook.
 */
public final class Retrier {
  private static final Logger LOG = LoggerFactory.getLogger(Retrier.class);

  private final ScheduledExecutorService scheduler;
  private final RetryPolicy policy;
  private final Clock clock;

  public Retrier(ScheduledExecutorService scheduler, RetryPolicy policy, Clock clock) {
    this.scheduler = scheduler;
    this.policy = policy;
    this.clock = clock;
  }

  // The retrier's parts, for machinery that runs its own retry loop (e.g. per-bucket retries) on
  // the same timer,
  // policy and clock instead of a second set.
  ScheduledExecutorService scheduler() {
    return scheduler;
  }

  RetryPolicy policy() {
    return policy;
  }

  public Clock clock() {
    return clock;
  }

  /**
   * Calls {@code attempt} until it succeeds or {@code timeout} has passed.
   *
   * @param operation named in the timeout message, e.g. {@code "createTable(db.t)"}
   * @param onStaleMetadata run before retrying after an {@link InvalidMetadataException}
   */
  public <T> CompletableFuture<T> call(
      String operation,
      Duration timeout,
      Supplier<CompletableFuture<T>> attempt,
      Consumer<Throwable> onStaleMetadata) {
    CompletableFuture<T> result = new CompletableFuture<>();
    long deadline = clock.nanoTime() + timeout.toNanos();
    run(operation, timeout, deadline, 0, attempt, onStaleMetadata, result);
    return result;
  }

  private <T> void run(
      String operation,
      Duration timeout,
      long deadline,
      int attemptNo,
      Supplier<CompletableFuture<T>> attempt,
      Consumer<Throwable> onStaleMetadata,
      CompletableFuture<T> result) {
    if (result.isDone()) {
      return; // cancelled by the caller
    }
    CompletableFuture<T> f;
    try {
      f = attempt.get();
    } catch (RuntimeException e) {
      result.completeExceptionally(e);
      return;
    }
    f.whenComplete(
        (value, error) -> {
          if (error == null) {
            result.complete(value);
            return;
          }
          Throwable cause = Futures.unwrap(error);
          if (!RetryPolicy.isRetriable(cause)) {
            result.completeExceptionally(cause);
            return;
          }
          long backoff = policy.backoffNanos(attemptNo + 1);
          if (!RetryPolicy.fitsBefore(clock.nanoTime(), backoff, deadline)) {
            TimeoutException t =
                new TimeoutException(
                    operation
                        + " did not complete within "
                        + timeout.toMillis()
                        + " ms; last error: "
                        + cause.getMessage());
            t.initCause(cause);
            result.completeExceptionally(t);
            return;
          }
          if (RetryPolicy.meansStaleMetadata(cause) && onStaleMetadata != null) {
            onStaleMetadata.accept(cause);
          }
          LOG.debug(
              "{} failed with a retriable error, retrying in {} ms: {}",
              operation,
              backoff / 1_000_000,
              cause.toString());
          scheduler.schedule(
              () ->
                  run(
                      operation,
                      timeout,
                      deadline,
                      attemptNo + 1,
                      attempt,
                      onStaleMetadata,
                      result),
              backoff,
              TimeUnit.NANOSECONDS);
        });
  }
}
