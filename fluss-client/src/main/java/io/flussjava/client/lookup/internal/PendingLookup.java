package io.flussjava.client.lookup.internal;

import io.flussjava.client.TableBucket;
import io.flussjava.client.admin.TableInfo;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One key waiting for its answer: the stored values under it (a point lookup's list has at most
 * one). Its result completes on whatever thread settles it (a network thread, a timer, the closing
 * thread); callers hand it on to their own executor before user code sees it.
 */
final class PendingLookup {
  final LookupKind<?, ?> kind;
  final TableInfo table;
  final TableBucket bucket;
  final byte[] key;

  /**
   * When the caller learnt the key's partition exists: a table view fetched later without it means
   * dropped.
   */
  final long createdNanos;

  final long deadlineNanos;
  final CompletableFuture<List<byte[]>> result = new CompletableFuture<>();

  /**
   * Counts routing turns. A key waiting for metadata may be woken by the metadata fetch and by its
   * own backoff timer; whichever claims the turn first routes it, so a key is never queued twice.
   */
  private final AtomicInteger turn = new AtomicInteger();

  /**
   * Failed attempts; touched by one thread at a time (each attempt hands the key on through a
   * future or timer).
   */
  int attempts;

  PendingLookup(
      LookupKind<?, ?> kind,
      TableInfo table,
      TableBucket bucket,
      byte[] key,
      long createdNanos,
      long deadlineNanos) {
    this.kind = kind;
    this.table = table;
    this.bucket = bucket;
    this.key = key;
    this.createdNanos = createdNanos;
    this.deadlineNanos = deadlineNanos;
  }

  int turn() {
    return turn.get();
  }

  /**
   * Whether the caller may start the next routing turn after {@code seen}; true for the first
   * caller only.
   */
  boolean claim(int seen) {
    return turn.compareAndSet(seen, seen + 1);
  }

  /** Whether {@code other} may travel in the same request (same kind, same table). */
  boolean sameRequest(PendingLookup other) {
    return other.kind == kind && other.table.getTableId() == table.getTableId();
  }
}
