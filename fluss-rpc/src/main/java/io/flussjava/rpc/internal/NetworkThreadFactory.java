package io.flussjava.rpc.internal;

import io.netty.util.concurrent.FastThreadLocalThread;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Daemon I/O threads named {@code fluss-netty-<clientId>-N}, so that a thread dump shows which
 * client owns them and a forgotten client never keeps the JVM alive. Netty's FastThreadLocalThread
 * keeps its thread-locals fast.
 */
public final class NetworkThreadFactory implements ThreadFactory {
  private final String prefix;
  private final AtomicInteger counter = new AtomicInteger();
  private final List<Thread> created = new CopyOnWriteArrayList<>();

  public NetworkThreadFactory(String clientId) {
    this.prefix =
        clientId == null || clientId.isEmpty() ? "fluss-netty-" : "fluss-netty-" + clientId + "-";
  }

  @Override
  public Thread newThread(Runnable task) {
    Thread thread = new FastThreadLocalThread(task, prefix + counter.getAndIncrement());
    thread.setDaemon(true);
    created.add(thread);
    return thread;
  }

  /**
   * Waits until every thread made here has ended, at most until {@code deadlineNanos} ({@link
   * System#nanoTime()}). Netty completes an event loop's termination future just before its thread
   * returns, so a close that wants no thread left behind joins them too.
   *
   * @return whether all of them ended
   */
  public boolean awaitThreadsEnded(long deadlineNanos) throws InterruptedException {
    for (Thread thread : created) {
      long left = deadlineNanos - System.nanoTime();
      if (left > 0) {
        thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
      }
      if (thread.isAlive()) {
        return false;
      }
    }
    return true;
  }
}
