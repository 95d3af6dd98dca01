package io.flussjava.client.internal;

import static io.flussjava.client.internal.AdminCalls.toPb;

import io.flussjava.client.TableBucket;
import io.flussjava.client.admin.KvSnapshot;
import io.flussjava.client.admin.KvSnapshotFile;
import io.flussjava.client.admin.KvSnapshotMetadata;
import io.flussjava.client.admin.KvSnapshots;
import io.flussjava.client.admin.LakeSnapshot;
import io.flussjava.client.admin.TablePath;
import io.flussjava.rpc.ApiMethods;
import io.flussjava.rpc.protocol.GetKvSnapshotMetadataRequest;
import io.flussjava.rpc.protocol.GetLakeSnapshotRequest;
import io.flussjava.rpc.protocol.GetLakeSnapshotResponse;
import io.flussjava.rpc.protocol.GetLatestKvSnapshotsRequest;
import io.flussjava.rpc.protocol.GetLatestKvSnapshotsResponse;
import io.flussjava.rpc.protocol.PbKvSnapshot;
import io.flussjava.rpc.protocol.PbLakeSnapshotForBucket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * The admin operations about snapshots: the KV snapshots the tablet servers upload (what a reader
 * of a primary-key table's state starts from) and the snapshots tiering commits to the lake.
 */
final class SnapshotAdmin {
  private final AdminCalls calls;

  SnapshotAdmin(AdminCalls calls) {
    this.calls = calls;
  }

  /**
   * @param partitionName the partition's name, or {@code null} for an unpartitioned table
   */
  CompletableFuture<KvSnapshots> latestKvSnapshots(TablePath path, String partitionName) {
    GetLatestKvSnapshotsRequest.Builder request =
        GetLatestKvSnapshotsRequest.newBuilder().setTablePath(toPb(path));
    if (partitionName != null) {
      request.setPartitionName(partitionName);
    }
    String operation =
        "getLatestKvSnapshots("
            + path
            + (partitionName == null ? "" : ", partition " + partitionName)
            + ")";
    return calls.call(
        operation, ApiMethods.GET_LATEST_KV_SNAPSHOTS, request.build(), SnapshotAdmin::kvSnapshots);
  }

  CompletableFuture<KvSnapshotMetadata> kvSnapshotMetadata(TableBucket bucket, long snapshotId) {
    Objects.requireNonNull(bucket, "bucket");
    GetKvSnapshotMetadataRequest.Builder request =
        GetKvSnapshotMetadataRequest.newBuilder()
            .setTableId(bucket.tableId())
            .setBucketId(bucket.bucket())
            .setSnapshotId(snapshotId);
    if (bucket.isPartitioned()) {
      request.setPartitionId(bucket.partitionId());
    }
    return calls.call(
        "getKvSnapshotMetadata(" + bucket + ", snapshot " + snapshotId + ")",
        ApiMethods.GET_KV_SNAPSHOT_METADATA,
        request.build(),
        r ->
            new KvSnapshotMetadata(
                bucket,
                snapshotId,
                r.getLogOffset(),
                r.getSnapshotFilesList().stream()
                    .map(f -> new KvSnapshotFile(f.getRemotePath(), f.getLocalFileName()))
                    .toList()));
  }

  /**
   * @param snapshotId the snapshot's id, or empty for the latest
   * @param readable whether to ask for the latest snapshot readers can use (all its buckets' data
   *     committed), which may be older than the latest
   */
  CompletableFuture<LakeSnapshot> lakeSnapshot(
      TablePath path, OptionalLong snapshotId, boolean readable, String operation) {
    GetLakeSnapshotRequest.Builder request =
        GetLakeSnapshotRequest.newBuilder().setTablePath(toPb(path));
    snapshotId.ifPresent(request::setSnapshotId);
    if (readable) {
      request.setReadable(true);
    }
    return calls.call(
        operation, ApiMethods.GET_LAKE_SNAPSHOT, request.build(), SnapshotAdmin::lakeSnapshot);
  }

  private static KvSnapshots kvSnapshots(GetLatestKvSnapshotsResponse r) {
    long partitionId = r.hasPartitionId() ? r.getPartitionId() : TableBucket.NO_PARTITION;
    List<Integer> buckets = new ArrayList<>();
    Map<Integer, KvSnapshot> snapshots = new HashMap<>();
    for (PbKvSnapshot s : r.getLatestSnapshotsList()) {
      buckets.add(s.getBucketId());
      // The server leaves both fields out for a bucket it has not snapshotted yet.
      if (s.hasSnapshotId()) {
        TableBucket bucket = new TableBucket(r.getTableId(), partitionId, s.getBucketId());
        snapshots.put(s.getBucketId(), new KvSnapshot(bucket, s.getSnapshotId(), s.getLogOffset()));
      }
    }
    return new KvSnapshots(
        r.getTableId(),
        r.hasPartitionId() ? OptionalLong.of(partitionId) : OptionalLong.empty(),
        buckets,
        snapshots);
  }

  private static LakeSnapshot lakeSnapshot(GetLakeSnapshotResponse r) {
    Map<TableBucket, Long> offsets = new HashMap<>();
    Map<Long, String> partitionNames = new HashMap<>();
    for (PbLakeSnapshotForBucket b : r.getBucketSnapshotsList()) {
      long partitionId = b.hasPartitionId() ? b.getPartitionId() : TableBucket.NO_PARTITION;
      if (b.hasLogOffset()) {
        offsets.put(
            new TableBucket(r.getTableId(), partitionId, b.getBucketId()), b.getLogOffset());
      }
      if (b.hasPartitionName()) {
        partitionNames.put(partitionId, b.getPartitionName());
      }
    }
    return new LakeSnapshot(r.getTableId(), r.getSnapshotId(), offsets, partitionNames);
  }
}
