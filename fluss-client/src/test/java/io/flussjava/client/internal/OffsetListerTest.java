package io.flussjava.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flussjava.client.TableBucket;
import io.flussjava.client.admin.TablePath;
import io.flussjava.client.internal.LeaderRouter.Route;
import io.flussjava.client.internal.OffsetLister.OffsetSpec;
import io.flussjava.exception.Errors;
import io.flussjava.exception.LeaderNotAvailableException;
import io.flussjava.exception.PartitionNotExistException;
import io.flussjava.exception.TableNotExistException;
import io.flussjava.exception.TimeoutException;
import io.flussjava.rpc.ApiMethods;
import io.flussjava.rpc.ServerConnection;
import io.flussjava.rpc.protocol.ListOffsetsRequest;
import io.flussjava.rpc.protocol.ListOffsetsResponse;
import io.flussjava.rpc.protocol.PbListOffsetsRespForBucket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * OffsetLister over a fake router and fake servers, at fake time: every backoff is stepped by the
 * test.
 */
class OffsetListerTest {
  private static final TablePath PATH = TablePath.of("db", "t");
  private static final long TABLE_ID = 7;
  private static final Duration BACKOFF_MAX = Duration.ofMillis(120); // 100 ms +20% jitter

  private final FakeClock clock = new FakeClock();
  private final FakeScheduler scheduler = new FakeScheduler(clock);
  private final FakeLeaderRouter router = new FakeLeaderRouter();
  private final AtomicInteger routes = new AtomicInteger();
  private final List<Runnable> wakeups = new ArrayList<>();
  // Counts routes and keeps the wakeups the lister hands over; everything else is the fake
  // router's.
  private final LeaderRouter counting =
      new LeaderRouter() {
        @Override
        public Route route(
            TablePath path, TableBucket bucket, long routedAtNanos, Runnable wakeup) {
          routes.incrementAndGet();
          wakeups.add(wakeup);
          return router.route(path, bucket, routedAtNanos, wakeup);
        }

        @Override
        public ServerConnection tabletServer(int serverId) {
          return router.tabletServer(serverId);
        }

        @Override
        public void invalidate(TablePath path) {
          router.invalidate(path);
        }
      };
  private final OffsetLister lister =
      new OffsetLister(
          counting,
          path -> CompletableFuture.completedFuture(TABLE_ID),
          scheduler,
          new RetryPolicy(Duration.ofMillis(100), Duration.ofSeconds(1)),
          clock,
          Duration.ofSeconds(2));

  @Test
  void asksEachLeaderOnceForItsBucketsAndMergesTheAnswers() throws Exception {
    router.server(1);
    router.server(2);
    router.setRoute(TableBucket.of(TABLE_ID, 3, 0), Route.leader(1));
    router.setRoute(TableBucket.of(TABLE_ID, 3, 1), Route.leader(2));
    router.setRoute(TableBucket.of(TABLE_ID, 3, 2), Route.leader(1));

    CompletableFuture<Map<Integer, Long>> result =
        lister.listOffsets(PATH, 3, List.of(0, 1, 2), OffsetSpec.LATEST, 0);

    ListOffsetsRequest toOne = only(router.server(1)).request(ListOffsetsRequest.class);
    assertThat(toOne.getBucketIdList()).containsExactly(0, 2);
    assertThat(toOne.getTableId()).isEqualTo(TABLE_ID);
    assertThat(toOne.getPartitionId()).isEqualTo(3);
    assertThat(toOne.getOffsetType()).isEqualTo(1);
    assertThat(toOne.getFollowerServerId()).isEqualTo(-1);
    assertThat(toOne.hasStartTimestamp()).isFalse();
    assertThat(only(router.server(2)).request(ListOffsetsRequest.class).getBucketIdList())
        .containsExactly(1);

    answer(router.server(1), ok(0, 10), ok(2, 12));
    assertThat(result).isNotDone();
    answer(router.server(2), ok(1, 11));
    assertThat(result.getNow(null))
        .containsExactly(Map.entry(0, 10L), Map.entry(1, 11L), Map.entry(2, 12L));
  }

  @Test
  void aTimestampListingSendsTheTimestampAndAnUnpartitionedOneNoPartition() {
    router.leadEverything(1);
    lister.listOffsets(PATH, List.of(0), OffsetSpec.TIMESTAMP, 1234L);
    ListOffsetsRequest req = only(router.server(1)).request(ListOffsetsRequest.class);
    assertThat(req.getOffsetType()).isEqualTo(2);
    assertThat(req.getStartTimestamp()).isEqualTo(1234L);
    assertThat(req.hasPartitionId()).isFalse();
  }

  @Test
  void aMovedLeaderInvalidatesTheRouteAndOnlyItsBucketIsAskedAgainAfterTheBackoff() {
    router.leadEverything(1);
    CompletableFuture<Map<Integer, Long>> result =
        lister.listOffsets(PATH, List.of(0, 1), OffsetSpec.LATEST, 0);

    answer(router.server(1), ok(1, 11), error(0, Errors.NOT_LEADER_OR_FOLLOWER));
    assertThat(router.invalidations()).isEqualTo(1);
    router.setRoute(TableBucket.of(TABLE_ID, 0), Route.leader(2));
    router.server(2);
    assertThat(router.server(2).calls()).isEmpty(); // not before the backoff

    scheduler.advance(BACKOFF_MAX);
    ListOffsetsRequest retry = only(router.server(2)).request(ListOffsetsRequest.class);
    assertThat(retry.getBucketIdList()).containsExactly(0);
    answer(router.server(2), ok(0, 10));
    assertThat(result.getNow(null)).containsExactly(Map.entry(0, 10L), Map.entry(1, 11L));
  }

  @Test
  void aFailedRequestIsRetriedAsAWhole() {
    router.leadEverything(1);
    CompletableFuture<Map<Integer, Long>> result =
        lister.listOffsets(PATH, List.of(0, 1), OffsetSpec.EARLIEST, 0);
    only(router.server(1))
        .answer()
        .completeExceptionally(new TimeoutException("request timed out"));
    assertThat(router.invalidations())
        .isEqualTo(1); // a timeout may mean a dead leader: route afresh

    scheduler.advance(BACKOFF_MAX);
    assertThat(router.server(1).pending()).hasSize(1);
    answer(router.server(1), ok(0, 0), ok(1, 5));
    assertThat(result.getNow(null)).containsExactly(Map.entry(0, 0L), Map.entry(1, 5L));
  }

  @Test
  void noLeaderIsRetriedAfterBackoffsUntilTheDeadlineThenATypedTimeout() {
    // The fake router answers "waiting" for every bucket: no leader is known.
    CompletableFuture<Map<Integer, Long>> result =
        lister.listOffsets(PATH, List.of(0), OffsetSpec.LATEST, 0);
    assertThat(routes).hasValue(1);

    scheduler.advance(BACKOFF_MAX);
    assertThat(routes).hasValue(2);
    assertThat(result).isNotDone();

    scheduler.advance(Duration.ofSeconds(2));
    assertThat(routes.get()).isGreaterThan(3); // backoffs grow: not every few ms
    assertThat(routes.get()).isLessThan(10);
    assertThatThrownBy(() -> result.getNow(null))
        .cause()
        .isInstanceOf(TimeoutException.class)
        .hasMessageContaining("listOffsets(db.t")
        .hasMessageContaining("2000 ms")
        .hasCauseInstanceOf(LeaderNotAvailableException.class);
    assertThat(scheduler.pending()).isZero();
  }

  @Test
  void aWakeupFromTheRouterCutsTheBackoffShort() {
    CompletableFuture<Map<Integer, Long>> result =
        lister.listOffsets(PATH, List.of(0), OffsetSpec.LATEST, 0);
    assertThat(routes).hasValue(1);
    router.leadEverything(1); // the metadata fetch the router started has ended

    wakeups.get(0).run();
    assertThat(routes).hasValue(2);
    answer(router.server(1), ok(0, 3));
    assertThat(result.getNow(null)).containsExactly(Map.entry(0, 3L));
    assertThat(scheduler.pending()).isZero(); // the backoff timer was cancelled
  }

  @Test
  void aDroppedPartitionFailsAtOnceWithItsTypedError() {
    router.leadEverything(1);
    router.setRoute(
        TableBucket.of(TABLE_ID, 9, 1),
        Route.failed(new PartitionNotExistException("partition 9 was dropped")));
    CompletableFuture<Map<Integer, Long>> result =
        lister.listOffsets(PATH, 9, List.of(0, 1), OffsetSpec.LATEST, 0);
    assertThatThrownBy(() -> result.getNow(null))
        .cause()
        .isInstanceOf(PartitionNotExistException.class);
    assertThat(router.server(1).calls()).isEmpty();
  }

  @Test
  void aFinalErrorOfOneBucketFailsTheListingWithItsType() {
    router.leadEverything(1);
    CompletableFuture<Map<Integer, Long>> result =
        lister.listOffsets(PATH, List.of(0, 1), OffsetSpec.LATEST, 0);
    answer(router.server(1), ok(0, 1), error(1, Errors.TABLE_NOT_EXIST));
    assertThatThrownBy(() -> result.getNow(null))
        .cause()
        .isInstanceOf(TableNotExistException.class);
    assertThat(scheduler.pending()).isZero();
  }

  private static FakeServer.Call only(FakeServer server) {
    assertThat(server.pending()).hasSize(1);
    FakeServer.Call call = server.pending().get(0);
    assertThat(call.method()).isEqualTo(ApiMethods.LIST_OFFSETS);
    return call;
  }

  private static void answer(FakeServer server, PbListOffsetsRespForBucket... buckets) {
    only(server)
        .answer()
        .complete(ListOffsetsResponse.newBuilder().addAllBucketsResp(List.of(buckets)).build());
  }

  private static PbListOffsetsRespForBucket ok(int bucket, long offset) {
    return PbListOffsetsRespForBucket.newBuilder().setBucketId(bucket).setOffset(offset).build();
  }

  private static PbListOffsetsRespForBucket error(int bucket, Errors error) {
    return PbListOffsetsRespForBucket.newBuilder()
        .setBucketId(bucket)
        .setErrorCode(error.code())
        .setErrorMessage(error.name())
        .build();
  }
}
