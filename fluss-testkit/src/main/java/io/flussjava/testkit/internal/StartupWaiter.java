package io.flussjava.testkit.internal;

import io.flussjava.testkit.FlussClusterException;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * Polls readiness conditions against one overall deadline while watching the child processes, so a
 * server that dies during startup fails the wait at once (with its logs) instead of after the full
 * timeout.
 */
public final class StartupWaiter {

  static final long POLL_INTERVAL_MILLIS = 200;

  /** A readiness check; an exception means "not ready yet" and is quoted if the wait times out. */
  @FunctionalInterface
  public interface Check {
    boolean ready() throws Exception;
  }

  private final Duration timeout;
  private final long deadlineNanos;
  private final BooleanSupplier aborted;

  /**
   * @param aborted true once the wait should stop early (the cluster is being closed, e.g. by a
   *     shutdown hook)
   */
  public StartupWaiter(Duration timeout, BooleanSupplier aborted) {
    this.timeout = timeout;
    this.deadlineNanos = System.nanoTime() + timeout.toNanos();
    this.aborted = aborted;
  }

  /** Time left before the deadline, never negative. */
  public Duration remaining() {
    return Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
  }

  /** Waits until {@code host:port} accepts TCP connections. */
  public void awaitPort(String what, String host, int port, List<ServerProcess> watched) {
    await(
        what + " to accept connections on " + host + ":" + port,
        watched,
        () -> TcpProbe.acceptsConnections(host, port, 1000));
  }

  /**
   * Polls {@code check} until it passes.
   *
   * @throws FlussClusterException if a watched process exits, the deadline passes or the wait is
   *     aborted
   */
  public void await(String what, List<ServerProcess> watched, Check check) {
    Exception lastError = null;
    while (true) {
      for (ServerProcess process : watched) {
        if (process.exitCode().isPresent()) {
          throw new FlussClusterException(
              process.name()
                  + " exited with code "
                  + process.exitCode().getAsInt()
                  + " while waiting for "
                  + what
                  + "\n"
                  + process.describe());
        }
      }
      if (aborted.getAsBoolean()) {
        throw new FlussClusterException("cluster closed while waiting for " + what);
      }
      try {
        if (check.ready()) {
          return;
        }
      } catch (Exception e) {
        lastError = e;
      }
      if (System.nanoTime() - deadlineNanos >= 0) {
        throw new FlussClusterException(
            "timed out after "
                + timeout.toMillis() / 1000.0
                + " s waiting for "
                + what
                + (lastError == null ? "" : " (last probe error: " + lastError + ")")
                + "\n"
                + watched.stream().map(ServerProcess::describe).collect(Collectors.joining("\n")));
      }
      sleepQuietly(Math.min(POLL_INTERVAL_MILLIS, remaining().toMillis() + 1));
    }
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FlussClusterException("interrupted while starting the Fluss cluster", e);
    }
  }
}
