package io.flussjava.benchmarks.shared;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongFunction;
import java.util.function.ToIntFunction;

/**
 * The lookup loop both clients run: keys one at a time ({@code inFlight == 1}, each waited for
 * before the next is sent) or with up to {@code inFlight} outstanding, recording each key's latency
 * from send to result. A row that is not found, or a failed lookup, fails the run.
 *
 * @param <R> the client's result type
 */
public final class Lookups<R> {
  private final LongFunction<CompletableFuture<R>> lookup;
  private final ToIntFunction<R> rowHash;

  /**
   * @param lookup sends the lookup of one key
   * @param rowHash materializes the found row's values as JDK objects and returns their {@link
   *     RowHash}; throws {@link IllegalStateException} when the result holds no row
   */
  public Lookups(LongFunction<CompletableFuture<R>> lookup, ToIntFunction<R> rowHash) {
    this.lookup = lookup;
    this.rowHash = rowHash;
  }

  /** Looks up every key; the measurement's rows are the keys, its latencies one per key. */
  public Map<String, Object> run(long[] keys, int inFlight) throws Exception {
    long[] latencies = new long[keys.length];
    AtomicLong checksum = new AtomicLong();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Semaphore slots = new Semaphore(inFlight);
    Measurement m = Measurement.start();
    for (int i = 0; i < keys.length && failure.get() == null; i++) {
      slots.acquire();
      int slot = i;
      long key = keys[i];
      long sent = System.nanoTime();
      CompletableFuture<R> f = lookup.apply(key);
      f.whenComplete(
          (r, e) -> {
            try {
              if (e != null) {
                failure.compareAndSet(null, e);
              } else {
                checksum.addAndGet(rowHash.applyAsInt(r));
                latencies[slot] = System.nanoTime() - sent;
              }
            } catch (RuntimeException ex) {
              failure.compareAndSet(
                  null, new IllegalStateException("key " + key + ": " + ex.getMessage(), ex));
            } finally {
              slots.release();
            }
          });
      if (inFlight == 1) {
        slots.acquire(); // wait for this one before sending the next
        slots.release();
      }
    }
    slots.acquire(inFlight); // all outstanding lookups done
    Map<String, Object> out = m.finish(keys.length, checksum.get(), latencies);
    if (failure.get() != null) {
      throw new IllegalStateException("lookup failed: " + failure.get(), failure.get());
    }
    return out;
  }
}
