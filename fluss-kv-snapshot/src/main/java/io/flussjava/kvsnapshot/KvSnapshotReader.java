package io.flussjava.kvsnapshot;

import io.flussjava.client.Connection;
import io.flussjava.client.StoredRowDecoder;
import io.flussjava.client.Table;
import io.flussjava.client.TableBucket;
import io.flussjava.client.admin.Admin;
import io.flussjava.client.admin.PartitionInfo;
import io.flussjava.client.admin.TableInfo;
import io.flussjava.client.scan.ScanRecord;
import io.flussjava.exception.ClosedException;
import io.flussjava.exception.NonPrimaryKeyTableException;
import io.flussjava.exception.PartitionNotExistException;
import io.flussjava.exception.TableNotPartitionedException;
import io.flussjava.log.ChangeType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.rocksdb.RocksDBException;

/**
 * Reads the state of a primary-key table from its KV snapshots: for each bucket, the latest
 * snapshot the tablet servers uploaded to remote storage, downloaded and opened with RocksDB, one
 * row per key (change type {@code +I}, no log offset or commit time). Each bucket's rows are its
 * state as of that snapshot's log offset ({@link #logOffsets()}); a bucket without a snapshot yet
 * has no rows.
 *
 * <pre>{@code
 * try (KvSnapshotReader reader =
 *     KvSnapshotReader.open(connection, table, KvSnapshotReadOptions.defaults())) {
 *   while (reader.hasNext()) {
 *     System.out.println(reader.next().getRow());
 *   }
 * }
 * }</pre>
 *
 * <p>Buckets are read one after another: one bucket's files are on local disk at a time, deleted
 * when its last row was handed out, and the latest snapshot of a bucket is asked for when the
 * reader gets to it. Buckets of partitions made after {@code open} are not read. Not thread-safe.
 * Close it to close RocksDB and delete the downloaded files.
 */
public final class KvSnapshotReader implements Iterator<ScanRecord>, AutoCloseable {
  private final Iterator<BucketRef> buckets;
  private final BucketSnapshotOpener opener;
  private final Function<byte[], Object[]> decoder;
  private final Consumer<OpenedSnapshot> onOpened;
  private final Map<TableBucket, Long> logOffsets = new LinkedHashMap<>();
  private OpenedSnapshot current;
  private ScanRecord pending;
  private boolean closed;

  /** A bucket to read and the name of its partition (null for an unpartitioned table). */
  record BucketRef(TableBucket bucket, String partitionName) {}

  KvSnapshotReader(
      List<BucketRef> buckets,
      BucketSnapshotOpener opener,
      Function<byte[], Object[]> decoder,
      Consumer<OpenedSnapshot> onOpened) {
    this.buckets = List.copyOf(buckets).iterator();
    this.opener = opener;
    this.decoder = decoder;
    this.onOpened = onOpened;
  }

  /**
   * A reader of every bucket of the table, of every partition of a partitioned table.
   *
   * @throws NonPrimaryKeyTableException if the table has no primary key (it has no KV snapshots)
   */
  public static KvSnapshotReader open(
      Connection connection, Table table, KvSnapshotReadOptions options) {
    return open(connection, table, bucketsOf(connection.getAdmin(), table, null), options, s -> {});
  }

  /**
   * A reader of every bucket of one partition of a partitioned table.
   *
   * @throws TableNotPartitionedException if the table is not partitioned
   * @throws PartitionNotExistException if it has no such partition
   */
  public static KvSnapshotReader open(
      Connection connection, Table table, String partitionName, KvSnapshotReadOptions options) {
    if (!table.getTableInfo().isPartitioned()) {
      throw new TableNotPartitionedException(
          "Table " + table.getTablePath() + " is not partitioned: read it without a partition.");
    }
    return open(
        connection,
        table,
        bucketsOf(connection.getAdmin(), table, partitionName),
        options,
        s -> {});
  }

  static KvSnapshotReader open(
      Connection connection,
      Table table,
      List<BucketRef> buckets,
      KvSnapshotReadOptions options,
      Consumer<OpenedSnapshot> onOpened) {
    BucketSnapshotOpener opener =
        new BucketSnapshotOpener(
            new AdminSnapshotCatalog(
                connection.getAdmin(), table.getTablePath(), options.leaseDuration()),
            new SnapshotDownloader(options.fileSystems(), options.tempDirectory()),
            options.maxSnapshotAttempts());
    StoredRowDecoder rows = StoredRowDecoder.of(table, options.columns());
    return new KvSnapshotReader(
        buckets, opener, value -> rows.decode(value, 0, value.length), onOpened);
  }

  /**
   * Every bucket of the table, or of one partition of it.
   *
   * @param partitionName the partition, or null for all of them
   */
  static List<BucketRef> bucketsOf(Admin admin, Table table, String partitionName) {
    TableInfo info = table.getTableInfo();
    if (!info.hasPrimaryKey()) {
      throw new NonPrimaryKeyTableException(
          "Table "
              + info.getTablePath()
              + " has no primary key, so no KV snapshots: read its log with a scanner.");
    }
    List<BucketRef> refs = new ArrayList<>();
    if (!info.isPartitioned()) {
      addBuckets(refs, info, TableBucket.NO_PARTITION, null);
      return refs;
    }
    boolean found = false;
    for (PartitionInfo p : admin.listPartitionInfos(info.getTablePath())) {
      if (partitionName == null || partitionName.equals(p.getPartitionName())) {
        addBuckets(refs, info, p.getPartitionId(), p.getPartitionName());
        found = true;
      }
    }
    if (partitionName != null && !found) {
      throw new PartitionNotExistException(
          "Table " + info.getTablePath() + " has no partition " + partitionName);
    }
    return refs;
  }

  private static void addBuckets(
      List<BucketRef> refs, TableInfo info, long partitionId, String partitionName) {
    for (int b = 0; b < info.getNumBuckets(); b++) {
      refs.add(new BucketRef(TableBucket.of(info.getTableId(), partitionId, b), partitionName));
    }
  }

  /**
   * Whether another row follows; opens (downloads) the next bucket's snapshot when the current one
   * is done.
   *
   * @throws KvSnapshotReadException if a snapshot cannot be downloaded or read
   * @throws io.flussjava.exception.SchemaNotExistException if a row's schema id is unknown to the
   *     coordinator (rows of older schema versions are read, with added columns null)
   */
  @Override
  public boolean hasNext() {
    if (closed) {
      throw ClosedException.of("this KvSnapshotReader");
    }
    while (pending == null) {
      if (current == null) {
        if (!buckets.hasNext()) {
          return false;
        }
        BucketRef ref = buckets.next();
        current = opener.open(ref.bucket(), ref.partitionName());
        onOpened.accept(current);
      }
      byte[] value = nextValue(current);
      if (value == null) {
        logOffsets.put(current.bucket(), current.logOffset());
        OpenedSnapshot done = current;
        current = null;
        done.close();
      } else {
        pending = new ScanRecord(current.bucket(), -1, -1, ChangeType.INSERT, decoder.apply(value));
      }
    }
    return true;
  }

  private static byte[] nextValue(OpenedSnapshot snapshot) {
    if (snapshot.store() == null) {
      return null;
    }
    try {
      return snapshot.store().next() ? snapshot.store().value() : null;
    } catch (RocksDBException e) {
      throw new KvSnapshotReadException(
          "cannot read snapshot " + snapshot.snapshotId() + " of " + snapshot.bucket() + ": " + e,
          e);
    }
  }

  @Override
  public ScanRecord next() {
    if (!hasNext()) {
      throw new NoSuchElementException("the KV snapshot reader handed out every row");
    }
    ScanRecord row = pending;
    pending = null;
    return row;
  }

  /**
   * The buckets read to their end so far, each with the log offset its rows are the state at (the
   * changelog from that offset on is not in them; 0 for a bucket without a snapshot).
   */
  public Map<TableBucket, Long> logOffsets() {
    return Map.copyOf(logOffsets);
  }

  /** Closes RocksDB, deletes the downloaded files and drops the snapshot lease. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    pending = null;
    try {
      if (current != null) {
        OpenedSnapshot open = current;
        current = null;
        open.close();
      }
    } finally {
      opener.close();
    }
  }
}
