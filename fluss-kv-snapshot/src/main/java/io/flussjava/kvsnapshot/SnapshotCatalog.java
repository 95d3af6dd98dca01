package io.flussjava.kvsnapshot;

import io.flussjava.client.TableBucket;
import io.flussjava.client.admin.Admin;
import io.flussjava.client.admin.KvSnapshotMetadata;
import io.flussjava.client.admin.KvSnapshots;
import io.flussjava.client.admin.TablePath;

/** Where a reader learns of KV snapshots: the cluster's admin, or a fake in unit tests. */
interface SnapshotCatalog {

  /**
   * @param partitionName the partition, or null for an unpartitioned table
   */
  KvSnapshots latest(String partitionName);

  KvSnapshotMetadata metadata(TableBucket bucket, long snapshotId);

  static SnapshotCatalog of(Admin admin, TablePath table) {
    return new SnapshotCatalog() {
      @Override
      public KvSnapshots latest(String partitionName) {
        return partitionName == null
            ? admin.getLatestKvSnapshots(table)
            : admin.getLatestKvSnapshots(table, partitionName);
      }

      @Override
      public KvSnapshotMetadata metadata(TableBucket bucket, long snapshotId) {
        return admin.getKvSnapshotMetadata(bucket, snapshotId);
      }
    };
  }
}
