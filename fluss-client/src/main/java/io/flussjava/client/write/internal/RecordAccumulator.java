package io.flussjava.client.write.internal;

import io.flussjava.client.TableBucket;
import io.flussjava.client.internal.Clock;
import io.flussjava.client.internal.LeaderRouter;
import io.flussjava.client.write.WriteResult;
import io.flussjava.exception.FlussException;
import io.flussjava.exception.PartitionNotExistException;
import io.flussjava.exception.TimeoutException;
import io.flussjava.log.ChangeType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Gathers written records into per-bucket batches. Writers append from any thread (each bucket
 * queue has its own lock, so writers of different buckets never contend); the sender thread drains
 * batches that are ready: full, lingered for {@code client.writer.batch-timeout}, or asked for by a
 * flush.
 */
final class RecordAccumulator {
  private final Map<TableBucket, BucketQueue> queues = new ConcurrentHashMap<>();
  private final Set<WriteBatch> incomplete = ConcurrentHashMap.newKeySet();
  private final MemoryLimiter memory;
  private final int batchSize;
  private final long lingerNanos;
  private final long deliveryTimeoutNanos;
  private final long maxBlockNanos;
  private final int maxInFlightPerBucket;
  private final AtomicInteger flushesInProgress = new AtomicInteger();
  private volatile boolean sequencesUncertain;
  // The writer-id generation new sequences count in; bumped by each writer-id renewal (sender
  // thread).
  private volatile int generation;
  // Set by abortAll: appends fail with it from then on, so that nothing lands in a queue nobody
  // drains any more.
  private volatile RuntimeException closed;

  // The sender sleeps on this until a batch may be ready; writers and responses wake it.
  private final ReentrantLock wakeLock = new ReentrantLock();
  private final Condition wakeUp = wakeLock.newCondition();
  private boolean wakeRequested;

  private final Clock clock;

  RecordAccumulator(
      Clock clock,
      long bufferMemory,
      int batchSize,
      long lingerNanos,
      long deliveryTimeoutNanos,
      long maxBlockNanos,
      int maxInFlightPerBucket) {
    this.clock = clock;
    this.memory = new MemoryLimiter(bufferMemory);
    this.batchSize = batchSize;
    this.lingerNanos = lingerNanos;
    this.deliveryTimeoutNanos = deliveryTimeoutNanos;
    this.maxBlockNanos = maxBlockNanos;
    this.maxInFlightPerBucket = maxInFlightPerBucket;
  }

  /**
   * Adds a record to its bucket's open batch, opening a new batch (and reserving its memory, which
   * may block for back-pressure) when there is none or it is full.
   */
  CompletableFuture<WriteResult> append(
      WriteTarget target,
      FailureLatch writer,
      TableBucket bucket,
      ChangeType type,
      Object[] row,
      byte[] key) {
    BucketQueue queue = queues.computeIfAbsent(bucket, b -> new BucketQueue(b, generation));
    synchronized (queue) {
      checkNotClosed();
      CompletableFuture<WriteResult> f = queue.tryAppend(target, writer, type, row, key);
      if (f != null) {
        return f;
      }
    }
    // Reserve outside the queue's lock: blocking here must not stop the sender from completing this
    // bucket.
    try {
      memory.reserve(batchSize, maxBlockNanos);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FlussException("interrupted while waiting for writer buffer memory", e);
    }
    WriteBatch batch =
        new WriteBatch(
            target,
            bucket,
            target.takeBuilder(),
            batchSize,
            clock.nanoTime(),
            deliveryTimeoutNanos);
    CompletableFuture<WriteResult> f;
    boolean closedOne;
    synchronized (queue) {
      if (closed != null) {
        memory.release(batchSize);
        target.returnBuilder(batch.builderForReturn());
        checkNotClosed();
      }
      f = queue.tryAppend(target, writer, type, row, key);
      if (f != null) {
        // Another writer opened a batch meanwhile: give ours back.
        memory.release(batchSize);
        target.returnBuilder(batch.builderForReturn());
        return f;
      }
      f = batch.tryAppend(writer, type, row, key);
      closedOne = queue.addNew(batch);
      incomplete.add(batch);
    }
    target.onBatchOpened(bucket.bucket(), closedOne);
    if (closedOne) {
      wakeup(); // a full batch is ready to go
    }
    return f;
  }

  private void checkNotClosed() {
    RuntimeException c = closed;
    if (c != null) {
      throw c;
    }
  }

  /**
   * Takes at most one ready batch per bucket, each to be sent now. Batches past their delivery
   * deadline that were never sent fail here with a timeout.
   *
   * @param router where a batch goes: its leader (noted in the batch), wait (metadata is being
   *     fetched), or a failure such as a dropped partition or table, which fails every batch of the
   *     bucket
   * @param nextWake receives the earliest time (nanos) at which a batch not ready now becomes ready
   */
  List<WriteBatch> drain(
      long now, boolean closing, Function<WriteBatch, LeaderRouter.Route> router, long[] nextWake) {
    boolean flushing = closing || flushesInProgress.get() > 0;
    List<WriteBatch> ready = new ArrayList<>();
    List<WriteBatch> expired = new ArrayList<>();
    List<WriteBatch> dropped = new ArrayList<>();
    List<RuntimeException> droppedWhy = new ArrayList<>();
    long earliest = Long.MAX_VALUE;
    for (BucketQueue queue : queues.values()) {
      synchronized (queue) {
        // Batches past their delivery deadline fail here, sent before or not: nothing waits forever
        // for a leader
        // that does not come back.
        while (queue.peek() != null && now - queue.peek().deadlineNanos >= 0) {
          expired.add(queue.pollFirst());
        }
        WriteBatch head = queue.peek();
        if (head == null) {
          continue;
        }
        if (queue.generation() != generation) {
          queue.startGeneration(generation); // created by a writer while the writer id was renewed
        }
        if (queue.inFlight() >= maxInFlightPerBucket || queue.headWaitsForOlderGeneration()) {
          continue; // a response will wake the sender
        }
        long readyAt = head.isClosed() || flushing ? now : head.createdNanos + lingerNanos;
        readyAt = Math.max(readyAt, head.retryAtNanos());
        if (readyAt - now > 0) {
          earliest = Math.min(earliest, readyAt);
          continue;
        }
        LeaderRouter.Route route = router.apply(head);
        if (route.failure() != null) {
          while (!queue.isEmpty()) {
            dropped.add(
                queue
                    .pollFirst()); // every batch of a dropped partition's (or table's) bucket fails
            droppedWhy.add(route.failure());
          }
          continue;
        }
        if (!route.hasLeader()) {
          continue; // metadata fetch in progress; its completion wakes the sender
        }
        WriteBatch b = queue.pollForSend();
        b.leader = route.leader();
        ready.add(b);
      }
    }
    nextWake[0] = earliest;
    for (WriteBatch b : expired) {
      if (b.sequence() >= 0 && b.generation() == generation) {
        // It was sent and may or may not have been written: the bucket's sequence is no longer
        // certain.
        sequencesUncertain = true;
      }
      fail(
          b,
          new TimeoutException(
              "Expiring "
                  + b
                  + ": not acknowledged within client.writer.delivery-timeout ("
                  + TimeUnit.NANOSECONDS.toMillis(deliveryTimeoutNanos)
                  + " ms); is the table's leader available?"),
          false,
          false);
    }
    for (int i = 0; i < dropped.size(); i++) {
      WriteBatch b = dropped.get(i);
      RuntimeException why = droppedWhy.get(i);
      fail(
          b,
          why instanceof PartitionNotExistException
              ? new PartitionNotExistException(
                  "Cannot write to partition "
                      + b.bucket.partitionId()
                      + " of "
                      + b.target.path()
                      + ": the partition"
                      + " was dropped after the rows were written. Create it again (admin.createPartition) or write rows"
                      + " of existing partitions.")
              : why,
          false,
          false);
    }
    return ready;
  }

  /** The server acknowledged a batch. */
  void succeed(WriteBatch batch, long baseOffset) {
    if (batch.done.isDone()) {
      return; // aborted by a close while its answer was on the way
    }
    BucketQueue queue = queues.get(batch.bucket);
    synchronized (queue) {
      queue.acknowledged(batch);
    }
    batch.succeed(baseOffset);
    release(batch);
  }

  /**
   * A batch failed for good.
   *
   * @param definitelyNotWritten the server rejected it outright, so later batches of the bucket
   *     take over its sequence number
   */
  void fail(WriteBatch batch, Throwable error, boolean wasInFlight, boolean definitelyNotWritten) {
    if (batch.done.isDone()) {
      return;
    }
    if (wasInFlight) {
      BucketQueue queue = queues.get(batch.bucket);
      synchronized (queue) {
        queue.completed(batch);
        if (definitelyNotWritten) {
          queue.rejected(batch);
        }
      }
    }
    batch.fail(error);
    release(batch);
  }

  /** A sent batch will be sent again at {@code retryAt}, before every later batch of its bucket. */
  void retry(WriteBatch batch, long retryAt) {
    BucketQueue queue = queues.get(batch.bucket);
    synchronized (queue) {
      batch.scheduleRetry(retryAt);
      queue.requeue(batch);
    }
    wakeup();
  }

  /**
   * Whether an expired batch left some bucket's sequence uncertain (then the writer id must be
   * renewed); clears it.
   */
  boolean takeSequencesUncertain() {
    boolean u = sequencesUncertain;
    sequencesUncertain = false;
    return u;
  }

  /**
   * A new writer id: sequences start again from 0 in a new generation for every batch surely not
   * written (see BucketQueue#startGeneration).
   */
  void startGeneration() {
    int next = generation + 1;
    generation = next;
    for (BucketQueue queue : queues.values()) {
      synchronized (queue) {
        queue.startGeneration(next);
      }
    }
  }

  int generation() {
    return generation;
  }

  /** See BucketQueue#provenWritten. */
  boolean provenWritten(WriteBatch batch) {
    BucketQueue queue = queues.get(batch.bucket);
    synchronized (queue) {
      return queue.provenWritten(batch);
    }
  }

  /** See BucketQueue#mayBeTransientlyOutOfOrder. */
  boolean mayBeTransientlyOutOfOrder(WriteBatch batch) {
    BucketQueue queue = queues.get(batch.bucket);
    synchronized (queue) {
      return queue.mayBeTransientlyOutOfOrder(batch);
    }
  }

  /**
   * A sent batch that was surely not written goes back to be numbered in the current generation
   * (its old writer id's sequence can no longer be continued).
   */
  void renumber(WriteBatch batch, long retryAt) {
    BucketQueue queue = queues.get(batch.bucket);
    synchronized (queue) {
      batch.resetSequence();
      batch.scheduleRetry(retryAt);
      queue.requeue(batch);
    }
    wakeup();
  }

  private void release(WriteBatch batch) {
    incomplete.remove(batch);
    memory.release(batch.reservedBytes);
    wakeup();
  }

  /**
   * Sends every batch that exists now without waiting for linger and waits until those of {@code
   * target} are done (at most the delivery timeout); each record's future, and its writer's failure
   * latch, tell how it went.
   */
  void flush(WriteTarget target) {
    List<WriteBatch> pending = new ArrayList<>();
    for (WriteBatch b : incomplete) {
      if (b.target == target) {
        pending.add(b);
      }
    }
    flushesInProgress.incrementAndGet();
    try {
      wakeup();
      CompletableFuture.allOf(
              pending.stream().map(b -> b.done).toArray(CompletableFuture<?>[]::new))
          .get(deliveryTimeoutNanos + TimeUnit.SECONDS.toNanos(5), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FlussException("interrupted while flushing", e);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new TimeoutException("flush", java.time.Duration.ofNanos(deliveryTimeoutNanos));
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("batch completion never fails", e);
    } finally {
      flushesInProgress.decrementAndGet();
    }
  }

  boolean hasIncomplete() {
    return !incomplete.isEmpty();
  }

  /**
   * Fails every batch not yet acknowledged, queued or in flight (force close): nothing may wait for
   * an answer that the closed client will never read.
   */
  void abortAll(RuntimeException reason) {
    closed = reason;
    for (BucketQueue queue : queues.values()) {
      synchronized (queue) {
        while (!queue.isEmpty()) {
          queue.pollFirst();
        }
      }
    }
    for (WriteBatch b : new ArrayList<>(incomplete)) {
      b.fail(reason);
      release(b);
    }
  }

  void wakeup() {
    wakeLock.lock();
    try {
      wakeRequested = true;
      wakeUp.signalAll();
    } finally {
      wakeLock.unlock();
    }
  }

  /** Sleeps until woken or until {@code deadline} (nanos), whichever is first. */
  void awaitWork(long deadline) throws InterruptedException {
    wakeLock.lock();
    try {
      long wait = deadline - clock.nanoTime();
      while (!wakeRequested && wait > 0) {
        wait = wakeUp.awaitNanos(wait);
      }
      wakeRequested = false;
    } finally {
      wakeLock.unlock();
    }
  }

  long availableMemory() {
    return memory.available();
  }
}
