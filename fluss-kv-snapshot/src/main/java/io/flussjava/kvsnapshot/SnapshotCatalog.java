package io.flussjava.kvsnapshot;

import io.flussjava.client.TableBucket;
import io.flussjava.client.admin.KvSnapshotMetadata;
import io.flussjava.client.admin.KvSnapshots;

/**
 * Where a reader learns of KV snapshots and keeps the one it reads from being deleted: the
 * cluster's admin and a KV snapshot lease ({@link AdminSnapshotCatalog}), or a fake in unit tests.
 */
interface SnapshotCatalog extends AutoCloseable {

  /**
   * @param partitionName the partition, or null for an unpartitioned table
   */
  KvSnapshots latest(String partitionName);

  KvSnapshotMetadata metadata(TableBucket bucket, long snapshotId);

  /**
   * Keeps the servers from deleting the bucket's snapshot until {@link #release}.
   *
   * @return false if the snapshot is gone already
   */
  boolean hold(TableBucket bucket, long snapshotId);

  /** Lets the servers delete the bucket's held snapshot again. */
  void release(TableBucket bucket);

  /** Releases everything still held. */
  @Override
  void close();
}
