package io.flussjava.client.write.internal;

import io.flussjava.client.admin.TableInfo;
import io.flussjava.client.admin.TablePath;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * What the writers of one table and one write kind write to, shared by all of them so that they
 * fill the same batches instead of sealing each other's: the table, how its batches are built and
 * sent (ProduceLog or PutKv with its target columns), and a pool of reusable batch builders.
 * Batches of different targets never share a request.
 */
final class WriteTarget {
  enum Kind {
    LOG,
    KV
  }

  private final TableInfo table;
  private final Kind kind;
  private final int[] targetColumns;
  private final Supplier<RecordBatchBuilder> builderFactory;
  private final ArrayDeque<RecordBatchBuilder> freeBuilders = new ArrayDeque<>();
  private volatile int stickyBucket;
  // How many records the last full batch held: new batches size their future lists for it instead
  // of growing them.
  private volatile int recordsPerBatch = 16;
  private boolean closed;
  // Writers using this target; guarded by the WriterClient that hands targets out.
  int users;

  WriteTarget(
      TableInfo table,
      Kind kind,
      int[] targetColumns,
      Supplier<RecordBatchBuilder> builderFactory) {
    this.table = table;
    this.kind = kind;
    this.targetColumns = targetColumns;
    this.builderFactory = builderFactory;
    this.stickyBucket =
        java.util.concurrent.ThreadLocalRandom.current().nextInt(table.getNumBuckets());
  }

  int recordsPerBatchHint() {
    return recordsPerBatch;
  }

  void recordBatchClosed(int records) {
    recordsPerBatch = Math.max(16, Math.min(records, 1 << 20));
  }

  TableInfo table() {
    return table;
  }

  TablePath path() {
    return table.getTablePath();
  }

  long tableId() {
    return table.getTableId();
  }

  Kind kind() {
    return kind;
  }

  /** Column indexes of a partial update, or {@code null} for whole rows. */
  int[] targetColumns() {
    return targetColumns;
  }

  /** Whether batches of the two targets may travel in one request. */
  boolean sameRequestAs(WriteTarget other) {
    return other.tableId() == tableId()
        && other.kind == kind
        && Arrays.equals(other.targetColumns, targetColumns);
  }

  /** A builder from the pool, or a new one; builders are expensive to create (Arrow vectors). */
  synchronized RecordBatchBuilder takeBuilder() {
    RecordBatchBuilder b = freeBuilders.poll();
    return b != null ? b : builderFactory.get();
  }

  /** Returns a builder whose batch is finished, keeping at most a few for reuse. */
  synchronized void returnBuilder(RecordBatchBuilder builder) {
    if (!closed && freeBuilders.size() < 4) {
      builder.reset();
      freeBuilders.push(builder);
    } else {
      builder.close();
    }
  }

  /**
   * Sticky bucket choice for rows without a bucket key: all rows go to one bucket until its batch
   * is full, then to the next, so batches fill up instead of spreading thin over every bucket.
   */
  int stickyBucket() {
    return stickyBucket;
  }

  void onBatchOpened(int bucket, boolean previousWasFull) {
    if (previousWasFull && bucket == stickyBucket) {
      stickyBucket = (bucket + 1) % table.getNumBuckets();
    }
  }

  /**
   * Frees the pooled builders; builders of batches still in flight are freed when they come back.
   */
  synchronized void closeBuilders() {
    closed = true;
    freeBuilders.forEach(RecordBatchBuilder::close);
    freeBuilders.clear();
  }
}
