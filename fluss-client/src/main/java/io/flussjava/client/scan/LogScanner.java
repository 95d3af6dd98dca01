package io.flussjava.client.scan;

import java.time.Duration;

/**
 * Reads a table's log, bucket by bucket (for partitioned tables: bucket by bucket of each
 * partition, see {@link #subscribe(long, int, long)}), from offsets the caller chooses. Obtained
 * with {@code table.newScan().createLogScanner()} (optionally {@code .project("a", "b")} first:
 * only those columns cross the wire).
 *
 * <pre>{@code
 * try (LogScanner scanner = table.newScan().createLogScanner()) {
 *   for (int b = 0; b < table.getTableInfo().getNumBuckets(); b++) {
 *     scanner.subscribeFromBeginning(b);
 *   }
 *   ScanRecords records = scanner.poll(Duration.ofSeconds(1));
 *   for (ScanRecord r : records) {
 *     System.out.println(r.getRow());
 *   }
 * }
 * }</pre>
 *
 * <p>Fetches are pipelined: the next fetch of a bucket is in flight while the caller works through
 * the previous one. Not thread-safe: use one scanner per thread. Closing it releases its buffers.
 *
 * <p>Rows come in the table's schema as of the {@code Table} the scanner was created from, whatever
 * schema version they were written with: a column added later by {@code Admin.alterTable} is left
 * out, and one the rows predate reads as null. A scanner created before an {@code alterTable} thus
 * keeps its schema; one created from a {@code Table} obtained afterwards sees the new column.
 */
public interface LogScanner extends AutoCloseable {

  /**
   * Reads {@code bucket} from {@code offset} on (replacing an earlier subscription of that bucket).
   *
   * @throws IllegalArgumentException if the table has no such bucket, or is partitioned (subscribe
   *     to the buckets of its partitions instead)
   */
  void subscribe(int bucket, long offset);

  /** Reads {@code bucket} from its earliest retained record. */
  void subscribeFromBeginning(int bucket);

  /** Reads only records appended to {@code bucket} after this call. */
  void subscribeFromLatest(int bucket);

  /**
   * Reads {@code bucket} from the first record committed at or after {@code timestampMillis} (epoch
   * ms).
   */
  void subscribeFromTimestamp(int bucket, long timestampMillis);

  /** Stops reading {@code bucket}; records of it already buffered are dropped. */
  void unsubscribe(int bucket);

  /**
   * Reads one bucket of one partition of a partitioned table from {@code offset} on. Partition ids
   * come from {@code admin.listPartitionInfos(path)}.
   *
   * <pre>{@code
   * for (PartitionInfo p : admin.listPartitionInfos(path)) {
   *   for (int b = 0; b < table.getTableInfo().getNumBuckets(); b++) {
   *     scanner.subscribe(p.getPartitionId(), b, 0L);
   *   }
   * }
   * }</pre>
   *
   * @throws io.flussjava.exception.TableNotPartitionedException if the table is not partitioned
   * @throws io.flussjava.exception.PartitionNotExistException if the table has no partition with
   *     that id
   * @throws IllegalArgumentException if the table has no such bucket
   */
  void subscribe(long partitionId, int bucket, long offset);

  /** Reads one bucket of one partition from its earliest retained record. */
  void subscribeFromBeginning(long partitionId, int bucket);

  /** Reads only records appended to one bucket of one partition after this call. */
  void subscribeFromLatest(long partitionId, int bucket);

  /**
   * Reads one bucket of one partition from the first record whose commit timestamp is at or after
   * {@code timestampMillis} (epoch milliseconds), as listed by the server.
   */
  void subscribeFromTimestamp(long partitionId, int bucket, long timestampMillis);

  /** Stops reading one bucket of one partition; records of it already buffered are dropped. */
  void unsubscribe(long partitionId, int bucket);

  /**
   * Stops fetching {@code bucket} until {@link #resume(int)}; what was fetched before is still
   * returned. For flow control: a paused bucket keeps its subscription and position.
   *
   * @throws IllegalStateException if the bucket is not subscribed
   */
  void pause(int bucket);

  /** Fetches {@code bucket} again after {@link #pause(int)}, from where it stopped. */
  void resume(int bucket);

  /** Like {@link #pause(int)} for one bucket of one partition. */
  void pause(long partitionId, int bucket);

  /** Like {@link #resume(int)} for one bucket of one partition. */
  void resume(long partitionId, int bucket);

  /**
   * Returns the records that arrived, waiting up to {@code timeout} for the first one; at most
   * {@code client.scanner.log.max-poll-records}.
   *
   * <p>A bucket that cannot be read fails the poll with the typed error (e.g. {@link
   * io.flussjava.exception.LogOffsetOutOfRangeException}, {@link
   * io.flussjava.exception.PartitionNotExistException} for a dropped partition, {@link
   * io.flussjava.exception.TableNotExistException} for a dropped table) and is unsubscribed: the
   * other buckets go on, and subscribing to it again (e.g. at another offset) resumes it. Leader
   * moves, timeouts and lost connections are retried without the caller noticing.
   *
   * @throws IllegalStateException if no bucket is subscribed
   * @throws io.flussjava.exception.ClosedException if this scanner or its connection is closed
   */
  ScanRecords poll(Duration timeout);

  /**
   * Like {@link #poll} but returns the records as Arrow batches, without turning them into Java
   * objects: the batches the server sent, with only the projected columns (in the asked order).
   * Needs an ARROW table (the default {@code table.log.format}).
   *
   * <pre>{@code
   * try (LogScanner scanner = table.newScan().project("id", "name").createLogScanner()) {
   *   scanner.subscribeFromBeginning(0);
   *   try (ArrowScanBatches batches = scanner.pollBatches(Duration.ofSeconds(1))) {
   *     for (ArrowScanBatch batch : batches) {
   *       VectorSchemaRoot root = batch.root();        // columns id, name; row i at offset batch.offsetOf(i)
   *     }
   *   }
   * }
   * }</pre>
   *
   * <p>Returns whole batches: at least one when any arrived, and batches are added until they hold
   * {@code client.scanner.log.max-poll-records} records or more (a {@link TableScan#maxRecords
   * maxRecords} is still exact). The result is valid until it is closed or the scanner polls again
   * or closes; see {@link ArrowScanBatches} for ownership. May be mixed with {@link #poll} only
   * when the last {@code poll} left no records behind.
   *
   * @throws io.flussjava.exception.InvalidTableOperationException if the table's log format is not
   *     ARROW (read INDEXED and COMPACTED tables with {@link #poll})
   * @throws IllegalStateException if records decoded by an earlier {@link #poll} are still waiting
   *     to be returned
   */
  ArrowScanBatches pollBatches(Duration timeout);

  /**
   * Whether this scan has ended: a {@link TableScan#maxRecords maxRecords(n)} scan once it returned
   * n records. Every poll after that returns nothing at once. Always false for a scanner without a
   * limit, which reads for ever.
   */
  boolean isEndReached();

  /**
   * Frees the scanner's buffers; later calls fail with a ClosedException. Idempotent; may be called
   * from any thread.
   */
  @Override
  void close();
}
