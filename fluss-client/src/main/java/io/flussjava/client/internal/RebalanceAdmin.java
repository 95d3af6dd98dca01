package io.flussjava.client.internal;

import io.flussjava.client.TableBucket;
import io.flussjava.client.admin.BucketRebalance;
import io.flussjava.client.admin.RebalanceGoal;
import io.flussjava.client.admin.RebalanceProgress;
import io.flussjava.client.admin.RebalanceStatus;
import io.flussjava.client.admin.ServerTag;
import io.flussjava.rpc.ApiMethods;
import io.flussjava.rpc.protocol.AddServerTagRequest;
import io.flussjava.rpc.protocol.CancelRebalanceRequest;
import io.flussjava.rpc.protocol.ListRebalanceProgressRequest;
import io.flussjava.rpc.protocol.ListRebalanceProgressResponse;
import io.flussjava.rpc.protocol.PbRebalancePlanForBucket;
import io.flussjava.rpc.protocol.PbRebalanceProgressForBucket;
import io.flussjava.rpc.protocol.PbRebalanceProgressForTable;
import io.flussjava.rpc.protocol.RebalanceRequest;
import io.flussjava.rpc.protocol.RemoveServerTagRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;

/**
 * Moving replicas between tablet servers: tags that take servers out of placement, and the
 * coordinator's rebalance (start, progress, cancel).
 */
final class RebalanceAdmin {
  private final AdminCalls calls;

  RebalanceAdmin(AdminCalls calls) {
    this.calls = calls;
  }

  CompletableFuture<Void> addTag(List<Integer> serverIds, ServerTag tag) {
    AddServerTagRequest request =
        AddServerTagRequest.newBuilder()
            .addAllServerIds(Objects.requireNonNull(serverIds, "serverIds"))
            .setServerTag(tag.code())
            .build();
    return calls.call(
        "addServerTag(" + serverIds + ", " + tag + ")",
        ApiMethods.ADD_SERVER_TAG,
        request,
        r -> null);
  }

  CompletableFuture<Void> removeTag(List<Integer> serverIds, ServerTag tag) {
    RemoveServerTagRequest request =
        RemoveServerTagRequest.newBuilder()
            .addAllServerIds(Objects.requireNonNull(serverIds, "serverIds"))
            .setServerTag(tag.code())
            .build();
    return calls.call(
        "removeServerTag(" + serverIds + ", " + tag + ")",
        ApiMethods.REMOVE_SERVER_TAG,
        request,
        r -> null);
  }

  CompletableFuture<String> rebalance(List<RebalanceGoal> goals) {
    RebalanceRequest.Builder request = RebalanceRequest.newBuilder();
    goals.forEach(g -> request.addGoals(g.code()));
    return calls.call(
        "rebalance(" + goals + ")", ApiMethods.REBALANCE, request.build(), r -> r.getRebalanceId());
  }

  /**
   * @param rebalanceId the rebalance, or {@code null} for the current one
   */
  CompletableFuture<Optional<RebalanceProgress>> progress(String rebalanceId) {
    ListRebalanceProgressRequest.Builder request = ListRebalanceProgressRequest.newBuilder();
    if (rebalanceId != null) {
      request.setRebalanceId(rebalanceId);
    }
    return calls.call(
        "listRebalanceProgress(" + rebalanceId + ")",
        ApiMethods.LIST_REBALANCE_PROGRESS,
        request.build(),
        RebalanceAdmin::progress);
  }

  /**
   * @param rebalanceId the rebalance, or {@code null} for the current one
   */
  CompletableFuture<Void> cancel(String rebalanceId) {
    CancelRebalanceRequest.Builder request = CancelRebalanceRequest.newBuilder();
    if (rebalanceId != null) {
      request.setRebalanceId(rebalanceId);
    }
    return calls.call(
        "cancelRebalance(" + rebalanceId + ")",
        ApiMethods.CANCEL_REBALANCE,
        request.build(),
        r -> null);
  }

  private static Optional<RebalanceProgress> progress(ListRebalanceProgressResponse r) {
    // The coordinator leaves the id out when it knows of no rebalance.
    if (!r.hasRebalanceId()) {
      return Optional.empty();
    }
    List<BucketRebalance> buckets = new ArrayList<>();
    for (PbRebalanceProgressForTable table : r.getTableProgressList()) {
      for (PbRebalanceProgressForBucket b : table.getBucketsProgressList()) {
        PbRebalancePlanForBucket plan = b.getRebalancePlan();
        long partitionId = plan.hasPartitionId() ? plan.getPartitionId() : TableBucket.NO_PARTITION;
        buckets.add(
            new BucketRebalance(
                new TableBucket(table.getTableId(), partitionId, plan.getBucketId()),
                plan.hasOriginalLeader()
                    ? OptionalInt.of(plan.getOriginalLeader())
                    : OptionalInt.empty(),
                plan.hasNewLeader() ? OptionalInt.of(plan.getNewLeader()) : OptionalInt.empty(),
                plan.getOriginalReplicasList(),
                plan.getNewReplicasList(),
                RebalanceStatus.forCode(b.getRebalanceStatus())));
      }
    }
    RebalanceStatus status =
        r.hasRebalanceStatus()
            ? RebalanceStatus.forCode(r.getRebalanceStatus())
            : RebalanceStatus.NOT_STARTED;
    return Optional.of(new RebalanceProgress(r.getRebalanceId(), status, buckets));
  }
}
