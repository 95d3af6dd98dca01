package io.flussjava.client.internal;

import io.flussjava.client.TableBucket;
import io.flussjava.client.admin.TablePath;
import io.flussjava.client.admin.TableStats;
import io.flussjava.client.metadata.MetadataCache;
import io.flussjava.client.metadata.PartitionMetadata;
import io.flussjava.client.metadata.TableMetadata;
import io.flussjava.exception.Errors;
import io.flussjava.exception.LeaderNotAvailableException;
import io.flussjava.rpc.ApiMethods;
import io.flussjava.rpc.protocol.GetTableStatsRequest;
import io.flussjava.rpc.protocol.GetTableStatsResponse;
import io.flussjava.rpc.protocol.PbTableStatsReqForBucket;
import io.flussjava.rpc.protocol.PbTableStatsRespForBucket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Row counts of a table (GetTableStats), which only the bucket leaders know: one request per leader
 * for the buckets it leads. Any bucket's retriable error (leader moved, leader unknown) repeats the
 * whole round with fresh metadata, within the request timeout: the call is cheap, and a partial
 * answer would be a wrong count.
 */
final class TableStatsAdmin {
  private final AdminCalls calls;
  private final Retrier retrier;
  private final Duration requestTimeout;

  TableStatsAdmin(AdminCalls calls, Retrier retrier, Duration requestTimeout) {
    this.calls = calls;
    this.retrier = retrier;
    this.requestTimeout = requestTimeout;
  }

  CompletableFuture<TableStats> stats(TablePath path) {
    MetadataCache metadata = calls.metadata;
    // The catalog answers a missing table with TableNotExistException; the metadata request would
    // answer with an untyped server error.
    return calls
        .tableInfo(path)
        .thenCompose(
            exists ->
                calls.onCallbackThread(
                    retrier.call(
                        "getTableStats(" + path + ")",
                        requestTimeout,
                        () -> metadata.table(path).thenCompose(this::askLeaders),
                        stale -> metadata.invalidate(path))));
  }

  private CompletableFuture<TableStats> askLeaders(TableMetadata table) {
    Map<Integer, GetTableStatsRequest.Builder> byLeader = new HashMap<>();
    List<Long> partitionIds = new ArrayList<>();
    if (table.info().isPartitioned()) {
      table.partitions().stream().map(PartitionMetadata::id).forEach(partitionIds::add);
    } else {
      partitionIds.add(TableBucket.NO_PARTITION);
    }
    for (long partitionId : partitionIds) {
      for (int bucket = 0; bucket < table.numBuckets(); bucket++) {
        int leader = table.leaderOf(partitionId, bucket);
        if (leader < 0) {
          return Futures.failed(
              new LeaderNotAvailableException(
                  "bucket "
                      + bucket
                      + " of "
                      + table.info().getTablePath()
                      + " has no leader now"));
        }
        PbTableStatsReqForBucket.Builder b =
            PbTableStatsReqForBucket.newBuilder().setBucketId(bucket);
        if (partitionId != TableBucket.NO_PARTITION) {
          b.setPartitionId(partitionId);
        }
        byLeader
            .computeIfAbsent(
                leader,
                id -> GetTableStatsRequest.newBuilder().setTableId(table.info().getTableId()))
            .addBucketsReq(b);
      }
    }
    List<CompletableFuture<GetTableStatsResponse>> answers = new ArrayList<>();
    byLeader.forEach(
        (leader, request) ->
            answers.add(
                calls
                    .metadata
                    .tabletServer(leader)
                    .send(ApiMethods.GET_TABLE_STATS, request.build())));
    long tableId = table.info().getTableId();
    return CompletableFuture.allOf(answers.toArray(new CompletableFuture<?>[0]))
        .thenApply(v -> combine(tableId, answers));
  }

  private static TableStats combine(
      long tableId, List<CompletableFuture<GetTableStatsResponse>> answers) {
    Map<TableBucket, Long> rowCounts = new HashMap<>();
    long total = 0;
    for (CompletableFuture<GetTableStatsResponse> answer : answers) {
      for (PbTableStatsRespForBucket b : answer.join().getBucketsRespList()) {
        if (b.hasErrorCode() && b.getErrorCode() != Errors.NONE.code()) {
          throw Errors.exceptionFor(b.getErrorCode(), b.getErrorMessage());
        }
        long partitionId = b.hasPartitionId() ? b.getPartitionId() : TableBucket.NO_PARTITION;
        rowCounts.put(new TableBucket(tableId, partitionId, b.getBucketId()), b.getRowCount());
        total += b.getRowCount();
      }
    }
    return new TableStats(total, rowCounts);
  }
}
