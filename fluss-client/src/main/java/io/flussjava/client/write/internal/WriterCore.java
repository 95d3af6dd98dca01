package io.flussjava.client.write.internal;

import io.flussjava.client.TableBucket;
import io.flussjava.client.admin.TableInfo;
import io.flussjava.client.internal.Futures;
import io.flussjava.client.write.WriteResult;
import io.flussjava.exception.ClosedException;
import io.flussjava.log.ChangeType;
import io.flussjava.types.convert.PrecisionCutter;
import java.util.concurrent.CompletableFuture;

/**
 * What every writer does after checking and converting a row: find the row's partition and bucket
 * (and key), hand the row to the connection's pipeline, flush, and keep the writer's lifecycle.
 * Shared by threads: it holds no per-row scratch state.
 */
final class WriterCore {
  private final WriterClient client;
  private final WriteTarget target;
  private final RowRouter router;
  private final RowPartitioner partitioner;
  private final PrecisionCutter precision;
  private final long tableId;
  private final String name;
  private final FailureLatch failures = new FailureLatch();
  private final Object closeLock = new Object();
  private volatile boolean closed;

  /**
   * @param name how messages name the writer, e.g. {@code "this AppendWriter of db.t"}
   */
  WriterCore(WriterClient client, WriteTarget target, TableInfo table, String name) {
    this.client = client;
    this.target = target;
    this.router = new RowRouter(table);
    this.partitioner = client.partitionerFor(table);
    this.precision = new PrecisionCutter(table.getRowType());
    this.tableId = table.getTableId();
    this.name = name;
  }

  /**
   * Routes and enqueues one canonical row.
   *
   * @param keyed whether the record carries its encoded primary key (KV records)
   */
  CompletableFuture<WriteResult> write(ChangeType type, Object[] given, boolean keyed) {
    // No open check here: every public write method checks before it converts the row.
    long partitionId =
        partitioner == null ? TableBucket.NO_PARTITION : partitioner.partitionIdOf(given);
    // Cut after naming the partition: partition names keep the value as given, as the official
    // client names them.
    Object[] row = precision.cut(given);
    // A key leaves the partition columns out: a partition holds one value of them.
    byte[] key = keyed ? router.primaryKey(row) : null;
    int bucket = router.bucketOf(row, key, target.stickyBucket());
    return client.write(
        target, failures, new TableBucket(tableId, partitionId, bucket), type, row, key);
  }

  /** Fails a call on a closed writer, or on a writer whose connection is closed. */
  void checkOpen() {
    if (closed) {
      throw ClosedException.of(name);
    }
    client.state().checkOpen(name);
  }

  void flush() {
    checkOpen();
    client.flush(target);
    Throwable failure = failures.take();
    if (failure != null) {
      throw Futures.rethrow(failure);
    }
  }

  /** Flushes, then gives the writer's share of the pipeline back. Idempotent and thread-safe. */
  void close() {
    synchronized (closeLock) {
      if (closed) {
        return;
      }
      try {
        if (!client.state().isClosed()) {
          flush();
        }
      } finally {
        closed = true;
        client.release(target);
      }
    }
  }
}
