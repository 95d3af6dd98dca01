package io.flussjava.client.internal;

import io.flussjava.config.ClientOptions;
import io.flussjava.config.Configuration;
import io.flussjava.exception.InvalidMetadataException;
import io.flussjava.exception.RetriableException;
import io.flussjava.exception.SchemaNotExistException;
import io.flussjava.exception.TimeoutException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one retry policy of the client: which errors are worth another attempt, how long to back off
 * before it, and whether a deadline still leaves room for it. Every path that retries (admin calls,
 * writes, fetches, lookups, offset and metadata requests) asks this class, so they all follow
 * {@code client.retry.backoff} and {@code client.retry.backoff.max} the same way.
 */
public final class RetryPolicy {
  private final long initialBackoffNanos;
  private final long maxBackoffNanos;

  public RetryPolicy(Duration initialBackoff, Duration maxBackoff) {
    this.initialBackoffNanos = Math.max(1, initialBackoff.toNanos());
    this.maxBackoffNanos = Math.max(initialBackoffNanos, maxBackoff.toNanos());
  }

  public static RetryPolicy from(Configuration conf) {
    return new RetryPolicy(
        conf.get(ClientOptions.RETRY_BACKOFF), conf.get(ClientOptions.RETRY_BACKOFF_MAX));
  }

  /**
   * Whether another attempt may succeed: server errors marked retriable, and request timeouts (the
   * request may simply have met a slow or restarting server). Everything else is final.
   */
  public static boolean isRetriable(Throwable error) {
    Throwable e = Futures.unwrap(error);
    return e instanceof RetriableException || e instanceof TimeoutException;
  }

  /**
   * Whether a write the server answered with {@code error} may succeed when sent again: any {@link
   * #isRetriable retriable} error, and also a schema the tablet server does not know. A writer's
   * schema id comes from the coordinator, and a tablet server learns a table's new schema from the
   * coordinator a moment after an ALTER TABLE, so a write of the new schema can reach it first.
   */
  public static boolean isRetriableWrite(Throwable error) {
    return isRetriable(error) || Futures.unwrap(error) instanceof SchemaNotExistException;
  }

  /**
   * Whether the error means the client's view of leaders or nodes is stale and must be fetched
   * again.
   */
  public static boolean meansStaleMetadata(Throwable error) {
    Throwable e = Futures.unwrap(error);
    return e instanceof InvalidMetadataException || e instanceof TimeoutException;
  }

  /**
   * The wait before attempt {@code failedAttempts + 1}: exponential from the initial backoff,
   * capped, with +-20% jitter so that many clients do not retry in lock step after a leader change.
   *
   * @param failedAttempts attempts that failed so far (1 after the first failure)
   */
  public long backoffNanos(int failedAttempts) {
    long exp = initialBackoffNanos << Math.min(Math.max(failedAttempts - 1, 0), 20);
    long capped = Math.min(maxBackoffNanos, exp <= 0 ? maxBackoffNanos : exp);
    return (long) (capped * (0.8 + 0.4 * ThreadLocalRandom.current().nextDouble()));
  }

  /**
   * Whether an attempt started after the backoff at {@code nowNanos} still starts before {@code
   * deadlineNanos}.
   */
  public static boolean fitsBefore(long nowNanos, long backoffNanos, long deadlineNanos) {
    return nowNanos + backoffNanos - deadlineNanos < 0;
  }
}
