package io.flussjava.client.internal;

import io.flussjava.exception.FlussException;
import io.flussjava.exception.TimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Turns the async core into sync calls: every sync method is its async twin plus a bounded wait.
 */
public final class Futures {
  private Futures() {}

  /**
   * Waits for a future at most {@code timeout}. On success returns its value; on failure rethrows
   * the typed exception it failed with (not wrapped), so that sync callers catch the same types as
   * async ones; on timeout cancels it and throws a {@link TimeoutException} naming the operation.
   */
  public static <T> T await(CompletableFuture<T> future, Duration timeout, String operation) {
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      future.cancel(true);
      throw new TimeoutException(operation, timeout);
    } catch (ExecutionException e) {
      throw rethrow(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      future.cancel(true);
      throw new FlussException("interrupted while waiting for " + operation, e);
    }
  }

  /**
   * The exception to surface for a failure cause: unchecked causes as they are, checked ones
   * wrapped.
   */
  public static RuntimeException rethrow(Throwable cause) {
    Throwable c = unwrap(cause);
    if (c instanceof RuntimeException) {
      return (RuntimeException) c;
    }
    if (c instanceof Error) {
      throw (Error) c;
    }
    return new FlussException(String.valueOf(c.getMessage()), c);
  }

  /** Strips the {@link CompletionException}/{@link ExecutionException} layers futures add. */
  public static Throwable unwrap(Throwable t) {
    Throwable c = t;
    while ((c instanceof CompletionException || c instanceof ExecutionException)
        && c.getCause() != null) {
      c = c.getCause();
    }
    return c;
  }

  public static <T> CompletableFuture<T> failed(Throwable t) {
    CompletableFuture<T> f = new CompletableFuture<>();
    f.completeExceptionally(t);
    return f;
  }

  /**
   * A future completed like {@code future}, but on {@code executor}: callbacks a user chains on it
   * run there, never on the network thread that completed {@code future}. Once the executor is shut
   * down (the connection closed) it completes on the calling thread instead of never.
   */
  public static <T> CompletableFuture<T> completeOn(
      CompletableFuture<T> future, java.util.concurrent.Executor executor) {
    CompletableFuture<T> out = new CompletableFuture<>();
    future.whenComplete(
        (value, error) -> {
          Runnable complete =
              () -> {
                if (error == null) {
                  out.complete(value);
                } else {
                  out.completeExceptionally(unwrap(error));
                }
              };
          try {
            executor.execute(complete);
          } catch (java.util.concurrent.RejectedExecutionException closed) {
            complete.run();
          }
        });
    return out;
  }
}
