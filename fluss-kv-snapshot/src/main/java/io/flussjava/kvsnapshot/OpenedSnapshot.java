package io.flussjava.kvsnapshot;

import io.flussjava.client.TableBucket;
import java.nio.file.Path;

/**
 * One bucket's state as a reader holds it: the opened snapshot and its downloaded files, or nothing
 * for a bucket the server has not snapshotted yet (its state is empty at log offset 0).
 *
 * @param snapshotId the snapshot's id, or -1 for none
 * @param logOffset the offset from which the changelog continues this state
 * @param store the opened database, or null for none
 * @param directory the downloaded files, or null for none
 */
record OpenedSnapshot(
    TableBucket bucket, long snapshotId, long logOffset, SnapshotStore store, Path directory)
    implements AutoCloseable {

  static OpenedSnapshot none(TableBucket bucket) {
    return new OpenedSnapshot(bucket, -1, 0, null, null);
  }

  /** Closes the database and deletes the files. */
  @Override
  public void close() {
    try {
      if (store != null) {
        store.close();
      }
    } finally {
      SnapshotDownloader.deleteQuietly(directory);
    }
  }
}
