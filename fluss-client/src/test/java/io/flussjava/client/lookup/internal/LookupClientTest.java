package io.flussjava.client.lookup.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import com.google.protobuf.MessageLite;
import io.flussjava.client.TableBucket;
import io.flussjava.client.admin.TableDescriptor;
import io.flussjava.client.admin.TableInfo;
import io.flussjava.client.admin.TablePath;
import io.flussjava.client.internal.ConnectionState;
import io.flussjava.client.internal.LeaderRouter;
import io.flussjava.client.internal.RetryPolicy;
import io.flussjava.exception.ClosedException;
import io.flussjava.exception.Errors;
import io.flussjava.exception.NetworkException;
import io.flussjava.exception.PartitionNotExistException;
import io.flussjava.exception.TimeoutException;
import io.flussjava.rpc.ApiMethod;
import io.flussjava.rpc.ServerConnection;
import io.flussjava.rpc.ServerNode;
import io.flussjava.rpc.ServerType;
import io.flussjava.rpc.protocol.LookupRequest;
import io.flussjava.rpc.protocol.LookupResponse;
import io.flussjava.rpc.protocol.PbLookupReqForBucket;
import io.flussjava.rpc.protocol.PbLookupRespForBucket;
import io.flussjava.rpc.protocol.PbPrefixLookupRespForBucket;
import io.flussjava.rpc.protocol.PrefixLookupRequest;
import io.flussjava.rpc.protocol.PrefixLookupResponse;
import io.flussjava.types.DataTypes;
import io.flussjava.types.Schema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The lookup batcher at fake time, against a fake leader router and fake tablet servers: nothing
 * here sleeps or opens a socket, and every answer is given by the test.
 */
class LookupClientTest {
  private static final TableInfo TABLE = table();
  private static final TablePath PATH = TABLE.getTablePath();
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

  private final FakeScheduler time = new FakeScheduler();
  private final FakeRouter router = new FakeRouter();
  private final ConnectionState state = new ConnectionState();
  private LookupClient client;

  private static TableInfo table() {
    Schema schema =
        Schema.newBuilder()
            .column("id", DataTypes.INT())
            .column("v", DataTypes.STRING())
            .primaryKey("id")
            .build();
    return new TableInfo(
        TablePath.of("db", "t"),
        42L,
        1,
        TableDescriptor.builder().schema(schema).distributedBy(4).build(),
        1L,
        1L);
  }

  @BeforeEach
  void setUp() {
    client = client(3, 2);
  }

  private LookupClient client(int maxBatch, int maxInFlight) {
    return new LookupClient(
        router,
        (t, name) -> CompletableFuture.completedFuture(-1L),
        new LookupSettings(maxBatch, maxInFlight, 0, Integer.MAX_VALUE, REQUEST_TIMEOUT),
        new RetryPolicy(Duration.ofMillis(100), Duration.ofSeconds(1)),
        time,
        Runnable::run,
        time,
        state);
  }

  private static byte[] key(int i) {
    return new byte[] {(byte) i};
  }

  private static byte[] value(int i) {
    return new byte[] {1, 0, (byte) i, (byte) (i * 3)};
  }

  /** The keys of a point request, as the ints {@link #key} made them from, per bucket in order. */
  private static List<Integer> keysOf(MessageLite request) {
    List<Integer> out = new ArrayList<>();
    for (PbLookupReqForBucket b : ((LookupRequest) request).getBucketsReqList()) {
      b.getKeysList().forEach(k -> out.add((int) k.byteAt(0)));
    }
    return out;
  }

  /** Answers every key of a point request with {@link #value} of it. */
  private static LookupResponse answerAll(MessageLite request) {
    LookupResponse.Builder resp = LookupResponse.newBuilder();
    for (PbLookupReqForBucket b : ((LookupRequest) request).getBucketsReqList()) {
      PbLookupRespForBucket.Builder rb = resp.addBucketsRespBuilder().setBucketId(b.getBucketId());
      if (b.hasPartitionId()) {
        rb.setPartitionId(b.getPartitionId());
      }
      b.getKeysList()
          .forEach(k -> rb.addValuesBuilder().setValues(ByteString.copyFrom(value(k.byteAt(0)))));
    }
    return resp.build();
  }

  private static LookupResponse bucketError(MessageLite request, Errors error) {
    LookupResponse.Builder resp = LookupResponse.newBuilder();
    for (PbLookupReqForBucket b : ((LookupRequest) request).getBucketsReqList()) {
      PbLookupRespForBucket.Builder rb =
          resp.addBucketsRespBuilder()
              .setBucketId(b.getBucketId())
              .setErrorCode(error.code())
              .setErrorMessage(error.name());
      if (b.hasPartitionId()) {
        rb.setPartitionId(b.getPartitionId());
      }
    }
    return resp.build();
  }

  /**
   * The value of a future that must be complete by now (fake time: nothing completes later by
   * itself).
   */
  private static <T> T done(CompletableFuture<T> f) {
    assertThat(f).as("completed").isDone();
    return f.join();
  }

  @Test
  void aLoneKeyGoesOutAtOnceAndGetsItsValue() throws Exception {
    CompletableFuture<byte[]> f = client.lookup(TABLE, TableBucket.NO_PARTITION, 1, key(7));
    FakeServer server = router.server(1);
    assertThat(server.sent).hasSize(1); // no timer, no wait
    Sent s = server.sent.get(0);
    assertThat(((LookupRequest) s.request).getTableId()).isEqualTo(42L);
    assertThat(((LookupRequest) s.request).getBucketsReq(0).getBucketId()).isEqualTo(1);
    assertThat(((LookupRequest) s.request).getBucketsReq(0).hasPartitionId()).isFalse();
    assertThat(keysOf(s.request)).containsExactly(7);
    s.answer(answerAll(s.request));
    assertThat(done(f)).isEqualTo(value(7));
  }

  @Test
  void anAbsentKeyIsNull() throws Exception {
    CompletableFuture<byte[]> f = client.lookup(TABLE, TableBucket.NO_PARTITION, 1, key(7));
    Sent s = router.server(1).sent.get(0);
    LookupResponse.Builder resp = LookupResponse.newBuilder();
    resp.addBucketsRespBuilder()
        .setBucketId(1)
        .addValuesBuilder(); // an entry without a value: not found
    s.answer(resp.build());
    assertThat(done(f)).isNull();
  }

  @Test
  void keysQueueWhileSlotsAreBusyAndLeaveTogetherUpToTheBatchSize() throws Exception {
    List<CompletableFuture<byte[]>> futures = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      futures.add(client.lookup(TABLE, TableBucket.NO_PARTITION, i % 2, key(i)));
    }
    FakeServer server = router.server(1);
    // Two slots: keys 0 and 1 went out alone, at once; the other six wait for a slot.
    assertThat(server.sent).hasSize(2);
    assertThat(keysOf(server.sent.get(0).request)).containsExactly(0);
    assertThat(keysOf(server.sent.get(1).request)).containsExactly(1);
    server.sent.get(0).answer(answerAll(server.sent.get(0).request));
    // The freed slot takes the next three keys (the batch size) in one request, grouped by bucket.
    assertThat(server.sent).hasSize(3);
    LookupRequest third = (LookupRequest) server.sent.get(2).request;
    assertThat(third.getBucketsReqCount()).isEqualTo(2);
    assertThat(keysOf(third)).containsExactlyInAnyOrder(2, 3, 4);
    server.sent.get(1).answer(answerAll(server.sent.get(1).request));
    assertThat(keysOf(server.sent.get(3).request)).containsExactlyInAnyOrder(5, 6, 7);
    server.sent.get(2).answer(answerAll(server.sent.get(2).request));
    server.sent.get(3).answer(answerAll(server.sent.get(3).request));
    assertThat(server.sent).hasSize(4);
    for (int i = 0; i < 8; i++) {
      assertThat(done(futures.get(i))).as("key %s", i).isEqualTo(value(i));
    }
  }

  @Test
  void aMovedLeaderIsForgottenAndTheKeyRetriedAtTheNewOne() throws Exception {
    CompletableFuture<byte[]> f = client.lookup(TABLE, TableBucket.NO_PARTITION, 2, key(5));
    Sent first = router.server(1).sent.get(0);
    router.leaders.put(2, 3); // the bucket moved to server 3
    first.answer(bucketError(first.request, Errors.NOT_LEADER_OR_FOLLOWER));
    assertThat(router.invalidated).containsExactly(PATH);
    assertThat(router.server(3).sent).isEmpty(); // not before the backoff
    time.advanceMillis(150);
    assertThat(router.server(3).sent).hasSize(1);
    Sent second = router.server(3).sent.get(0);
    second.answer(answerAll(second.request));
    assertThat(done(f)).isEqualTo(value(5));
    assertThat(router.server(1).sent).hasSize(1);
  }

  @Test
  void aLostResponseIsRetriedWithBackoffUntilTheRequestTimeoutThenTimesOut() {
    CompletableFuture<byte[]> f = client.lookup(TABLE, TableBucket.NO_PARTITION, 0, key(1));
    FakeServer server = router.server(1);
    long start = time.nanoTime();
    List<Long> sentAt = new ArrayList<>();
    while (!f.isDone()) {
      if (server.sent.size() > sentAt.size()) {
        sentAt.add(time.nanoTime() - start);
        server
            .sent
            .get(server.sent.size() - 1)
            .fail(new TimeoutException("no answer from server 1"));
      }
      time.advanceMillis(10);
    }
    // Retried several times, each after a growing backoff (100 ms doubling, capped at 1 s, +-20%).
    assertThat(sentAt.size()).isBetween(5, 10);
    for (int i = 2; i < sentAt.size(); i++) {
      assertThat(sentAt.get(i) - sentAt.get(i - 1))
          .isGreaterThanOrEqualTo(Duration.ofMillis(80).toNanos());
    }
    assertThat(time.nanoTime() - start)
        .isLessThanOrEqualTo(REQUEST_TIMEOUT.plusMillis(20).toNanos());
    assertThatThrownBy(f::get)
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(TimeoutException.class)
        .hasMessageContaining("client.request-timeout (5000 ms)")
        .hasMessageContaining("no answer from server 1");
    // Timeouts may mean a dead leader: every retry looked the leader up afresh (the last failure
    // was not retried).
    assertThat(router.invalidated).hasSize(sentAt.size() - 1);
  }

  @Test
  void aDroppedPartitionAnswersNull() throws Exception {
    // Known as dropped when routing...
    router.failure = new PartitionNotExistException("partition 9 is gone");
    assertThat(done(client.lookup(TABLE, 9L, 0, key(1)))).isNull();
    assertThat(done(client.prefixLookup(TABLE, 9L, 0, key(1)))).isEmpty();
    // ...or told by the server.
    router.failure = null;
    CompletableFuture<byte[]> f = client.lookup(TABLE, 9L, 0, key(2));
    Sent s = router.server(1).sent.get(0);
    assertThat(((LookupRequest) s.request).getBucketsReq(0).getPartitionId()).isEqualTo(9L);
    s.answer(bucketError(s.request, Errors.PARTITION_NOT_EXISTS));
    assertThat(done(f)).isNull();
  }

  @Test
  void aFinalErrorFailsTheKeyWithoutRetry() {
    CompletableFuture<byte[]> f = client.lookup(TABLE, TableBucket.NO_PARTITION, 0, key(1));
    Sent s = router.server(1).sent.get(0);
    s.answer(bucketError(s.request, Errors.UNKNOWN_SERVER_ERROR));
    time.advanceMillis(10_000);
    assertThat(router.server(1).sent).hasSize(1);
    assertThat(f).isCompletedExceptionally();
  }

  @Test
  void aKeyWaitingForMetadataGoesOutWhenTheRouterWakesItOnce() throws Exception {
    router.waiting = true;
    CompletableFuture<byte[]> f = client.lookup(TABLE, TableBucket.NO_PARTITION, 0, key(4));
    assertThat(router.server(1).sent).isEmpty();
    router.waiting = false;
    router.wakeups.forEach(Runnable::run);
    time.runDue();
    assertThat(router.server(1).sent).hasSize(1);
    time.advanceMillis(
        1_000); // the backoff timer finds the key already routed: it is not sent twice
    assertThat(router.server(1).sent).hasSize(1);
    router.server(1).sent.get(0).answer(answerAll(router.server(1).sent.get(0).request));
    assertThat(done(f)).isEqualTo(value(4));
  }

  @Test
  void aKeyWithoutLeaderIsRetriedAfterBackoffEvenWithoutWakeup() throws Exception {
    router.waiting = true; // an election: the router sends no wakeup
    CompletableFuture<byte[]> f = client.lookup(TABLE, TableBucket.NO_PARTITION, 0, key(4));
    time.advanceMillis(50);
    router.waiting = false;
    time.advanceMillis(100);
    assertThat(router.server(1).sent).hasSize(1);
    router.server(1).sent.get(0).answer(answerAll(router.server(1).sent.get(0).request));
    assertThat(done(f)).isEqualTo(value(4));
  }

  @Test
  void prefixLookupsShareTheBatcherButNotRequestsWithPointLookups() throws Exception {
    client = client(10, 1);
    CompletableFuture<byte[]> point = client.lookup(TABLE, TableBucket.NO_PARTITION, 0, key(1));
    CompletableFuture<List<byte[]>> prefix =
        client.prefixLookup(TABLE, TableBucket.NO_PARTITION, 0, key(2));
    CompletableFuture<byte[]> point2 = client.lookup(TABLE, TableBucket.NO_PARTITION, 0, key(3));
    FakeServer server = router.server(1);
    server.sent.get(0).answer(answerAll(server.sent.get(0).request));
    // The queue's head was the prefix key: its request carries only prefix keys.
    PrefixLookupRequest req = (PrefixLookupRequest) server.sent.get(1).request;
    assertThat(req.getBucketsReq(0).getKeysCount()).isEqualTo(1);
    PrefixLookupResponse.Builder resp = PrefixLookupResponse.newBuilder();
    PbPrefixLookupRespForBucket.Builder b = resp.addBucketsRespBuilder().setBucketId(0);
    b.addValueListsBuilder()
        .addValues(ByteString.copyFrom(value(20)))
        .addValues(ByteString.copyFrom(value(21)));
    server.sent.get(1).answer(resp.build());
    server.sent.get(2).answer(answerAll(server.sent.get(2).request));
    assertThat(done(point)).isEqualTo(value(1));
    assertThat(done(prefix)).containsExactly(value(20), value(21));
    assertThat(done(point2)).isEqualTo(value(3));
  }

  @Test
  void aMissingBucketInTheAnswerIsRetriedNotLeftHanging() throws Exception {
    CompletableFuture<byte[]> f = client.lookup(TABLE, TableBucket.NO_PARTITION, 3, key(1));
    router.server(1).sent.get(0).answer(LookupResponse.getDefaultInstance());
    time.advanceMillis(150);
    Sent again = router.server(1).sent.get(1);
    again.answer(answerAll(again.request));
    assertThat(done(f)).isEqualTo(value(1));
  }

  @Test
  void closingTheConnectionFailsPendingKeysAtOnceAndLaterCallsThrow() {
    CompletableFuture<byte[]> inFlight = client.lookup(TABLE, TableBucket.NO_PARTITION, 0, key(1));
    router.waiting = true;
    CompletableFuture<List<byte[]>> waiting =
        client.prefixLookup(TABLE, TableBucket.NO_PARTITION, 1, key(2));
    state.close();
    assertThatThrownBy(inFlight::get)
        .cause()
        .isInstanceOf(ClosedException.class)
        .hasMessage("the Connection of the Lookuper of db.t is closed");
    assertThatThrownBy(waiting::get)
        .cause()
        .isInstanceOf(ClosedException.class)
        .hasMessage("the Connection of the PrefixLookuper of db.t is closed");
    assertThatThrownBy(() -> client.lookup(TABLE, TableBucket.NO_PARTITION, 0, key(1)))
        .isInstanceOf(ClosedException.class);
    // A late answer changes nothing.
    Sent s = router.server(1).sent.get(0);
    s.answer(answerAll(s.request));
    assertThat(inFlight).isCompletedExceptionally();
  }

  @Test
  void deliverCompletesFailuresOnTheCallbackExecutorToo() {
    List<Runnable> executor = new ArrayList<>();
    LookupClient c =
        new LookupClient(
            router,
            (t, name) -> CompletableFuture.completedFuture(-1L),
            new LookupSettings(3, 2, 0, Integer.MAX_VALUE, REQUEST_TIMEOUT),
            new RetryPolicy(Duration.ofMillis(100), Duration.ofSeconds(1)),
            time,
            executor::add,
            time,
            state);
    CompletableFuture<String> ok = c.deliver(CompletableFuture.completedFuture("x"), v -> v + "!");
    CompletableFuture<String> failed =
        c.deliver(CompletableFuture.<String>failedFuture(new NetworkException("boom")), v -> v);
    assertThat(ok).isNotDone();
    assertThat(failed).isNotDone();
    executor.forEach(Runnable::run);
    assertThat(ok.join()).isEqualTo("x!");
    assertThatThrownBy(failed::join).cause().isInstanceOf(NetworkException.class);
  }

  /** One request a fake server received; the test answers or fails it. */
  static final class Sent {
    final MessageLite request;
    final CompletableFuture<MessageLite> response = new CompletableFuture<>();

    Sent(MessageLite request) {
      this.request = request;
    }

    void answer(MessageLite resp) {
      response.complete(resp);
    }

    void fail(Throwable error) {
      response.completeExceptionally(error);
    }
  }

  static final class FakeServer implements ServerConnection {
    final int id;
    final List<Sent> sent = new ArrayList<>();

    FakeServer(int id) {
      this.id = id;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <Req extends MessageLite, Resp extends MessageLite> CompletableFuture<Resp> send(
        ApiMethod<Req, Resp> method, Req request) {
      Sent s = new Sent(request);
      sent.add(s);
      return (CompletableFuture<Resp>) (CompletableFuture<?>) s.response;
    }

    @Override
    public <Req extends MessageLite, Resp extends MessageLite> CompletableFuture<Resp> send(
        ApiMethod<Req, Resp> method, Req request, Duration timeout) {
      return send(method, request);
    }

    @Override
    public CompletableFuture<ServerType> ready() {
      return CompletableFuture.completedFuture(ServerType.TABLET_SERVER);
    }

    @Override
    public ServerNode server() {
      return new ServerNode(id, "localhost", 9000 + id, ServerType.TABLET_SERVER);
    }

    @Override
    public boolean isClosed() {
      return false;
    }

    @Override
    public void close() {}
  }

  /**
   * Leaders by bucket number (server 1 unless told otherwise); can answer "wait" or a final failure
   * instead.
   */
  static final class FakeRouter implements LeaderRouter {
    final Map<Integer, Integer> leaders = new HashMap<>();
    final Map<Integer, FakeServer> servers = new HashMap<>();
    final List<TablePath> invalidated = new ArrayList<>();
    final List<Runnable> wakeups = new ArrayList<>();
    boolean waiting;
    RuntimeException failure;

    FakeServer server(int id) {
      return servers.computeIfAbsent(id, FakeServer::new);
    }

    @Override
    public Route route(TablePath path, TableBucket bucket, long routedAtNanos, Runnable wakeup) {
      if (failure != null) {
        return Route.failed(failure);
      }
      if (waiting) {
        wakeups.add(wakeup);
        return Route.waiting();
      }
      return Route.leader(leaders.getOrDefault(bucket.bucket(), 1));
    }

    @Override
    public ServerConnection tabletServer(int serverId) {
      return server(serverId);
    }

    @Override
    public void invalidate(TablePath path) {
      invalidated.add(path);
    }
  }
}
