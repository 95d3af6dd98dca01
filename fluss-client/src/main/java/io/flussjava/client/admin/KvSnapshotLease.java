package io.flussjava.client.admin;

import io.flussjava.client.TableBucket;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * A lease on KV snapshots: while it lasts, the servers keep the snapshots it holds, so that a
 * reader can restore them from remote storage without them being cleaned up meanwhile. Created by
 * {@link Admin#createKvSnapshotLease} (no request yet); the first {@link #acquireSnapshots} opens
 * it on the coordinator. Renew it before {@link #leaseDuration()} passes, drop it when done.
 *
 * <pre>{@code
 * KvSnapshotLease lease = admin.createKvSnapshotLease("reader-1", Duration.ofMinutes(10));
 * Set<TableBucket> gone = lease.acquireSnapshots(Map.of(snapshot.bucket(), snapshot.snapshotId()));
 * // ... restore the snapshots not in `gone`, renewing the lease while it takes long ...
 * lease.dropLease();
 * }</pre>
 */
public interface KvSnapshotLease {
  String leaseId();

  Duration leaseDuration();

  /**
   * Adds snapshots (bucket to snapshot id) to the lease and starts or extends it.
   *
   * @return the buckets whose snapshot is no longer available (deleted already)
   */
  Set<TableBucket> acquireSnapshots(Map<TableBucket, Long> snapshotIds);

  CompletableFuture<Set<TableBucket>> acquireSnapshotsAsync(Map<TableBucket, Long> snapshotIds);

  /** Extends the lease by its duration from now. */
  void renew();

  CompletableFuture<Void> renewAsync();

  /** Lets the servers clean up these buckets' leased snapshots again; the lease stays. */
  void releaseSnapshots(Set<TableBucket> buckets);

  CompletableFuture<Void> releaseSnapshotsAsync(Set<TableBucket> buckets);

  /** Ends the lease and releases all its snapshots. */
  void dropLease();

  CompletableFuture<Void> dropLeaseAsync();
}
