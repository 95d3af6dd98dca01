package io.flussjava.client.write.internal;

import io.flussjava.exception.TimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The writers' memory budget ({@code client.writer.buffer.memory-size}). A batch reserves its size
 * before it is opened and gives it back when it is acknowledged or failed; writers block, in
 * arrival order, while the budget is used up. This is the back-pressure that keeps a fast producer
 * from outrunning the cluster without bound.
 */
final class MemoryLimiter {
  private final long total;
  private final ReentrantLock lock = new ReentrantLock(true);
  private final Condition released = lock.newCondition();
  private long available;

  MemoryLimiter(long totalBytes) {
    this.total = totalBytes;
    this.available = totalBytes;
  }

  /**
   * Takes {@code bytes} from the budget, waiting up to {@code maxWaitNanos}. A request larger than
   * the whole budget waits for the whole budget, so one oversized batch can still go out alone.
   */
  void reserve(long bytes, long maxWaitNanos) throws InterruptedException {
    long want = Math.min(bytes, total);
    lock.lock();
    try {
      long remaining = maxWaitNanos;
      while (available < want) {
        if (remaining <= 0) {
          throw new TimeoutException(
              "Waited "
                  + TimeUnit.NANOSECONDS.toMillis(maxWaitNanos)
                  + " ms for writer buffer memory ("
                  + (total - available)
                  + " of "
                  + total
                  + " bytes in unacknowledged batches). The cluster is"
                  + " slower than the writers or unreachable: raise client.writer.buffer.memory-size or"
                  + " client.writer.buffer.wait-timeout, or write more slowly.");
        }
        remaining = released.awaitNanos(remaining);
      }
      available -= want;
    } finally {
      lock.unlock();
    }
  }

  void release(long bytes) {
    long give = Math.min(bytes, total);
    lock.lock();
    try {
      available = Math.min(total, available + give);
      released.signalAll();
    } finally {
      lock.unlock();
    }
  }

  long available() {
    lock.lock();
    try {
      return available;
    } finally {
      lock.unlock();
    }
  }
}
