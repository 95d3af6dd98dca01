package io.flussjava.client.internal;

import io.flussjava.client.TableBucket;
import io.flussjava.client.admin.KvSnapshotLease;
import io.flussjava.rpc.ApiMethods;
import io.flussjava.rpc.protocol.AcquireKvSnapshotLeaseRequest;
import io.flussjava.rpc.protocol.DropKvSnapshotLeaseRequest;
import io.flussjava.rpc.protocol.PbKvSnapshotLeaseForBucket;
import io.flussjava.rpc.protocol.PbKvSnapshotLeaseForTable;
import io.flussjava.rpc.protocol.PbTableBucket;
import io.flussjava.rpc.protocol.ReleaseKvSnapshotLeaseRequest;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * {@link KvSnapshotLease} as coordinator requests; it holds no state beyond its id and duration.
 */
final class KvSnapshotLeaseImpl implements KvSnapshotLease {
  private final AdminCalls calls;
  private final String leaseId;
  private final Duration duration;

  KvSnapshotLeaseImpl(AdminCalls calls, String leaseId, Duration duration) {
    this.calls = calls;
    this.leaseId = Objects.requireNonNull(leaseId, "leaseId");
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("lease duration must be positive: " + duration);
    }
    this.duration = duration;
  }

  @Override
  public String leaseId() {
    return leaseId;
  }

  @Override
  public Duration leaseDuration() {
    return duration;
  }

  @Override
  public Set<TableBucket> acquireSnapshots(Map<TableBucket, Long> snapshotIds) {
    return calls.await(acquireSnapshotsAsync(snapshotIds), "acquireSnapshots(" + leaseId + ")");
  }

  @Override
  public CompletableFuture<Set<TableBucket>> acquireSnapshotsAsync(
      Map<TableBucket, Long> snapshotIds) {
    AcquireKvSnapshotLeaseRequest.Builder request = acquireRequest();
    // The wire groups buckets by table.
    Map<Long, PbKvSnapshotLeaseForTable.Builder> byTable = new LinkedHashMap<>();
    snapshotIds.forEach(
        (bucket, snapshotId) -> {
          PbKvSnapshotLeaseForBucket.Builder b =
              PbKvSnapshotLeaseForBucket.newBuilder()
                  .setBucketId(bucket.bucket())
                  .setSnapshotId(snapshotId);
          if (bucket.isPartitioned()) {
            b.setPartitionId(bucket.partitionId());
          }
          byTable
              .computeIfAbsent(
                  bucket.tableId(), id -> PbKvSnapshotLeaseForTable.newBuilder().setTableId(id))
              .addBucketSnapshots(b);
        });
    byTable.values().forEach(request::addSnapshotsToLease);
    return calls.call(
        "acquireSnapshots(" + leaseId + ")",
        ApiMethods.ACQUIRE_KV_SNAPSHOT_LEASE,
        request.build(),
        r -> {
          Set<TableBucket> unavailable = new HashSet<>();
          for (PbKvSnapshotLeaseForTable t : r.getUnavailableSnapshotsList()) {
            for (PbKvSnapshotLeaseForBucket b : t.getBucketSnapshotsList()) {
              long partitionId = b.hasPartitionId() ? b.getPartitionId() : TableBucket.NO_PARTITION;
              unavailable.add(new TableBucket(t.getTableId(), partitionId, b.getBucketId()));
            }
          }
          return Set.copyOf(unavailable);
        });
  }

  @Override
  public void renew() {
    calls.await(renewAsync(), "renew(" + leaseId + ")");
  }

  @Override
  public CompletableFuture<Void> renewAsync() {
    // An acquire naming no snapshots only extends the lease.
    return calls.call(
        "renew(" + leaseId + ")",
        ApiMethods.ACQUIRE_KV_SNAPSHOT_LEASE,
        acquireRequest().build(),
        r -> null);
  }

  @Override
  public void releaseSnapshots(Set<TableBucket> buckets) {
    calls.await(releaseSnapshotsAsync(buckets), "releaseSnapshots(" + leaseId + ")");
  }

  @Override
  public CompletableFuture<Void> releaseSnapshotsAsync(Set<TableBucket> buckets) {
    ReleaseKvSnapshotLeaseRequest.Builder request =
        ReleaseKvSnapshotLeaseRequest.newBuilder().setLeaseId(leaseId);
    for (TableBucket bucket : buckets) {
      PbTableBucket.Builder b =
          PbTableBucket.newBuilder().setTableId(bucket.tableId()).setBucketId(bucket.bucket());
      if (bucket.isPartitioned()) {
        b.setPartitionId(bucket.partitionId());
      }
      request.addBucketsToRelease(b);
    }
    return calls.call(
        "releaseSnapshots(" + leaseId + ")",
        ApiMethods.RELEASE_KV_SNAPSHOT_LEASE,
        request.build(),
        r -> null);
  }

  @Override
  public void dropLease() {
    calls.await(dropLeaseAsync(), "dropLease(" + leaseId + ")");
  }

  @Override
  public CompletableFuture<Void> dropLeaseAsync() {
    return calls.call(
        "dropLease(" + leaseId + ")",
        ApiMethods.DROP_KV_SNAPSHOT_LEASE,
        DropKvSnapshotLeaseRequest.newBuilder().setLeaseId(leaseId).build(),
        r -> null);
  }

  private AcquireKvSnapshotLeaseRequest.Builder acquireRequest() {
    return AcquireKvSnapshotLeaseRequest.newBuilder()
        .setLeaseId(leaseId)
        .setLeaseDurationMs(duration.toMillis());
  }
}
