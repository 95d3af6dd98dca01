package io.flussjava.client.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A scheduler on a {@link FakeClock}: delayed tasks run only when the test moves the clock past
 * their time with {@link #advance}, on the test's thread, so retries and backoffs are stepped
 * through without sleeping or racing. {@link #execute} runs at once. Periodic scheduling is not
 * supported (nothing under test uses it).
 */
public final class FakeScheduler extends AbstractExecutorService
    implements ScheduledExecutorService {
  private final FakeClock clock;
  private final List<Task<?>> tasks = new ArrayList<>();

  public FakeScheduler(FakeClock clock) {
    this.clock = clock;
  }

  /**
   * Moves the clock and runs, in time order, every task that is due by then (also ones those tasks
   * schedule).
   */
  public void advance(Duration d) {
    long until = clock.nanoTime() + d.toNanos();
    while (true) {
      Task<?> next;
      synchronized (this) {
        next =
            tasks.stream()
                .filter(t -> t.at - until <= 0)
                .min((a, b) -> Long.compare(a.at - b.at, 0))
                .orElse(null);
        if (next == null) {
          break;
        }
        tasks.remove(next);
      }
      if (next.at - clock.nanoTime() > 0) {
        clock.advance(Duration.ofNanos(next.at - clock.nanoTime()));
      }
      next.run();
    }
    if (until - clock.nanoTime() > 0) {
      clock.advance(Duration.ofNanos(until - clock.nanoTime()));
    }
  }

  /** Tasks scheduled and neither run nor cancelled yet. */
  public synchronized int pending() {
    return (int) tasks.stream().filter(t -> !t.future.isDone()).count();
  }

  @Override
  public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    return schedule(
        () -> {
          command.run();
          return null;
        },
        delay,
        unit);
  }

  @Override
  public synchronized <V> ScheduledFuture<V> schedule(
      Callable<V> callable, long delay, TimeUnit unit) {
    Task<V> t = new Task<>(callable, clock.nanoTime() + unit.toNanos(Math.max(0, delay)));
    tasks.add(t);
    return t;
  }

  @Override
  public ScheduledFuture<?> scheduleAtFixedRate(
      Runnable command, long initialDelay, long period, TimeUnit unit) {
    throw new UnsupportedOperationException("not needed by the fake's users");
  }

  @Override
  public ScheduledFuture<?> scheduleWithFixedDelay(
      Runnable command, long initialDelay, long delay, TimeUnit unit) {
    throw new UnsupportedOperationException("not needed by the fake's users");
  }

  @Override
  public void execute(Runnable command) {
    command.run();
  }

  @Override
  public void shutdown() {}

  @Override
  public List<Runnable> shutdownNow() {
    return List.of();
  }

  @Override
  public boolean isShutdown() {
    return false;
  }

  @Override
  public boolean isTerminated() {
    return false;
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) {
    return true;
  }

  private final class Task<V> implements ScheduledFuture<V> {
    private final Callable<V> callable;
    private final long at;
    private final CompletableFuture<V> future = new CompletableFuture<>();

    Task(Callable<V> callable, long at) {
      this.callable = callable;
      this.at = at;
    }

    void run() {
      if (future.isDone()) {
        return;
      }
      try {
        future.complete(callable.call());
      } catch (Exception e) {
        future.completeExceptionally(e);
      }
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(at - clock.nanoTime(), TimeUnit.NANOSECONDS);
    }

    @Override
    public int compareTo(Delayed o) {
      return Long.compare(getDelay(TimeUnit.NANOSECONDS), o.getDelay(TimeUnit.NANOSECONDS));
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      synchronized (FakeScheduler.this) {
        tasks.remove(this);
      }
      return future.cancel(mayInterruptIfRunning);
    }

    @Override
    public boolean isCancelled() {
      return future.isCancelled();
    }

    @Override
    public boolean isDone() {
      return future.isDone();
    }

    @Override
    public V get() throws InterruptedException, ExecutionException {
      return future.get();
    }

    @Override
    public V get(long timeout, TimeUnit unit)
        throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
      return future.get(timeout, unit);
    }
  }
}
