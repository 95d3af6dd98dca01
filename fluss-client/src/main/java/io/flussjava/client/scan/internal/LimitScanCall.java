package io.flussjava.client.scan.internal;

import io.flussjava.client.TableBucket;
import io.flussjava.client.admin.TablePath;
import io.flussjava.client.internal.Futures;
import io.flussjava.client.internal.LeaderRouter;
import io.flussjava.client.internal.Retrier;
import io.flussjava.exception.Errors;
import io.flussjava.exception.LeaderNotAvailableException;
import io.flussjava.rpc.ApiMethods;
import io.flussjava.rpc.protocol.LimitScanRequest;
import io.flussjava.rpc.protocol.LimitScanResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * One LimitScan request to a bucket's leader: the bucket's current rows (primary-key table) or its
 * last records (log table), as the raw {@code records} bytes. A leader that is not known yet or
 * moved is found again through the client's one {@link LeaderRouter}, and the request retried by
 * the connection's {@link Retrier} until the request timeout.
 */
final class LimitScanCall {
  private final LeaderRouter router;
  private final Retrier retrier;
  private final Duration timeout;

  LimitScanCall(LeaderRouter router, Retrier retrier, Duration timeout) {
    this.router = router;
    this.retrier = retrier;
    this.timeout = timeout;
  }

  /**
   * The records bytes the leader of {@code bucket} answers for {@code limit}: a value record batch
   * for a primary-key table, log batches for a log table (empty if the bucket holds nothing).
   *
   * @param knownAtNanos when (on the retrier's clock) the caller learnt that the bucket's partition
   *     exists, so that a later view lacking it reads as "dropped"
   */
  CompletableFuture<byte[]> scan(TablePath path, TableBucket bucket, int limit, long knownAtNanos) {
    return retrier.call(
        "limitScan(" + path + ", " + bucket + ", " + limit + ")",
        timeout,
        () -> attempt(path, bucket, limit, knownAtNanos),
        e -> router.invalidate(path));
  }

  private CompletableFuture<byte[]> attempt(
      TablePath path, TableBucket bucket, int limit, long knownAtNanos) {
    LeaderRouter.Route route = router.route(path, bucket, knownAtNanos, () -> {});
    if (route.failure() != null) {
      return Futures.failed(route.failure());
    }
    if (!route.hasLeader()) {
      // Retriable: the retrier's backoff gives the metadata fetch the route started time to land.
      return Futures.failed(
          new LeaderNotAvailableException("the leader of " + bucket + " is not known yet"));
    }
    LimitScanRequest.Builder request =
        LimitScanRequest.newBuilder()
            .setTableId(bucket.tableId())
            .setBucketId(bucket.bucket())
            .setLimit(limit);
    if (bucket.partitionId() != TableBucket.NO_PARTITION) {
      request.setPartitionId(bucket.partitionId());
    }
    CompletableFuture<LimitScanResponse> response;
    try {
      response = router.tabletServer(route.leader()).send(ApiMethods.LIMIT_SCAN, request.build());
    } catch (RuntimeException e) {
      return Futures.failed(e); // a leader missing from the metadata: retriable like a lost request
    }
    return response.thenApply(LimitScanCall::recordsOf);
  }

  private static byte[] recordsOf(LimitScanResponse response) {
    if (response.hasErrorCode() && response.getErrorCode() != 0) {
      throw Errors.exceptionFor(response.getErrorCode(), response.getErrorMessage());
    }
    return response.hasRecords() ? response.getRecords().toByteArray() : new byte[0];
  }
}
