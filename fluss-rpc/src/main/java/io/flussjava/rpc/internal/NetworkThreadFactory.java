package io.flussjava.rpc.internal;

import io.netty.util.concurrent.FastThreadLocalThread;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Daemon I/O threads named {@code fluss-netty-<clientId>-N}, so that a thread dump shows which client owns them and
 * a forgotten client never keeps the JVM alive. Netty's FastThreadLocalThread keeps its thread-locals fast.
 */
public final class NetworkThreadFactory implements ThreadFactory {
  private final String prefix;
  private final AtomicInteger counter = new AtomicInteger();

  public NetworkThreadFactory(String clientId) {
    this.prefix = clientId == null || clientId.isEmpty() ? "fluss-netty-" : "fluss-netty-" + clientId + "-";
  }

  @Override
  public Thread newThread(Runnable task) {
    Thread thread = new FastThreadLocalThread(task, prefix + counter.getAndIncrement());
    thread.setDaemon(true);
    return thread;
  }
}
