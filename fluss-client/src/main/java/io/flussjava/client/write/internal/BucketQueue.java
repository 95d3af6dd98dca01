package io.flussjava.client.write.internal;

import io.flussjava.client.TableBucket;
import io.flussjava.client.write.WriteResult;
import io.flussjava.log.ChangeType;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;

/**
 * The batches of one bucket that are not in flight, oldest first, plus the bucket's in-flight
 * batches, next batch sequence and last acknowledged sequence. Retried batches go back in the order
 * they were opened, ahead of newer ones, so a bucket's batches always reach the server in the order
 * they were written. Guarded by its own monitor.
 *
 * <p>Sequences count within a <em>generation</em>: one writer id. A new writer id starts a new
 * generation at sequence 0 for batches never sent (or surely not written); a batch that may already
 * be in the log keeps its old writer id and sequence, so that the server can still recognise it,
 * and newer batches of the bucket wait until the older generation's batches are done (their order
 * on the wire is their order in the log).
 */
final class BucketQueue {
  final TableBucket bucket;
  private final ArrayDeque<WriteBatch> batches = new ArrayDeque<>();
  private final java.util.List<WriteBatch> inFlight = new java.util.ArrayList<>();
  private int nextSequence;
  private int generation;
  private int ackedGeneration = -1;
  private int lastAcked = -1;
  private long nextOrdinal;

  BucketQueue(TableBucket bucket, int generation) {
    this.bucket = bucket;
    this.generation = generation;
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
    batch.setOrdinal(nextOrdinal++);
    batches.addLast(batch);
    return closedOne;
  }

  WriteBatch peek() {
    return batches.peekFirst();
  }

  /**
   * Whether the head must wait: it starts the current generation while batches of an older one are
   * in flight (their answers decide whether they are re-sent, and they go first).
   */
  boolean headWaitsForOlderGeneration() {
    WriteBatch head = batches.peekFirst();
    if (head == null || (head.sequence() >= 0 && head.generation() != generation)) {
      return false;
    }
    for (WriteBatch b : inFlight) {
      if (b.generation() != generation) {
        return true;
      }
    }
    return false;
  }

  /** Takes the head for sending, giving it the next sequence number on its first send. */
  WriteBatch pollForSend() {
    WriteBatch b = batches.pollFirst();
    b.close();
    if (b.sequence() < 0) {
      b.assignSequence(nextSequence, generation);
      // Sequences wrap from Int.MAX to 0, as the server expects.
      nextSequence = nextSequence == Integer.MAX_VALUE ? 0 : nextSequence + 1;
    }
    b.noteSent(lastAckedIn(b.generation()));
    inFlight.add(b);
    return b;
  }

  /** A sent batch came back acknowledged or failed for good. */
  void completed(WriteBatch batch) {
    inFlight.remove(batch);
  }

  /** The server acknowledged {@code batch}: every sequence up to its own is in the log. */
  void acknowledged(WriteBatch batch) {
    inFlight.remove(batch);
    if (batch.sequence() < 0) {
      return; // not idempotent
    }
    if (batch.generation() != ackedGeneration) {
      ackedGeneration = batch.generation();
      lastAcked = batch.sequence();
    } else if (WriteBatch.after(batch.sequence(), lastAcked)) {
      lastAcked = batch.sequence();
    }
  }

  private int lastAckedIn(int gen) {
    return gen == ackedGeneration ? lastAcked : -1;
  }

  /**
   * Whether the server's state proves {@code batch} written: the server takes a writer's batches of
   * a bucket only in sequence order, so an acknowledged later (or equal) sequence of the same
   * writer id means this one is in the log.
   */
  boolean provenWritten(WriteBatch batch) {
    int acked = lastAckedIn(batch.generation());
    return batch.sequence() >= 0
        && acked >= 0
        && (acked == batch.sequence() || WriteBatch.after(acked, batch.sequence()));
  }

  /**
   * Whether an out-of-order answer for {@code batch} may be due to its own bucket's traffic rather
   * than a gap in the server's state: an older batch of its generation is still in flight or
   * waiting to be re-sent, a batch was acknowledged since this one went out (the answer is stale),
   * or this one was renumbered after it went out (an older one was rejected).
   */
  boolean mayBeTransientlyOutOfOrder(WriteBatch batch) {
    if (batch.wasRenumbered() || lastAckedIn(batch.generation()) != batch.lastAckedAtSend()) {
      return true;
    }
    return hasOlderPending(batches, batch) || hasOlderPending(inFlight, batch);
  }

  private static boolean hasOlderPending(Iterable<WriteBatch> pending, WriteBatch batch) {
    for (WriteBatch b : pending) {
      if (b != batch
          && b.sequence() >= 0
          && b.generation() == batch.generation()
          && WriteBatch.after(batch.sequence(), b.sequence())) {
        return true;
      }
    }
    return false;
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
      b.renumberAfterRejectionOf(seq, failed.generation());
    }
    for (WriteBatch b : inFlight) {
      b.renumberAfterRejectionOf(seq, failed.generation());
    }
    if (failed.generation() == generation) {
      nextSequence = nextSequence == 0 ? Integer.MAX_VALUE : nextSequence - 1;
    }
  }

  /** A sent batch will be sent again: it goes back ahead of every batch opened after it. */
  void requeue(WriteBatch batch) {
    inFlight.remove(batch);
    ArrayDeque<WriteBatch> rest = new ArrayDeque<>();
    while (!batches.isEmpty() && batches.peekFirst().ordinal() < batch.ordinal()) {
      rest.addLast(batches.pollFirst());
    }
    batches.addFirst(batch);
    for (Iterator<WriteBatch> it = rest.descendingIterator(); it.hasNext(); ) {
      batches.addFirst(it.next());
    }
  }

  /**
   * A new writer id starts generation {@code newGeneration}: queued batches that were surely not
   * written get a fresh number from 0 on their next send; those that may be in the log keep their
   * writer id and sequence. In-flight batches are decided when their answer comes.
   */
  void startGeneration(int newGeneration) {
    generation = newGeneration;
    nextSequence = 0;
    for (WriteBatch b : batches) {
      if (!b.mayBeWritten()) {
        b.resetSequence();
      }
    }
  }

  int generation() {
    return generation;
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
