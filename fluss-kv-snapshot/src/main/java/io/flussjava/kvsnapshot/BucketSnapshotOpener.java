package io.flussjava.kvsnapshot;

import io.flussjava.client.TableBucket;
import io.flussjava.client.admin.KvSnapshot;
import io.flussjava.client.admin.KvSnapshotMetadata;
import io.flussjava.exception.KvSnapshotNotExistException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.rocksdb.RocksDBException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the latest snapshot of a bucket: asks for it, holds it (a KV snapshot lease), downloads its
 * files, releases it and opens the copies. The server deletes a snapshot's files once newer ones
 * replace it (it keeps {@code kv.snapshot.num-retained}); one deleted before it could be held, or
 * whose files are missing all the same, is replaced by the then-latest snapshot, up to the
 * configured number of attempts.
 */
final class BucketSnapshotOpener {
  private static final Logger LOG = LoggerFactory.getLogger(BucketSnapshotOpener.class);

  private final SnapshotCatalog catalog;
  private final SnapshotDownloader downloader;
  private final int maxAttempts;

  BucketSnapshotOpener(SnapshotCatalog catalog, SnapshotDownloader downloader, int maxAttempts) {
    this.catalog = catalog;
    this.downloader = downloader;
    this.maxAttempts = maxAttempts;
  }

  /**
   * @param partitionName the bucket's partition, or null for an unpartitioned table
   * @throws KvSnapshotReadException if no attempt could be downloaded and opened
   */
  OpenedSnapshot open(TableBucket bucket, String partitionName) {
    Exception last = null;
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      Optional<KvSnapshot> latest = catalog.latest(partitionName).latest(bucket.bucket());
      if (latest.isEmpty()) {
        return OpenedSnapshot.none(bucket);
      }
      long snapshotId = latest.get().snapshotId();
      if (!catalog.hold(bucket, snapshotId)) {
        last = new KvSnapshotNotExistException("snapshot " + snapshotId + " was deleted");
        LOG.debug("Snapshot {} of {} was deleted before it could be held", snapshotId, bucket);
        continue;
      }
      try {
        return download(bucket, catalog.metadata(bucket, snapshotId));
      } catch (NoSuchFileException | KvSnapshotNotExistException e) {
        last = e;
        LOG.debug(
            "Snapshot {} of {} vanished while read (attempt {} of {}): {}",
            snapshotId,
            bucket,
            attempt,
            maxAttempts,
            e.toString());
      } catch (IOException e) {
        throw new KvSnapshotReadException(
            "cannot download snapshot " + snapshotId + " of " + bucket + ": " + e, e);
      } finally {
        // The files are local now (or not needed): the servers may delete the snapshot again.
        catalog.release(bucket);
      }
    }
    throw new KvSnapshotReadException(
        "the files of "
            + bucket
            + "'s latest snapshot were missing in "
            + maxAttempts
            + " attempts: "
            + last,
        last);
  }

  private OpenedSnapshot download(TableBucket bucket, KvSnapshotMetadata snapshot)
      throws IOException {
    Path dir = downloader.download(snapshot);
    try {
      return new OpenedSnapshot(
          bucket, snapshot.snapshotId(), snapshot.logOffset(), SnapshotStore.open(dir), dir);
    } catch (RocksDBException | RuntimeException e) {
      SnapshotDownloader.deleteQuietly(dir);
      throw new KvSnapshotReadException(
          "RocksDB cannot open snapshot " + snapshot.snapshotId() + " of " + bucket + ": " + e, e);
    }
  }

  /** Releases every snapshot still held (drops the lease). */
  void close() {
    catalog.close();
  }
}
