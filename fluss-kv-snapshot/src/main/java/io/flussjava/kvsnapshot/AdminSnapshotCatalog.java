package io.flussjava.kvsnapshot;

import io.flussjava.client.TableBucket;
import io.flussjava.client.admin.Admin;
import io.flussjava.client.admin.KvSnapshotLease;
import io.flussjava.client.admin.KvSnapshotMetadata;
import io.flussjava.client.admin.KvSnapshots;
import io.flussjava.client.admin.TablePath;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The snapshots of one table as the cluster tells them, each held under one KV snapshot lease of
 * the reader (0.9.1's {@code AcquireKvSnapshotLease}) while its files are downloaded. The lease is
 * opened at the first hold and dropped at close; should a reader die, it lapses after its duration.
 */
final class AdminSnapshotCatalog implements SnapshotCatalog {
  private static final Logger LOG = LoggerFactory.getLogger(AdminSnapshotCatalog.class);

  private final Admin admin;
  private final TablePath table;
  private final Duration leaseDuration;
  private KvSnapshotLease lease;

  AdminSnapshotCatalog(Admin admin, TablePath table, Duration leaseDuration) {
    this.admin = admin;
    this.table = table;
    this.leaseDuration = leaseDuration;
  }

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

  @Override
  public boolean hold(TableBucket bucket, long snapshotId) {
    if (lease == null) {
      lease =
          admin.createKvSnapshotLease("fluss-java-kv-snapshot-" + UUID.randomUUID(), leaseDuration);
    }
    return lease.acquireSnapshots(Map.of(bucket, snapshotId)).isEmpty();
  }

  @Override
  public void release(TableBucket bucket) {
    lease.releaseSnapshots(Set.of(bucket));
  }

  @Override
  public void close() {
    if (lease == null) {
      return;
    }
    try {
      lease.dropLease();
    } catch (RuntimeException e) {
      // The reader is done either way; the servers let the lease lapse after its duration.
      LOG.warn(
          "Could not drop KV snapshot lease {} of {}: {}", lease.leaseId(), table, e.toString());
    }
    lease = null;
  }
}
