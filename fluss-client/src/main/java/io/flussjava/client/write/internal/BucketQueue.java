package io.flussjava.client.write.internal;

import io.flussjava.client.TableBucket;
import io.flussjava.client.write.WriteResult;
import io.flussjava.log.ChangeType;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;

/**
 * The batches of one bucket that are not in flight, oldest first, plus the bucket's in-flight count
 * and next batch sequence. Retried batches go back in sequence order ahead of newer ones, so a
 * bucket's batches always reach the server in the order they were written. Guarded by its own
 * monitor.
 */
final class BucketQueue {
  final TableBucket bucket;
  private final ArrayDeque<WriteBatch> batches = new ArrayDeque<>();
  private final java.util.List<WriteBatch> inFlight = new java.util.ArrayList<>();
  private int nextSequence;

  BucketQueue(TableBucket bucket) {
    this.bucket = bucket;
  }

  /**
   * Appends to the newest open batch of the same target, or returns {@code null} if a new batch is
   * needed.
   */
  CompletableFuture<WriteResult> tryAppend(
      WriteTarget target, FailureLatch writer, ChangeType type, Object[] row, byte[] key) {
    WriteBatch last = batches.peekLast();
    if (last == null || last.isClosed() || last.target != target) {
      return null;
    }
    return last.tryAppend(writer, type, row, key);
  }

  /**
   * Closes the newest batch (a new one takes its place) and adds the new one; true if a batch was
   * closed.
   */
  boolean addNew(WriteBatch batch) {
    WriteBatch last = batches.peekLast();
    boolean closedOne = last != null && !last.isClosed();
    if (closedOne) {
      last.close();
    }
    batches.addLast(batch);
    return closedOne;
  }

  WriteBatch peek() {
    return batches.peekFirst();
  }

  /** Takes the head for sending, giving it the next sequence number on its first send. */
  WriteBatch pollForSend() {
    WriteBatch b = batches.pollFirst();
    b.close();
    if (b.sequence() < 0) {
      b.assignSequence(nextSequence);
      // Sequences wrap from Int.MAX to 0, as the server expects.
      nextSequence = nextSequence == Integer.MAX_VALUE ? 0 : nextSequence + 1;
    }
    inFlight.add(b);
    return b;
  }

  /** A sent batch came back acknowledged or failed for good. */
  void completed(WriteBatch batch) {
    inFlight.remove(batch);
  }

  /**
   * The server definitely rejected {@code failed} (it wrote nothing), so the sequence it expects
   * next is still {@code failed}'s: every later batch of the bucket, queued or in flight, moves one
   * sequence down. In-flight ones come back out-of-order and are sent again with their new number.
   */
  void rejected(WriteBatch failed) {
    int seq = failed.sequence();
    if (seq < 0) {
      return;
    }
    for (WriteBatch b : batches) {
      b.renumberAfterRejectionOf(seq);
    }
    for (WriteBatch b : inFlight) {
      b.renumberAfterRejectionOf(seq);
    }
    nextSequence = nextSequence == 0 ? Integer.MAX_VALUE : nextSequence - 1;
  }

  /** A sent batch will be sent again: it goes back ahead of every batch with a higher sequence. */
  void requeue(WriteBatch batch) {
    inFlight.remove(batch);
    if (batches.isEmpty()) {
      batches.addFirst(batch);
      return;
    }
    ArrayDeque<WriteBatch> rest = new ArrayDeque<>();
    while (!batches.isEmpty()
        && batches.peekFirst().sequence() >= 0
        && batches.peekFirst().sequence() < batch.sequence()) {
      rest.addLast(batches.pollFirst());
    }
    batches.addFirst(batch);
    for (Iterator<WriteBatch> it = rest.descendingIterator(); it.hasNext(); ) {
      batches.addFirst(it.next());
    }
  }

  /**
   * A new writer id: every batch of the bucket, queued or in flight, gets a fresh number from 0 on
   * its next send.
   */
  void resetSequences() {
    nextSequence = 0;
    batches.forEach(WriteBatch::resetSequence);
    inFlight.forEach(WriteBatch::resetSequence);
  }

  /**
   * Whether a batch older than {@code sequence} is waiting to be re-sent (so a later one was
   * rejected in turn).
   */
  boolean hasRetryBefore(int sequence) {
    for (WriteBatch b : batches) {
      if (b.sequence() >= 0 && b.sequence() < sequence) {
        return true;
      }
    }
    return false;
  }

  int inFlight() {
    return inFlight.size();
  }

  /** Removes and returns the head (used to expire or abort batches that were never sent). */
  WriteBatch pollFirst() {
    return batches.pollFirst();
  }

  boolean isEmpty() {
    return batches.isEmpty();
  }
}
