package io.flussjava.testkit.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The faults a {@code FaultProxy} applies right now, read by every link's pumps on each frame and
 * switched by the test at any time.
 */
public final class FaultSettings {
  private volatile long latencyNanos;
  private volatile long bytesPerSecond;
  private volatile boolean blackHole;
  private final List<DropRule> drops = new ArrayList<>();
  private final AtomicInteger dropped = new AtomicInteger();

  /** Drops the {@code remaining}-th next response to requests with {@code apiKey}. */
  private static final class DropRule {
    final int apiKey;
    int remaining;

    DropRule(int apiKey, int nth) {
      this.apiKey = apiKey;
      this.remaining = nth;
    }
  }

  public long latencyNanos() {
    return latencyNanos;
  }

  public void latencyNanos(long nanos) {
    latencyNanos = nanos;
  }

  public long bytesPerSecond() {
    return bytesPerSecond;
  }

  public void bytesPerSecond(long limit) {
    bytesPerSecond = limit;
  }

  public boolean blackHole() {
    return blackHole;
  }

  public void blackHole(boolean on) {
    blackHole = on;
  }

  public synchronized void dropNth(int apiKey, int nth) {
    drops.add(new DropRule(apiKey, nth));
  }

  /** Counts a response to a request with {@code apiKey}; true if it is the one to drop. */
  public synchronized boolean shouldDrop(int apiKey) {
    for (Iterator<DropRule> it = drops.iterator(); it.hasNext(); ) {
      DropRule rule = it.next();
      if (rule.apiKey == apiKey && --rule.remaining == 0) {
        it.remove();
        dropped.incrementAndGet();
        return true;
      }
    }
    return false;
  }

  public int dropped() {
    return dropped.get();
  }

  public synchronized boolean dropsPending() {
    return !drops.isEmpty();
  }

  public synchronized void clear() {
    latencyNanos = 0;
    bytesPerSecond = 0;
    blackHole = false;
    drops.clear();
  }
}
