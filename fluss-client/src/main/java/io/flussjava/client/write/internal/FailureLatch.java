package io.flussjava.client.write.internal;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The first write failure of one writer that no flush has reported yet. Batches are shared by the
 * writers of a table, so a failed batch notes its failure in the latch of every writer that put a
 * record into it, and each writer's flush reports its own.
 */
final class FailureLatch {
  private final AtomicReference<Throwable> first = new AtomicReference<>();

  void note(Throwable error) {
    first.compareAndSet(null, error);
  }

  /** The failure noted since the last call, or {@code null}; clears it. */
  Throwable take() {
    return first.getAndSet(null);
  }
}
