package io.flussjava.client.admin;

import io.flussjava.client.TableBucket;
import java.util.List;

/**
 * What a reader needs to restore one KV snapshot of a bucket ({@link Admin#getKvSnapshotMetadata}):
 * its files in remote storage and the log offset from which the changelog continues it.
 */
public record KvSnapshotMetadata(
    TableBucket bucket, long snapshotId, long logOffset, List<KvSnapshotFile> files) {
  public KvSnapshotMetadata {
    files = List.copyOf(files);
  }
}
