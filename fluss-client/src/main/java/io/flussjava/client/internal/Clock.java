package io.flussjava.client.internal;

/**
 * The client's one source of time. The machinery (sender, fetcher, lookup batcher, retries,
 * metadata ages) reads time only through a clock handed to it, so that unit tests drive it with a
 * fake clock instead of sleeping.
 */
@FunctionalInterface
public interface Clock {
  /** The wall-independent clock of the JVM. */
  Clock SYSTEM = System::nanoTime;

  /** Monotonic nanoseconds, as {@link System#nanoTime()}: only differences mean something. */
  long nanoTime();
}
