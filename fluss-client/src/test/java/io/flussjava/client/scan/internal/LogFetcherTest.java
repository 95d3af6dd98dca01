package io.flussjava.client.scan.internal;

import static io.flussjava.client.scan.internal.FetcherTestKit.PATH;
import static io.flussjava.client.scan.internal.FetcherTestKit.TABLE_ID;
import static io.flussjava.client.scan.internal.FetcherTestKit.batches;
import static io.flussjava.client.scan.internal.FetcherTestKit.bucket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flussjava.client.TableBucket;
import io.flussjava.client.fs.LocalFileSystem;
import io.flussjava.client.fs.RemoteFileSystems;
import io.flussjava.client.internal.ConnectionState;
import io.flussjava.client.internal.LeaderRouter.Route;
import io.flussjava.client.internal.RetryPolicy;
import io.flussjava.client.scan.internal.FetcherTestKit.FakeClock;
import io.flussjava.client.scan.internal.FetcherTestKit.FakeRouter;
import io.flussjava.client.scan.internal.FetcherTestKit.FakeServer;
import io.flussjava.client.scan.internal.FetcherTestKit.Response;
import io.flussjava.client.scan.internal.FetcherTestKit.Sent;
import io.flussjava.config.Configuration;
import io.flussjava.exception.AuthorizationException;
import io.flussjava.exception.Errors;
import io.flussjava.exception.LogOffsetOutOfRangeException;
import io.flussjava.exception.NetworkException;
import io.flussjava.exception.PartitionNotExistException;
import io.flussjava.exception.TableNotExistException;
import io.flussjava.exception.TimeoutException;
import io.flussjava.rpc.protocol.PbRemoteLogFetchInfo;
import io.flussjava.rpc.protocol.PbRemoteLogSegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fetcher against fake servers and a fake leader router, at fake time: no cluster, no sleeps.
 * Backoffs are 100 ms doubling up to 2 s, each with +-20% jitter, so the tests step the clock past
 * the longest and short of the shortest possible wait.
 */
class LogFetcherTest {
  private final FakeClock clock = new FakeClock();
  private final FakeRouter router = new FakeRouter();
  private final SubscriptionState subscriptions = new SubscriptionState(clock);
  private final FetchBuffer buffer = new FetchBuffer();
  private final ConnectionState connection = new ConnectionState();
  private final LogFetcher fetcher =
      new LogFetcher(
          PATH,
          TABLE_ID,
          new FetchRequests(TABLE_ID, null, new Configuration()),
          subscriptions,
          buffer,
          router,
          new RetryPolicy(Duration.ofMillis(100), Duration.ofSeconds(2)),
          clock,
          connection,
          new RemoteLogReader(
              new SegmentDownloader(
                  RemoteFileSystems.of(new LocalFileSystem()),
                  Path.of("unused"),
                  () -> {
                    throw new AssertionError("no download expected");
                  }),
              4,
              subscriptions,
              buffer));

  private void answer(Sent sent, Response response) {
    sent.future().complete(response.build());
    buffer.runEvents();
  }

  private void fail(Sent sent, Throwable error) {
    sent.future().completeExceptionally(error);
    buffer.runEvents();
  }

  @TempDir Path remoteDir;

  /**
   * One tiered segment of offsets {@code [from, to)} in a local directory, as a server lists it.
   */
  private PbRemoteLogFetchInfo tieredSegment(long from, long to) throws Exception {
    byte[] content = batches(from, to, 5);
    Path file = Path.of(RemoteSegment.filePath(remoteDir.toString(), "seg-" + from, from));
    Files.createDirectories(file.getParent());
    Files.write(file, content);
    return PbRemoteLogFetchInfo.newBuilder()
        .setRemoteLogTabletDir(remoteDir.toString())
        .addRemoteLogSegments(
            PbRemoteLogSegment.newBuilder()
                .setRemoteLogSegmentId("seg-" + from)
                .setRemoteLogStartOffset(from)
                .setRemoteLogEndOffset(to)
                .setSegmentSizeInBytes(content.length))
        .build();
  }

  @Test
  void aRemoteAnswerIsReadFromTheSegmentThenFetchingGoesOnWhereItEnds() throws Exception {
    router.lead(bucket(0), 1);
    subscriptions.subscribe(bucket(0), 0, Long.MAX_VALUE);
    fetcher.sendFetches();
    FakeServer server = router.server(1);

    answer(server.last(), new Response().remote(bucket(0), tieredSegment(0, 20)));
    fetcher.sendFetches();
    assertThat(server.sent).as("no fetch while the segment is read").hasSize(1);
    CompletedFetch fetch = buffer.take(subscriptions);
    assertThat(fetch.fetchOffset()).isZero();
    assertThat(fetch.remotePath()).endsWith("00000000000000000000.log");

    fetcher.sendFetches();
    assertThat(server.sent).hasSize(2);
    assertThat(server.last().offsetOf(bucket(0))).isEqualTo(20);
  }

  @Test
  void aRemoteAnswerWithoutSegmentsBacksOffInsteadOfLooping() {
    router.lead(bucket(0), 1);
    subscriptions.subscribe(bucket(0), 0, Long.MAX_VALUE);
    fetcher.sendFetches();
    FakeServer server = router.server(1);

    answer(
        server.last(),
        new Response()
            .remote(
                bucket(0), PbRemoteLogFetchInfo.newBuilder().setRemoteLogTabletDir("/x").build()));
    fetcher.sendFetches();
    assertThat(server.sent).hasSize(1);
    clock.advanceMillis(121);
    fetcher.sendFetches();
    assertThat(server.sent).hasSize(2);
  }

  @Test
  void oneFetchPerLeaderForAllItsBuckets() {
    router.lead(bucket(0), 1);
    router.lead(bucket(1), 1);
    router.lead(bucket(2), 2);
    subscriptions.subscribe(bucket(0), 5, Long.MAX_VALUE);
    subscriptions.subscribe(bucket(1), 0, Long.MAX_VALUE);
    subscriptions.subscribe(bucket(2), 9, Long.MAX_VALUE);

    fetcher.sendFetches();

    FakeServer one = router.server(1);
    FakeServer two = router.server(2);
    assertThat(one.sent).hasSize(1);
    assertThat(one.last().bucketCount()).isEqualTo(2);
    assertThat(one.last().offsetOf(bucket(0))).isEqualTo(5);
    assertThat(one.last().offsetOf(bucket(1))).isZero();
    assertThat(two.sent).hasSize(1);
    assertThat(two.last().offsetOf(bucket(2))).isEqualTo(9);
    assertThat(one.last().request().getTablesReq(0).getTableId()).isEqualTo(TABLE_ID);
  }

  @Test
  void pipelinedTheNextFetchLeavesOnceTheBufferedResponseIsTakenNotBefore() {
    router.lead(bucket(0), 1);
    subscriptions.subscribe(bucket(0), 0, Long.MAX_VALUE);
    FakeServer server = router.server(1);

    fetcher.sendFetches();
    fetcher.sendFetches(); // one fetch in flight per bucket
    assertThat(server.sent).hasSize(1);

    answer(server.last(), new Response().records(bucket(0), batches(0, 10, 4)));
    assertThat(buffer.hasCompleted()).isTrue();
    fetcher.sendFetches(); // a response waits in the buffer: no second one yet
    assertThat(server.sent).hasSize(1);

    CompletedFetch taken = buffer.take(subscriptions);
    assertThat(taken.fetchOffset()).isZero();
    fetcher
        .sendFetches(); // taken for decoding: the next fetch travels meanwhile, from after its last
    // batch
    assertThat(server.sent).hasSize(2);
    assertThat(server.last().offsetOf(bucket(0))).isEqualTo(10);
  }

  @Test
  void aTruncatedLastBatchIsFetchedAgain() {
    router.lead(bucket(0), 1);
    subscriptions.subscribe(bucket(0), 0, Long.MAX_VALUE);
    fetcher.sendFetches();
    byte[] whole = batches(0, 8, 4);
    byte[] cut =
        java.util.Arrays.copyOf(whole, whole.length - 10); // the fetch size cut the second batch

    answer(router.server(1).last(), new Response().records(bucket(0), cut));
    buffer.take(subscriptions);
    fetcher.sendFetches();

    assertThat(router.server(1).last().offsetOf(bucket(0))).isEqualTo(4);
  }

  @Test
  void leaderMoveInvalidatesMetadataAndTheNextFetchGoesToTheNewLeader() {
    router.lead(bucket(0), 1);
    subscriptions.subscribe(bucket(0), 3, Long.MAX_VALUE);
    fetcher.sendFetches();

    answer(
        router.server(1).last(),
        new Response().error(bucket(0), Errors.NOT_LEADER_OR_FOLLOWER.code(), "not the leader"));
    assertThat(router.invalidations).isEqualTo(1);
    assertThat(buffer.hasError()).isFalse(); // retried, not reported
    router.lead(bucket(0), 2);

    clock.advanceMillis(79);
    fetcher.sendFetches();
    assertThat(router.server(2).sent).isEmpty(); // still backing off

    clock.advanceMillis(50);
    fetcher.sendFetches();
    assertThat(router.server(2).sent).hasSize(1);
    assertThat(router.server(2).last().offsetOf(bucket(0))).isEqualTo(3);
    assertThat(router.server(1).sent).hasSize(1);
  }

  @Test
  void offsetOutOfRangeReachesTheCallerTypedAndEndsTheBucket() {
    router.lead(bucket(0), 1);
    router.lead(bucket(1), 1);
    subscriptions.subscribe(bucket(0), 1000, Long.MAX_VALUE);
    subscriptions.subscribe(bucket(1), 0, Long.MAX_VALUE);
    fetcher.sendFetches();

    answer(
        router.server(1).last(),
        new Response()
            .error(
                bucket(0),
                Errors.LOG_OFFSET_OUT_OF_RANGE_EXCEPTION.code(),
                "offset 1000 is past 20")
            .records(bucket(1), batches(0, 4, 4)));

    assertThatThrownBy(buffer::throwError)
        .isExactlyInstanceOf(LogOffsetOutOfRangeException.class)
        .hasMessageContaining("bucket 0")
        .hasMessageContaining("offset 1000")
        .hasMessageContaining(PATH.toString())
        .hasMessageContaining("offset 1000 is past 20");
    assertThat(subscriptions.all()).extracting(b -> b.bucket).containsExactly(bucket(1));
    assertThat(buffer.take(subscriptions).state().bucket)
        .isEqualTo(bucket(1)); // the other bucket goes on
  }

  @Test
  void partitionDroppedOnTheServerEndsTheBucketWithPartitionNotExist() {
    TableBucket b = FetcherTestKit.bucket(4L, 0);
    router.lead(b, 1);
    subscriptions.subscribe(b, 0, Long.MAX_VALUE);
    fetcher.sendFetches();

    answer(
        router.server(1).last(),
        new Response().error(b, Errors.PARTITION_NOT_EXISTS.code(), "no partition 4"));

    assertThatThrownBy(buffer::throwError)
        .isExactlyInstanceOf(PartitionNotExistException.class)
        .hasMessageContaining("partition 4");
    assertThat(subscriptions.isEmpty()).isTrue();
    fetcher.sendFetches();
    assertThat(router.server(1).sent).hasSize(1);
  }

  @Test
  void partitionOrTableDroppedSeenByTheRouterEndsTheBucket() {
    TableBucket gone = FetcherTestKit.bucket(4L, 0);
    TableBucket alive = FetcherTestKit.bucket(5L, 0);
    router.routes.put(
        gone, Route.failed(new PartitionNotExistException("partition 4 of db.t no longer exists")));
    router.lead(alive, 1);
    subscriptions.subscribe(gone, 0, Long.MAX_VALUE);
    subscriptions.subscribe(alive, 0, Long.MAX_VALUE);

    fetcher.sendFetches();

    assertThatThrownBy(buffer::throwError).isExactlyInstanceOf(PartitionNotExistException.class);
    assertThat(subscriptions.all()).extracting(s -> s.bucket).containsExactly(alive);
    assertThat(router.server(1).last().bucketCount()).isEqualTo(1);

    router.routes.put(
        alive, Route.failed(new TableNotExistException("Table db.t no longer exists")));
    clock.advanceMillis(1);
    answer(router.server(1).last(), new Response().empty(alive));
    fetcher.sendFetches();
    assertThatThrownBy(buffer::throwError).isExactlyInstanceOf(TableNotExistException.class);
    assertThat(subscriptions.isEmpty()).isTrue();
  }

  @Test
  void lostResponsesAreRetriedWithGrowingBackoff() {
    router.lead(bucket(0), 1);
    subscriptions.subscribe(bucket(0), 7, Long.MAX_VALUE);
    FakeServer server = router.server(1);
    fetcher.sendFetches();

    fail(server.last(), new TimeoutException("FetchLog", Duration.ofSeconds(30)));
    assertThat(buffer.hasError()).isFalse(); // a timeout is retriable
    assertThat(router.invalidations).isEqualTo(1); // the leader may be gone
    clock.advanceMillis(79);
    fetcher.sendFetches();
    assertThat(server.sent).hasSize(1);
    clock.advanceMillis(50);
    fetcher.sendFetches();
    assertThat(server.sent).hasSize(2);
    assertThat(server.last().offsetOf(bucket(0))).isEqualTo(7);

    fail(server.last(), new NetworkException("connection reset"));
    clock.advanceMillis(159); // the second backoff is 200 ms +-20%
    fetcher.sendFetches();
    assertThat(server.sent).hasSize(2);
    clock.advanceMillis(100);
    fetcher.sendFetches();
    assertThat(server.sent).hasSize(3);

    answer(server.last(), new Response().records(bucket(0), batches(7, 9, 2)));
    buffer.take(subscriptions);
    fetcher.sendFetches(); // success resets the backoff: the next fetch leaves at once
    assertThat(server.sent).hasSize(4);
    assertThat(server.last().offsetOf(bucket(0))).isEqualTo(9);
  }

  @Test
  void aServerMissingFromTheMetadataIsRetriedLikeALostResponse() {
    router.routes.put(bucket(0), Route.leader(3)); // no such server
    subscriptions.subscribe(bucket(0), 0, Long.MAX_VALUE);

    fetcher.sendFetches();

    assertThat(buffer.hasError()).isFalse();
    assertThat(router.invalidations).isEqualTo(1);
    router.lead(bucket(0), 1);
    clock.advanceMillis(130);
    fetcher.sendFetches();
    assertThat(router.server(1).sent).hasSize(1);
  }

  @Test
  void aFinalErrorOfTheWholeRequestReachesTheCallerUnwrapped() {
    router.lead(bucket(0), 1);
    subscriptions.subscribe(bucket(0), 0, Long.MAX_VALUE);
    fetcher.sendFetches();

    AuthorizationException denied =
        (AuthorizationException)
            Errors.exceptionFor(Errors.AUTHORIZATION_EXCEPTION.code(), "no READ on db.t");
    fail(router.server(1).last(), new java.util.concurrent.CompletionException(denied));

    assertThatThrownBy(buffer::throwError).isSameAs(denied);
  }

  @Test
  void waitingForMetadataRetriesAsSoonAsTheRouterWakesUp() {
    subscriptions.subscribe(bucket(0), 0, Long.MAX_VALUE);
    fetcher.sendFetches(); // no route yet: waiting
    assertThat(router.lastWakeup).isNotNull();
    router.lead(bucket(0), 1);
    fetcher.sendFetches();
    assertThat(router.server(1).sent).isEmpty(); // backing off until woken

    router.lastWakeup.run(); // the metadata arrived (on a network thread)
    buffer.runEvents();
    fetcher.sendFetches();
    assertThat(router.server(1).sent).hasSize(1);
  }

  @Test
  void aRouterThatThrowsNeverLeaksACompletionException() {
    router.throwOnRoute =
        new java.util.concurrent.CompletionException(
            new TableNotExistException("Table db.t does not exist"));
    subscriptions.subscribe(bucket(0), 0, Long.MAX_VALUE);

    fetcher.sendFetches();

    assertThatThrownBy(buffer::throwError).isExactlyInstanceOf(TableNotExistException.class);
  }

  @Test
  void aResponseForAnEndedOrReplacedSubscriptionIsDropped() {
    router.lead(bucket(0), 1);
    subscriptions.subscribe(bucket(0), 0, Long.MAX_VALUE);
    fetcher.sendFetches();
    Sent old = router.server(1).last();
    subscriptions.subscribe(
        bucket(0), 100, Long.MAX_VALUE); // re-subscribed elsewhere while the fetch travelled
    fetcher.sendFetches();

    answer(old, new Response().records(bucket(0), batches(0, 4, 4)));

    assertThat(buffer.hasCompleted()).isFalse();
    assertThat(router.server(1).last().offsetOf(bucket(0))).isEqualTo(100);
  }

  @Test
  void pausedBucketsAreNotFetchedUntilResumed() {
    router.lead(bucket(0), 1);
    subscriptions.subscribe(bucket(0), 0, Long.MAX_VALUE);
    subscriptions.pause(bucket(0));
    fetcher.sendFetches();
    assertThat(router.server(1).sent).isEmpty();
    subscriptions.resume(bucket(0));
    fetcher.sendFetches();
    assertThat(router.server(1).sent).hasSize(1);
  }

  @Test
  void boundedBucketsAreNotFetchedPastTheirEnd() {
    router.lead(bucket(0), 1);
    subscriptions.subscribe(bucket(0), 0, 4);
    fetcher.sendFetches();
    answer(router.server(1).last(), new Response().records(bucket(0), batches(0, 4, 4)));
    buffer.take(subscriptions);
    fetcher.sendFetches();
    assertThat(router.server(1).sent).hasSize(1);
    assertThat(subscriptions.all().iterator().next().isFetchedToEnd()).isTrue();
  }

  @Test
  void nothingIsSentOnceTheConnectionIsClosedAndLateFailuresAreNotReported() {
    router.lead(bucket(0), 1);
    subscriptions.subscribe(bucket(0), 0, Long.MAX_VALUE);
    fetcher.sendFetches();
    connection.close();

    fail(router.server(1).last(), new IllegalStateException("This RpcClient is closed"));
    fetcher.sendFetches();

    assertThat(buffer.hasError())
        .isFalse(); // the poll reports the closed connection itself, as a ClosedException
    assertThat(router.server(1).sent).hasSize(1);
  }

  @Test
  void responsesArrivingAfterCloseAreDroppedNotBuffered() {
    router.lead(bucket(0), 1);
    subscriptions.subscribe(bucket(0), 0, Long.MAX_VALUE);
    fetcher.sendFetches();
    fetcher.close();
    buffer.close();

    router
        .server(1)
        .last()
        .future()
        .complete(new Response().records(bucket(0), batches(0, 4, 4)).build());
    buffer.runEvents();

    assertThat(buffer.hasCompleted()).isFalse();
    fetcher.sendFetches();
    assertThat(router.server(1).sent).hasSize(1);
  }
}
