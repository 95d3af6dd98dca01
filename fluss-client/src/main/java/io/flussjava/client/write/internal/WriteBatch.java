package io.flussjava.client.write.internal;

import io.flussjava.client.TableBucket;
import io.flussjava.client.write.WriteResult;
import io.flussjava.log.ChangeType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One batch of records for one bucket, from first append to acknowledgement. While open it is
 * filled under its bucket queue's lock; once drained it belongs to the sender thread. Not
 * thread-safe on its own.
 */
final class WriteBatch {
  final WriteTarget target;
  final TableBucket bucket;
  final long reservedBytes;
  final long createdNanos;
  final long deadlineNanos;
  final CompletableFuture<Void> done = new CompletableFuture<>();

  /**
   * The leader this batch is (last) sent to; set by the sender's thread when it drains the batch.
   */
  int leader = -1;

  /** Since when the sender has been told to wait for this batch's leader; sender thread only. */
  long waitingForLeaderSince = Long.MIN_VALUE;

  private final RecordBatchBuilder builder;
  private final List<CompletableFuture<WriteResult>> futures;
  // The writers whose records are in this batch (usually one); the last one is kept apart so that a
  // run of records
  // of one writer costs a reference compare each.
  private final List<FailureLatch> writers = new ArrayList<>(1);
  private FailureLatch lastWriter;
  private ByteBuffer built;
  private volatile Throwable failure;
  private boolean renumbered;
  private boolean closed;
  private int sequence = -1;
  // The writer-id generation the sequence counts in (see BucketQueue) and the writer id the bytes
  // carry; a new sequence takes the writer id of its first send.
  private int generation = -1;
  private long writerId = WriterIdentity.NO_WRITER_ID;
  private boolean needsWriterId;
  // An attempt ended without an answer that says it was not written: from then on, the batch may
  // be in the log, and only its own writer id and sequence can tell (see
  // Sender#handleSequenceError).
  private boolean mayBeWritten;
  // The bucket's last acknowledged sequence when the last attempt went out (to tell a stale
  // out-of-order answer from a real gap).
  private int lastAckedAtSend = -1;
  private long ordinal;
  private int attempts;
  private long retryAtNanos;

  WriteBatch(
      WriteTarget target,
      TableBucket bucket,
      RecordBatchBuilder builder,
      long reservedBytes,
      long nowNanos,
      long deliveryTimeoutNanos) {
    this.target = target;
    this.bucket = bucket;
    this.builder = builder;
    this.reservedBytes = reservedBytes;
    this.createdNanos = nowNanos;
    this.deadlineNanos = nowNanos + deliveryTimeoutNanos;
    this.futures = new ArrayList<>(target.recordsPerBatchHint());
  }

  /** Adds a record and returns its future, or {@code null} if the batch is closed or full. */
  CompletableFuture<WriteResult> tryAppend(
      FailureLatch writer, ChangeType type, Object[] row, byte[] key) {
    if (closed || !builder.tryAppend(type, row, key)) {
      return null;
    }
    if (writer != lastWriter) {
      if (!writers.contains(writer)) {
        writers.add(writer);
      }
      lastWriter = writer;
    }
    CompletableFuture<WriteResult> f = new CompletableFuture<>();
    futures.add(f);
    return f;
  }

  boolean isClosed() {
    return closed;
  }

  /** No more appends: the batch is full, superseded by a newer one, or about to be sent. */
  void close() {
    if (!closed && !futures.isEmpty()) {
      target.recordBatchClosed(futures.size());
    }
    closed = true;
  }

  int recordCount() {
    return futures.size();
  }

  int sequence() {
    return sequence;
  }

  void assignSequence(int sequence, int generation) {
    this.sequence = sequence;
    this.generation = generation;
    this.needsWriterId = true;
  }

  /** The writer-id generation of the sequence, -1 before the first one is assigned. */
  int generation() {
    return generation;
  }

  /** The order in which the bucket's batches were opened (their order on the wire). */
  long ordinal() {
    return ordinal;
  }

  void setOrdinal(long ordinal) {
    this.ordinal = ordinal;
  }

  boolean mayBeWritten() {
    return mayBeWritten;
  }

  /** An attempt ended without telling whether the server wrote it. */
  void markMayBeWritten() {
    mayBeWritten = true;
  }

  int lastAckedAtSend() {
    return lastAckedAtSend;
  }

  void noteSent(int lastAcked) {
    this.lastAckedAtSend = lastAcked;
  }

  int attempts() {
    return attempts;
  }

  long retryAtNanos() {
    return retryAtNanos;
  }

  void scheduleRetry(long atNanos) {
    this.retryAtNanos = atNanos;
  }

  /**
   * The wire bytes, built on the first send and re-sent unchanged on retries (same writer id and
   * sequence), unless an earlier batch's rejection gave this one a new sequence number.
   */
  ByteBuffer wireBytes(long currentWriterId) {
    attempts++;
    if (needsWriterId) {
      // A sequence keeps the writer id it was first sent with, even after the writer id is renewed.
      writerId = currentWriterId;
      needsWriterId = false;
    }
    if (built == null) {
      built = builder.build(target.table().getSchemaId(), writerId, sequence);
    } else if (renumbered) {
      builder.restamp(built, writerId, sequence);
    }
    renumbered = false;
    return built.duplicate();
  }

  /**
   * Moves this batch one sequence down if it comes after the rejected sequence (see
   * BucketQueue#rejected).
   */
  void renumberAfterRejectionOf(int rejectedSequence, int rejectedGeneration) {
    if (sequence < 0
        || generation != rejectedGeneration
        || sequence == rejectedSequence
        || !after(sequence, rejectedSequence)) {
      return;
    }
    sequence = sequence == 0 ? Integer.MAX_VALUE : sequence - 1;
    renumbered = true;
  }

  /**
   * Forgets the sequence (a new writer id starts every bucket at 0 again); the next send numbers it
   * anew.
   */
  void resetSequence() {
    sequence = -1;
    generation = -1;
    renumbered = true;
  }

  /**
   * Whether this batch's number changed since it was last sent (so an out-of-order answer is
   * expected).
   */
  boolean wasRenumbered() {
    return renumbered;
  }

  // Sequence order with wrap-around: a is after b if it is less than half the range ahead.
  static boolean after(int a, int b) {
    return ((a - b) & Integer.MAX_VALUE) != 0 && ((a - b) & Integer.MAX_VALUE) < (1 << 30);
  }

  int sizeInBytes() {
    return built != null ? built.remaining() : builder.estimatedSizeInBytes();
  }

  /**
   * Completes every record's future; {@code baseOffset} < 0 means the server reported no offsets.
   */
  void succeed(long baseOffset) {
    if (done.isDone()) {
      return; // aborted by a close meanwhile
    }
    for (int i = 0; i < futures.size(); i++) {
      futures
          .get(i)
          .complete(new WriteResult(bucket.bucket(), baseOffset < 0 ? -1 : baseOffset + i));
    }
    finish();
  }

  /**
   * Fails every record's future and tells the batch's writers; once only (a close may abort a batch
   * in flight).
   */
  void fail(Throwable error) {
    if (done.isDone()) {
      return;
    }
    failure = error;
    writers.forEach(w -> w.note(error));
    for (CompletableFuture<WriteResult> f : futures) {
      f.completeExceptionally(error);
    }
    finish();
  }

  /** Why the batch failed, or {@code null} if it succeeded or is not done. */
  Throwable failure() {
    return failure;
  }

  /** The builder of a batch that was never used (see the accumulator's race on opening a batch). */
  RecordBatchBuilder builderForReturn() {
    return builder;
  }

  private void finish() {
    built = null;
    target.returnBuilder(builder);
    done.complete(null);
  }

  @Override
  public String toString() {
    return "batch of "
        + futures.size()
        + " records for "
        + target.path()
        + " "
        + bucket
        + " (sequence "
        + sequence
        + ", attempt "
        + attempts
        + (mayBeWritten ? ", maybe written" : "")
        + ")";
  }
}
