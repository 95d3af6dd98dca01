package io.flussjava.client.write.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.flussjava.client.TableBucket;
import io.flussjava.client.internal.FakeClock;
import io.flussjava.client.internal.FakeLeaderRouter;
import io.flussjava.client.internal.FakeServer;
import io.flussjava.client.internal.LeaderRouter;
import io.flussjava.client.internal.RetryPolicy;
import io.flussjava.client.write.WriteResult;
import io.flussjava.exception.ClosedException;
import io.flussjava.exception.Errors;
import io.flussjava.exception.PartitionNotExistException;
import io.flussjava.exception.TimeoutException;
import io.flussjava.exception.UnknownWriteOutcomeException;
import io.flussjava.log.ChangeType;
import io.flussjava.rpc.protocol.InitWriterRequest;
import io.flussjava.rpc.protocol.InitWriterResponse;
import io.flussjava.rpc.protocol.PbPutKvReqForBucket;
import io.flussjava.rpc.protocol.PutKvRequest;
import io.flussjava.rpc.protocol.PutKvResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sender at fake time against fake servers: no cluster, no sleeps. */
class SenderTest {
  private static final Duration LINGER = Duration.ofMillis(10);
  private static final Duration DELIVERY = Duration.ofSeconds(120);
  private static final long TABLE_ID = 42L;

  private final FakeClock clock = new FakeClock();
  private final FakeLeaderRouter router = new FakeLeaderRouter();
  private final WriteTarget target = WritePipelineTestSupport.kvTarget(1 << 16);
  private final FailureLatch writer = new FailureLatch();
  private RecordAccumulator accumulator;
  private Sender sender;

  @BeforeEach
  void setUp() {
    accumulator =
        new RecordAccumulator(
            clock,
            1 << 20,
            1 << 16,
            LINGER.toNanos(),
            DELIVERY.toNanos(),
            Duration.ofSeconds(1).toNanos(),
            5);
    WriterIdentity identity =
        new WriterIdentity(true, () -> router.server(0), clock, Duration.ofSeconds(30));
    identity.noteTable(target.path());
    sender =
        new Sender(
            accumulator,
            router,
            identity,
            clock,
            new RetryPolicy(Duration.ofMillis(100), Duration.ofSeconds(1)),
            -1,
            Duration.ofSeconds(30),
            Integer.MAX_VALUE,
            1 << 20);
    router.leadEverything(1);
    // The first turn asks server 0 for a writer id.
    sender.runOnce(false);
    FakeServer.Call init = router.server(0).pending().get(0);
    init.answer().complete(InitWriterResponse.newBuilder().setWriterId(7).build());
  }

  private CompletableFuture<WriteResult> upsert(int bucket, int id) {
    return accumulator.append(
        target,
        writer,
        TableBucket.of(TABLE_ID, bucket),
        ChangeType.UPDATE_AFTER,
        new Object[] {id, "v" + id},
        new byte[] {(byte) id});
  }

  private static PutKvResponse ok(int... buckets) {
    PutKvResponse.Builder r = PutKvResponse.newBuilder();
    for (int b : buckets) {
      r.addBucketsRespBuilder().setBucketId(b);
    }
    return r.build();
  }

  private static PutKvResponse error(int bucket, Errors error) {
    PutKvResponse.Builder r = PutKvResponse.newBuilder();
    r.addBucketsRespBuilder()
        .setBucketId(bucket)
        .setErrorCode(error.code())
        .setErrorMessage("fake " + error);
    return r.build();
  }

  private static Object recordsOf(FakeServer.Call call) {
    return call.request(PutKvRequest.class).getBucketsReq(0).getRecords();
  }

  /** The writer id and batch sequence in the KV batch header of a request's first bucket. */
  private static long[] idAndSequenceOf(FakeServer.Call call) {
    return idAndSequenceOf(call.request(PutKvRequest.class).getBucketsReq(0));
  }

  private static long[] idAndSequenceOf(PbPutKvReqForBucket bucket) {
    ByteBuffer header = bucket.getRecords().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
    return new long[] {header.getLong(12), header.getInt(20)};
  }

  /** The writer id and sequence of every batch of {@code bucket} in these requests. */
  private static List<long[]> headersOf(List<FakeServer.Call> calls, int bucket) {
    return calls.stream()
        .flatMap(c -> c.request(PutKvRequest.class).getBucketsReqList().stream())
        .filter(b -> b.getBucketId() == bucket)
        .map(SenderTest::idAndSequenceOf)
        .toList();
  }

  private static void answerAll(List<FakeServer.Call> calls) {
    for (FakeServer.Call c : calls) {
      c.answer()
          .complete(
              ok(
                  c.request(PutKvRequest.class).getBucketsReqList().stream()
                      .mapToInt(PbPutKvReqForBucket::getBucketId)
                      .toArray()));
    }
  }

  private List<FakeServer.Call> initWriterCalls() {
    return router.server(0).calls().stream()
        .filter(c -> c.request() instanceof InitWriterRequest)
        .toList();
  }

  private static TimeoutException lost() {
    return new TimeoutException("fake: no answer within the request timeout");
  }

  @Test
  void aBatchLingersThenGoesOutAndItsAnswerCompletesItsRecordsAndWakesTheSender() throws Exception {
    CompletableFuture<WriteResult> f1 = upsert(0, 1);
    CompletableFuture<WriteResult> f2 = upsert(0, 2);
    sender.runOnce(false);
    assertThat(router.server(1).calls()).as("still lingering").isEmpty();

    clock.advance(LINGER);
    sender.runOnce(false);
    List<FakeServer.Call> calls = router.server(1).calls();
    assertThat(calls).hasSize(1);
    assertThat(calls.get(0).request(PutKvRequest.class).getBucketsReqCount()).isEqualTo(1);

    calls.get(0).answer().complete(ok(0));
    // The answer must wake the loop at once: a sleep until the next linger or idle timeout made a
    // flush take 200 ms.
    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () -> accumulator.awaitWork(clock.nanoTime() + Duration.ofHours(1).toNanos()));
    sender.runOnce(false);
    assertThat(f1.get().bucket()).isZero();
    assertThat(f2).isCompleted();
    assertThat(accumulator.hasIncomplete()).isFalse();
  }

  @Test
  void notLeaderInvalidatesTheLeadersAndRetriesAfterBackoffAtTheNewLeader() throws Exception {
    CompletableFuture<WriteResult> f = upsert(0, 1);
    clock.advance(LINGER);
    sender.runOnce(false);
    FakeServer.Call first = router.server(1).pending().get(0);
    first.answer().complete(error(0, Errors.NOT_LEADER_OR_FOLLOWER));
    router.leadEverything(2);
    sender.runOnce(false);
    assertThat(router.invalidations()).isEqualTo(1);
    assertThat(router.server(2).calls()).as("waits for its backoff").isEmpty();

    clock.advance(Duration.ofMillis(200));
    sender.runOnce(false);
    List<FakeServer.Call> retried = router.server(2).calls();
    assertThat(retried).hasSize(1);
    assertThat(recordsOf(retried.get(0)))
        .as("same writer id and sequence")
        .isEqualTo(recordsOf(first));
    retried.get(0).answer().complete(ok(0));
    sender.runOnce(false);
    assertThat(f.get()).isNotNull();
  }

  @Test
  void aSchemaTheTabletServerDoesNotKnowYetIsRetriedNotFailed() throws Exception {
    // Right after an ALTER TABLE the leader may not know the new schema id of a fresh writer yet.
    CompletableFuture<WriteResult> f = upsert(0, 1);
    clock.advance(LINGER);
    sender.runOnce(false);
    FakeServer.Call first = router.server(1).pending().get(0);
    first.answer().complete(error(0, Errors.SCHEMA_NOT_EXIST));
    sender.runOnce(false);
    assertThat(f).isNotDone();

    clock.advance(Duration.ofMillis(200));
    sender.runOnce(false);
    List<FakeServer.Call> calls = router.server(1).calls();
    assertThat(calls).hasSize(2);
    calls.get(1).answer().complete(ok(0));
    sender.runOnce(false);
    assertThat(f.get()).isNotNull();
  }

  @Test
  void aLostAnswerWhileALaterBatchIsAcknowledgedIsWrittenExactlyOnce() throws Exception {
    CompletableFuture<WriteResult> first = upsert(0, 1);
    clock.advance(LINGER);
    sender.runOnce(false);
    CompletableFuture<WriteResult> second = upsert(0, 2);
    clock.advance(LINGER);
    sender.runOnce(false);
    List<FakeServer.Call> calls = router.server(1).calls();
    assertThat(calls).as("two batches of one bucket in flight").hasSize(2);

    // The server wrote both; the first answer is lost (the request timed out), the second arrives.
    calls
        .get(0)
        .answer()
        .completeExceptionally(new TimeoutException("fake: no answer within the request timeout"));
    calls.get(1).answer().complete(ok(0));
    sender.runOnce(false);
    assertThat(second.get()).isNotNull();
    assertThat(first).isNotDone();

    clock.advance(Duration.ofSeconds(1));
    sender.runOnce(false);
    List<FakeServer.Call> afterRetry = router.server(1).calls();
    assertThat(afterRetry).hasSize(3);
    assertThat(recordsOf(afterRetry.get(2)))
        .as("the retry is the same batch")
        .isEqualTo(recordsOf(calls.get(0)));
    // The server already holds that sequence: the batch is written, once.
    afterRetry.get(2).answer().complete(error(0, Errors.DUPLICATE_SEQUENCE_EXCEPTION));
    sender.runOnce(false);
    assertThat(first.get()).isNotNull();
    assertThat(accumulator.hasIncomplete()).isFalse();

    clock.advance(Duration.ofSeconds(10));
    sender.runOnce(false);
    assertThat(router.server(1).calls()).as("nothing is sent again").hasSize(3);
  }

  @Test
  void aLostAnswerOutsideTheServersDuplicateWindowCompletesWhenALaterBatchWasAcknowledged()
      throws Exception {
    CompletableFuture<WriteResult> first = upsert(0, 1);
    clock.advance(LINGER);
    sender.runOnce(false);
    CompletableFuture<WriteResult> second = upsert(0, 2);
    clock.advance(LINGER);
    sender.runOnce(false);
    List<FakeServer.Call> calls = router.server(1).calls();
    calls.get(0).answer().completeExceptionally(lost());
    calls.get(1).answer().complete(ok(0));
    sender.runOnce(false);
    assertThat(second.get()).isNotNull();

    clock.advance(Duration.ofSeconds(1));
    sender.runOnce(false);
    FakeServer.Call retry = router.server(1).calls().get(2);
    // The server wrote it, but it is past the window of batches the server compares retries with.
    retry.answer().complete(error(0, Errors.OUT_OF_ORDER_SEQUENCE_EXCEPTION));
    sender.runOnce(false);
    assertThat(first).as("sequence 0 <= 1, the last acknowledged: written").isCompleted();
    clock.advance(Duration.ofSeconds(10));
    sender.runOnce(false);
    assertThat(router.server(1).calls())
        .as("never re-sent, in particular not renumbered")
        .hasSize(3);
    assertThat(initWriterCalls()).as("the writer id is kept").hasSize(1);
  }

  @Test
  void aBatchThatMayBeWrittenIsNeverResentUnderANewWriterIdButFailsAsUnknown() throws Exception {
    CompletableFuture<WriteResult> maybe = upsert(0, 1);
    clock.advance(LINGER);
    sender.runOnce(false);
    router.server(1).pending().get(0).answer().completeExceptionally(lost());
    sender.runOnce(false);
    CompletableFuture<WriteResult> later = upsert(0, 2);
    clock.advance(Duration.ofSeconds(1));
    sender.runOnce(false);
    FakeServer.Call retry = router.server(1).pending().get(0);
    assertThat(idAndSequenceOf(retry)).containsExactly(7, 0);
    // The server forgot the writer (a leader without its state): nothing proves sequence 0 written.
    retry.answer().complete(error(0, Errors.UNKNOWN_WRITER_ID_EXCEPTION));
    sender.runOnce(false);
    assertThat(causeOf(maybe))
        .isInstanceOf(UnknownWriteOutcomeException.class)
        .hasMessageContaining("unknown whether");

    assertThat(initWriterCalls()).as("a new writer id is asked for").hasSize(2);
    initWriterCalls()
        .get(1)
        .answer()
        .complete(InitWriterResponse.newBuilder().setWriterId(8).build());
    clock.advance(LINGER);
    sender.runOnce(false);
    sender.runOnce(false);
    List<FakeServer.Call> sent = router.server(1).calls();
    assertThat(sent).as("only the never-sent batch goes out").hasSize(3);
    assertThat(idAndSequenceOf(sent.get(2))).as("new writer id, from 0").containsExactly(8, 0);
    sent.get(2).answer().complete(ok(0));
    sender.runOnce(false);
    assertThat(later).isCompleted();
    assertThat(accumulator.hasIncomplete()).isFalse();
  }

  @Test
  void aRenewalForOneBucketLeavesAnotherBucketsMaybeWrittenBatchOnItsOldWriterIdAndOrder()
      throws Exception {
    CompletableFuture<WriteResult> maybe = upsert(0, 1);
    upsert(1, 1);
    clock.advance(LINGER);
    sender.runOnce(false);
    FakeServer.Call request = router.server(1).pending().get(0);
    assertThat(request.request(PutKvRequest.class).getBucketsReqCount()).isEqualTo(2);
    // One answer for both buckets: bucket 1 has a gap, bucket 0 timed out on the server.
    PutKvResponse.Builder answer = PutKvResponse.newBuilder();
    answer
        .addBucketsRespBuilder()
        .setBucketId(0)
        .setErrorCode(Errors.REQUEST_TIME_OUT.code())
        .setErrorMessage("fake: replicas too slow");
    answer
        .addBucketsRespBuilder()
        .setBucketId(1)
        .setErrorCode(Errors.OUT_OF_ORDER_SEQUENCE_EXCEPTION.code())
        .setErrorMessage("fake: 0 (incoming), 4 (current)");
    request.answer().complete(answer.build());
    sender.runOnce(false);
    CompletableFuture<WriteResult> newer = upsert(0, 2);
    assertThat(initWriterCalls()).hasSize(2);
    initWriterCalls()
        .get(1)
        .answer()
        .complete(InitWriterResponse.newBuilder().setWriterId(8).build());
    clock.advance(Duration.ofSeconds(1));
    sender.runOnce(false);

    List<long[]> bucket0 = headersOf(router.server(1).pending(), 0);
    assertThat(bucket0)
        .as(
            "only the maybe-written batch: it keeps writer id 7 and sequence 0, the newer one waits")
        .containsExactly(new long[] {7, 0});
    answerAll(router.server(1).pending());
    sender.runOnce(false);
    assertThat(maybe).isCompleted();
    sender.runOnce(false);
    assertThat(headersOf(router.server(1).pending(), 0))
        .as("then the new writer id from 0")
        .containsExactly(new long[] {8, 0});
    answerAll(router.server(1).pending());
    sender.runOnce(false);
    assertThat(newer).isCompleted();
  }

  @Test
  void aSequenceGapLeftByAnExpiredBatchRenumbersTheNextOneInsteadOfRetryingItUntilItsTimeout()
      throws Exception {
    CompletableFuture<WriteResult> expired = upsert(0, 1);
    clock.advance(LINGER);
    sender.runOnce(false);
    clock.advance(DELIVERY.minusSeconds(5));
    CompletableFuture<WriteResult> next = upsert(0, 2);
    clock.advance(LINGER);
    sender.runOnce(false);
    List<FakeServer.Call> calls = router.server(1).pending();
    assertThat(calls).hasSize(2);
    // The first answer is lost at its delivery timeout; the server never wrote it, so it answers
    // the second with "1 (incoming), -1 (current)".
    clock.advance(Duration.ofSeconds(5));
    calls.get(0).answer().completeExceptionally(lost());
    sender.runOnce(false);
    assertThat(causeOf(expired)).isInstanceOf(TimeoutException.class);
    calls.get(1).answer().complete(error(0, Errors.OUT_OF_ORDER_SEQUENCE_EXCEPTION));
    sender.runOnce(false);

    initWriterCalls()
        .get(1)
        .answer()
        .complete(InitWriterResponse.newBuilder().setWriterId(8).build());
    sender.runOnce(false);
    FakeServer.Call resent = router.server(1).pending().get(0);
    assertThat(idAndSequenceOf(resent)).as("surely not written: renumbered").containsExactly(8, 0);
    resent.answer().complete(ok(0));
    sender.runOnce(false);
    assertThat(next).isCompleted();
  }

  @Test
  void anAnswerLostForEverFailsTheBatchAtTheDeliveryTimeoutInsteadOfRetryingForEver() {
    CompletableFuture<WriteResult> f = upsert(0, 1);
    clock.advance(LINGER);
    sender.runOnce(false);
    int sent = 0;
    for (int turn = 0; turn < 1_000 && !f.isDone(); turn++) {
      for (FakeServer.Call c : router.server(1).pending()) {
        c.answer().completeExceptionally(new TimeoutException("fake: lost"));
        sent++;
      }
      clock.advance(Duration.ofSeconds(1));
      sender.runOnce(false);
    }
    assertThat(f).isCompletedExceptionally();
    assertThat(causeOf(f))
        .isInstanceOf(TimeoutException.class)
        .hasMessageContaining("delivery-timeout");
    assertThat(sent)
        .as("bounded by the delivery timeout")
        .isBetween(2, (int) DELIVERY.toSeconds() + 1);
  }

  @Test
  void aBatchWhoseLeaderNeverComesExpiresAtTheDeliveryTimeout() {
    router.setRoute(TableBucket.of(TABLE_ID, 0), LeaderRouter.Route.waiting());
    CompletableFuture<WriteResult> f = upsert(0, 1);
    clock.advance(LINGER);
    sender.runOnce(false);
    assertThat(f).isNotDone();
    clock.advance(DELIVERY);
    sender.runOnce(false);
    assertThat(causeOf(f)).isInstanceOf(TimeoutException.class).hasMessageContaining("leader");
  }

  @Test
  void aLeaderWaitedForTooLongMakesTheSenderFetchTheMetadataAgain() {
    router.setRoute(TableBucket.of(TABLE_ID, 0), LeaderRouter.Route.waiting());
    upsert(0, 1);
    clock.advance(LINGER);
    sender.runOnce(false);
    clock.advance(Duration.ofSeconds(1));
    sender.runOnce(false);
    assertThat(router.invalidations()).as("a short wait is normal").isZero();
    clock.advance(Duration.ofSeconds(3));
    sender.runOnce(false);
    assertThat(router.invalidations()).isEqualTo(1);
    router.setRoute(TableBucket.of(TABLE_ID, 0), LeaderRouter.Route.leader(1));
    sender.runOnce(false);
    assertThat(router.server(1).calls()).hasSize(1);
  }

  @Test
  void aDroppedPartitionFailsItsBatchesTyped() {
    TableBucket bucket = TableBucket.of(TABLE_ID, 5L, 0);
    router.setRoute(
        bucket, LeaderRouter.Route.failed(new PartitionNotExistException("fake: dropped")));
    CompletableFuture<WriteResult> f =
        accumulator.append(
            target, writer, bucket, ChangeType.UPDATE_AFTER, new Object[] {1, "a"}, new byte[] {1});
    clock.advance(LINGER);
    sender.runOnce(false);
    assertThat(causeOf(f))
        .isInstanceOf(PartitionNotExistException.class)
        .hasMessageContaining("dropped");
    assertThat(writer.take()).isInstanceOf(PartitionNotExistException.class);
  }

  @Test
  void abortingFailsQueuedAndInFlightRecordsAndLaterAppends() {
    CompletableFuture<WriteResult> inFlight = upsert(0, 1);
    clock.advance(LINGER);
    sender.runOnce(false);
    CompletableFuture<WriteResult> queued = upsert(1, 2);
    accumulator.abortAll(new ClosedException("fake: connection closed"));
    assertThat(causeOf(inFlight)).isInstanceOf(ClosedException.class);
    assertThat(causeOf(queued)).isInstanceOf(ClosedException.class);
    assertThat(accumulator.hasIncomplete()).isFalse();
    assertThat(accumulator.availableMemory()).isEqualTo(1 << 20);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> upsert(0, 3))
        .isInstanceOf(ClosedException.class);
    // The lost request's answer arriving late changes nothing.
    router.server(1).pending().get(0).answer().complete(ok(0));
    sender.runOnce(false);
    assertThat(causeOf(inFlight)).isInstanceOf(ClosedException.class);
  }

  private static Throwable causeOf(CompletableFuture<?> f) {
    try {
      f.get();
      throw new AssertionError("expected a failure, got a value");
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }
}
