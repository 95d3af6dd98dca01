package io.flussjava.kvsnapshot;

import io.flussjava.client.Connection;
import io.flussjava.client.Table;
import io.flussjava.client.TableBucket;
import io.flussjava.client.scan.LogScanner;
import io.flussjava.client.scan.ScanRecord;
import io.flussjava.client.scan.ScanRecords;
import io.flussjava.client.scan.TableScan;
import io.flussjava.config.ClientOptions;
import io.flussjava.exception.LogOffsetOutOfRangeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Follows a primary-key table as state: first the state of every bucket (the rows of its latest KV
 * snapshot, as {@code +I} records without offsets; none for a bucket without a snapshot yet), then
 * the bucket's changelog from exactly the offset that state covers ({@code +I/-U/+U/-D} records
 * with offsets). Applying everything in order yields the table's current state, and each change
 * after the snapshot is handed out once.
 *
 * <pre>{@code
 * Map<List<Object>, List<Object>> state = new HashMap<>();
 * try (StateReader reader = StateReader.open(connection, table, KvSnapshotReadOptions.defaults())) {
 *   while (running) {
 *     for (ScanRecord r : reader.poll(Duration.ofSeconds(1))) {
 *       if (r.changeType() == ChangeType.DELETE || r.changeType() == ChangeType.UPDATE_BEFORE) {
 *         state.remove(keyOf(r));
 *       } else {
 *         state.put(keyOf(r), r.getRow());
 *       }
 *     }
 *   }
 * }
 * }</pre>
 *
 * <p>A bucket's changelog is subscribed as soon as its snapshot is opened, so the server keeps
 * sending it while the state of later buckets is read. When the server no longer has a bucket's
 * changelog from its snapshot's offset (it was deleted, e.g. past the log's retention, or a bucket
 * without a snapshot lost its first records), {@link #poll} fails with {@link
 * ChangelogGapException} instead of skipping changes. Partitions made after {@code open} are not
 * followed. Not thread-safe; close it to free the scanner and the snapshot files.
 */
public final class StateReader implements AutoCloseable {
  private final KvSnapshotReader snapshots;
  private final LogScanner changelog;
  private final int maxPollRecords;
  private boolean stateRead;

  /**
   * @param snapshotsFor the reader of the buckets' state, given what to do when a bucket's snapshot
   *     is opened
   */
  StateReader(
      LogScanner changelog,
      int maxPollRecords,
      Function<Consumer<OpenedSnapshot>, KvSnapshotReader> snapshotsFor) {
    this.changelog = changelog;
    this.maxPollRecords = maxPollRecords;
    this.snapshots = snapshotsFor.apply(this::follow);
  }

  /**
   * A reader of every bucket of the table (every partition of a partitioned table).
   *
   * @throws io.flussjava.exception.NonPrimaryKeyTableException if the table has no primary key
   */
  public static StateReader open(
      Connection connection, Table table, KvSnapshotReadOptions options) {
    String[] columns = options.columns();
    TableScan scan = table.newScan();
    LogScanner changelog = (columns.length == 0 ? scan : scan.project(columns)).createLogScanner();
    try {
      List<KvSnapshotReader.BucketRef> buckets =
          KvSnapshotReader.bucketsOf(connection.getAdmin(), table, null);
      return new StateReader(
          changelog,
          connection.getConfiguration().get(ClientOptions.SCANNER_MAX_POLL_RECORDS),
          onOpened -> KvSnapshotReader.open(connection, table, buckets, options, onOpened));
    } catch (RuntimeException e) {
      changelog.close();
      throw e;
    }
  }

  private void follow(OpenedSnapshot snapshot) {
    TableBucket b = snapshot.bucket();
    if (b.isPartitioned()) {
      changelog.subscribe(b.partitionId(), b.bucket(), snapshot.logOffset());
    } else {
      changelog.subscribe(b.bucket(), snapshot.logOffset());
    }
  }

  /**
   * The next records: while state is read, up to {@code client.scanner.log.max-poll-records} rows
   * of it at once (returned as soon as they are read; a bucket's download is not bounded by {@code
   * timeout}); then the changes, waiting up to {@code timeout} for the first.
   *
   * @throws ChangelogGapException if a bucket's changelog from its state's offset is gone
   * @throws KvSnapshotReadException if a snapshot cannot be downloaded or read
   */
  public ScanRecords poll(Duration timeout) {
    if (!stateRead) {
      Map<TableBucket, List<ScanRecord>> rows = new LinkedHashMap<>();
      int n = 0;
      while (n < maxPollRecords && snapshots.hasNext()) {
        ScanRecord row = snapshots.next();
        rows.computeIfAbsent(row.tableBucket(), b -> new ArrayList<>()).add(row);
        n++;
      }
      if (n > 0) {
        return new ScanRecords(rows);
      }
      stateRead = true;
      snapshots.close();
    }
    try {
      return changelog.poll(timeout);
    } catch (LogOffsetOutOfRangeException e) {
      throw new ChangelogGapException(
          "The changelog after a KV snapshot is no longer on the server, so its changes cannot"
              + " follow the snapshot's state; open a new reader to start from a newer snapshot: "
              + e.getMessage(),
          e);
    }
  }

  /** Whether every row of the buckets' state was handed out, so polls now return changes. */
  public boolean isStateRead() {
    return stateRead;
  }

  /**
   * The log offset each bucket's state was read at (its snapshot's, or 0 without one), for the
   * buckets whose state was handed out so far.
   */
  public Map<TableBucket, Long> stateOffsets() {
    return snapshots.logOffsets();
  }

  /** Closes the scanner and RocksDB and deletes downloaded files. Idempotent. */
  @Override
  public void close() {
    try {
      snapshots.close();
    } finally {
      changelog.close();
    }
  }
}
