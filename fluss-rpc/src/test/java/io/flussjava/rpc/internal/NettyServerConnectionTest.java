package io.flussjava.rpc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.InvalidProtocolBufferException;
import io.flussjava.exception.AuthenticationException;
import io.flussjava.exception.DatabaseAlreadyExistException;
import io.flussjava.exception.NetworkException;
import io.flussjava.exception.TimeoutException;
import io.flussjava.exception.UnknownServerException;
import io.flussjava.rpc.ApiKey;
import io.flussjava.rpc.ApiMethods;
import io.flussjava.rpc.ServerNode;
import io.flussjava.rpc.ServerType;
import io.flussjava.rpc.TestFrames;
import io.flussjava.rpc.protocol.AuthenticateRequest;
import io.flussjava.rpc.protocol.AuthenticateResponse;
import io.flussjava.rpc.protocol.CreateDatabaseRequest;
import io.flussjava.rpc.protocol.CreateDatabaseResponse;
import io.flussjava.rpc.protocol.DatabaseExistsRequest;
import io.flussjava.rpc.protocol.DatabaseExistsResponse;
import io.flussjava.rpc.protocol.ListDatabasesRequest;
import io.flussjava.rpc.protocol.ListDatabasesResponse;
import io.flussjava.rpc.protocol.LookupRequest;
import io.flussjava.rpc.protocol.PutKvRequest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Drives one connection over an in-memory channel: every byte in and out is checked by hand. */
class NettyServerConnectionTest {
  private static final ServerNode COORDINATOR =
      new ServerNode(0, "127.0.0.1", 9123, ServerType.COORDINATOR);
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private EmbeddedChannel channel;
  private NettyServerConnection connection;

  @AfterEach
  void tearDown() {
    if (channel != null) {
      channel.finishAndReleaseAll();
    }
  }

  private void open(SaslPlainCredentials credentials) {
    channel = new EmbeddedChannel();
    ConnectionSettings settings =
        new ConnectionSettings(
            TIMEOUT, TIMEOUT, credentials, ConnectionSettings.DEFAULT_MAX_FRAME_BYTES);
    connection = new NettyServerConnection(COORDINATOR, settings, channel.eventLoop());
    connection.start(
        (loop, server, handler) -> {
          channel.pipeline().addLast(handler);
          return channel.newSucceededFuture();
        });
  }

  /** Opens a PLAINTEXT connection and completes the ApiVersions handshake. */
  private void openReady(Object... keyAndMaxVersion) {
    open(null);
    TestFrames.Request apiVersions = nextOutbound();
    assertThat(apiVersions.apiKey).isEqualTo(ApiKey.API_VERSIONS.id());
    assertThat(apiVersions.requestId).isZero();
    inbound(TestFrames.success(0, TestFrames.apiVersions(1, keyAndMaxVersion)));
    assertThat(connection.ready()).isCompletedWithValue(ServerType.COORDINATOR);
  }

  private TestFrames.Request nextOutbound() {
    channel.runPendingTasks();
    ByteBuf frame = channel.readOutbound();
    assertThat(frame).as("an outbound frame").isNotNull();
    try {
      int length = frame.readInt();
      assertThat(length).isEqualTo(frame.readableBytes());
      return TestFrames.Request.parse(ByteBufUtil.getBytes(frame));
    } finally {
      frame.release();
    }
  }

  private void inbound(byte[] frame) {
    channel.writeInbound(Unpooled.wrappedBuffer(frame));
    channel.runPendingTasks();
  }

  private static <T> Throwable failureOf(CompletableFuture<T> future) {
    assertThat(future).isCompletedExceptionally();
    try {
      future.get(0, TimeUnit.SECONDS);
      throw new AssertionError("not failed");
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void handshakeSendsApiVersionsFirstThenQueuedRequestsInOrder() throws Exception {
    open(null);
    CompletableFuture<ListDatabasesResponse> first =
        connection.send(ApiMethods.LIST_DATABASES, ListDatabasesRequest.getDefaultInstance());
    CompletableFuture<DatabaseExistsResponse> second =
        connection.send(
            ApiMethods.DATABASE_EXISTS,
            DatabaseExistsRequest.newBuilder().setDatabaseName("db").build());

    TestFrames.Request apiVersions = nextOutbound();
    assertThat(apiVersions.apiKey).isEqualTo((short) 1000);
    io.flussjava.rpc.protocol.ApiVersionsRequest sent =
        io.flussjava.rpc.protocol.ApiVersionsRequest.parseFrom(apiVersions.body);
    assertThat(sent.getClientSoftwareName()).isEqualTo("fluss-java");
    assertThat(sent.getClientSoftwareVersion()).isEqualTo("0.1.0");
    Object nothingYet = channel.readOutbound();
    assertThat(nothingYet).as("nothing else before READY").isNull();

    inbound(TestFrames.success(0, TestFrames.apiVersions(1, ApiKey.LIST_DATABASES, 0)));
    TestFrames.Request r1 = nextOutbound();
    TestFrames.Request r2 = nextOutbound();
    assertThat(r1.apiKey).isEqualTo(ApiKey.LIST_DATABASES.id());
    assertThat(r1.requestId).isEqualTo(1);
    assertThat(r2.apiKey).isEqualTo(ApiKey.DATABASE_EXISTS.id());
    assertThat(r2.requestId).isEqualTo(2);
    assertThat(DatabaseExistsRequest.parseFrom(r2.body).getDatabaseName()).isEqualTo("db");
    assertThat(first).isNotDone();
    assertThat(second).isNotDone();
  }

  @Test
  void successResponseCompletesTheMatchingRequest() throws Exception {
    openReady();
    CompletableFuture<ListDatabasesResponse> future =
        connection.send(ApiMethods.LIST_DATABASES, ListDatabasesRequest.getDefaultInstance());
    TestFrames.Request request = nextOutbound();

    inbound(
        TestFrames.success(
            request.requestId,
            ListDatabasesResponse.newBuilder().addDatabaseName("fluss").build()));

    assertThat(future.get(0, TimeUnit.SECONDS).getDatabaseNameList()).containsExactly("fluss");
  }

  @Test
  void errorResponseFailsOnlyItsRequestWithTheTypedException() {
    openReady();
    CreateDatabaseRequest create =
        CreateDatabaseRequest.newBuilder().setDatabaseName("db").setIgnoreIfExists(false).build();
    CompletableFuture<CreateDatabaseResponse> failing =
        connection.send(ApiMethods.CREATE_DATABASE, create);
    CompletableFuture<CreateDatabaseResponse> other =
        connection.send(ApiMethods.CREATE_DATABASE, create);
    TestFrames.Request r1 = nextOutbound();
    nextOutbound();

    inbound(TestFrames.error(r1.requestId, 6, "Database db already exists."));

    assertThat(failureOf(failing))
        .isInstanceOf(DatabaseAlreadyExistException.class)
        .hasMessageContaining("Database db already exists.");
    assertThat(other).isNotDone();
    assertThat(connection.isClosed()).isFalse();
  }

  @Test
  void serverFailureFailsEveryRequestAndClosesTheConnection() {
    openReady();
    CompletableFuture<ListDatabasesResponse> a =
        connection.send(ApiMethods.LIST_DATABASES, ListDatabasesRequest.getDefaultInstance());
    CompletableFuture<ListDatabasesResponse> b =
        connection.send(ApiMethods.LIST_DATABASES, ListDatabasesRequest.getDefaultInstance());
    nextOutbound();
    nextOutbound();

    inbound(TestFrames.serverFailure(-1, "TooLongFrameException: frame too large"));

    assertThat(failureOf(a))
        .isInstanceOf(UnknownServerException.class)
        .hasMessageContaining("TooLongFrameException");
    assertThat(failureOf(b)).isSameAs(failureOf(a));
    assertThat(connection.isClosed()).isTrue();
    assertThat(channel.isOpen()).isFalse();
    CompletableFuture<ListDatabasesResponse> after =
        connection.send(ApiMethods.LIST_DATABASES, ListDatabasesRequest.getDefaultInstance());
    assertThat(failureOf(after))
        .isInstanceOf(NetworkException.class)
        .hasMessageContaining("is closed");
  }

  @Test
  void outOfOrderResponsesAreMatchedByRequestId() throws Exception {
    openReady();
    List<CompletableFuture<DatabaseExistsResponse>> futures = new ArrayList<>();
    List<TestFrames.Request> sent = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      futures.add(
          connection.send(
              ApiMethods.DATABASE_EXISTS,
              DatabaseExistsRequest.newBuilder().setDatabaseName("db" + i).build()));
    }
    for (int i = 0; i < 5; i++) {
      sent.add(nextOutbound());
    }
    // Answer in reverse order; "exists" is true only for even-numbered databases.
    for (int i = 4; i >= 0; i--) {
      TestFrames.Request r = sent.get(i);
      String name = DatabaseExistsRequest.parseFrom(r.body).getDatabaseName();
      boolean exists = Integer.parseInt(name.substring(2)) % 2 == 0;
      inbound(
          TestFrames.success(
              r.requestId, DatabaseExistsResponse.newBuilder().setExists(exists).build()));
    }
    for (int i = 0; i < 5; i++) {
      assertThat(futures.get(i).get(0, TimeUnit.SECONDS).getExists())
          .as("db%d", i)
          .isEqualTo(i % 2 == 0);
    }
  }

  @Test
  void headerVersionIsTheLowerOfClientAndServerMaximum() {
    openReady(ApiKey.PUT_KV, 1, ApiKey.LOOKUP, 0, ApiKey.LIST_DATABASES, 7);
    connection.send(
        ApiMethods.PUT_KV,
        PutKvRequest.newBuilder().setAcks(-1).setTableId(1).setTimeoutMs(1).build());
    connection.send(ApiMethods.LOOKUP, LookupRequest.newBuilder().setTableId(1).build());
    connection.send(ApiMethods.LIST_DATABASES, ListDatabasesRequest.getDefaultInstance());
    connection.send(
        ApiMethods.DATABASE_EXISTS,
        DatabaseExistsRequest.newBuilder().setDatabaseName("x").build());

    assertThat(nextOutbound().apiVersion).as("PutKv: client 1, server 1").isEqualTo((short) 1);
    assertThat(nextOutbound().apiVersion).as("Lookup: client 1, server 0").isEqualTo((short) 0);
    assertThat(nextOutbound().apiVersion)
        .as("ListDatabases: client 0, server 7")
        .isEqualTo((short) 0);
    assertThat(nextOutbound().apiVersion).as("DatabaseExists: not listed").isEqualTo((short) 0);
  }

  @Test
  void requestWithoutAnswerTimesOutNamingApiServerAndTimeout() {
    openReady();
    CompletableFuture<ListDatabasesResponse> future =
        connection.send(
            ApiMethods.LIST_DATABASES,
            ListDatabasesRequest.getDefaultInstance(),
            Duration.ofMillis(150));
    TestFrames.Request request = nextOutbound();

    channel.advanceTimeBy(100, TimeUnit.MILLISECONDS);
    channel.runScheduledPendingTasks();
    assertThat(future).isNotDone();
    channel.advanceTimeBy(100, TimeUnit.MILLISECONDS);
    channel.runScheduledPendingTasks();

    assertThat(failureOf(future))
        .isInstanceOf(TimeoutException.class)
        .hasMessageContaining("ListDatabases")
        .hasMessageContaining("coordinator 0 @ 127.0.0.1:9123")
        .hasMessageContaining("150 ms");
    // A late answer is dropped without harm, and the connection keeps working.
    inbound(TestFrames.success(request.requestId, ListDatabasesResponse.getDefaultInstance()));
    assertThat(connection.isClosed()).isFalse();
  }

  @Test
  void requestWaitingForTheHandshakeAlsoTimesOut() {
    open(null);
    CompletableFuture<ListDatabasesResponse> future =
        connection.send(
            ApiMethods.LIST_DATABASES,
            ListDatabasesRequest.getDefaultInstance(),
            Duration.ofMillis(50));
    channel.runPendingTasks();
    channel.advanceTimeBy(60, TimeUnit.MILLISECONDS);
    channel.runScheduledPendingTasks();

    assertThat(failureOf(future))
        .isInstanceOf(TimeoutException.class)
        .hasMessageContaining("ListDatabases")
        .hasMessageContaining("handshake not finished");
  }

  @Test
  void channelClosedWithRequestsInFlightFailsThemWithNetworkException() {
    openReady();
    CompletableFuture<ListDatabasesResponse> a =
        connection.send(ApiMethods.LIST_DATABASES, ListDatabasesRequest.getDefaultInstance());
    CompletableFuture<ListDatabasesResponse> b =
        connection.send(ApiMethods.LIST_DATABASES, ListDatabasesRequest.getDefaultInstance());
    nextOutbound();
    nextOutbound();

    channel.close();
    channel.runPendingTasks();

    assertThat(failureOf(a))
        .isInstanceOf(NetworkException.class)
        .hasMessageContaining("coordinator 0 @ 127.0.0.1:9123")
        .hasMessageContaining("closed with 2 requests in flight");
    assertThat(failureOf(b)).isInstanceOf(NetworkException.class);
    assertThat(connection.isClosed()).isTrue();
  }

  @Test
  void closeFailsPendingRequestsAndIsIdempotent() {
    openReady();
    CompletableFuture<ListDatabasesResponse> pending =
        connection.send(ApiMethods.LIST_DATABASES, ListDatabasesRequest.getDefaultInstance());
    nextOutbound();

    connection.close();
    connection.close();

    assertThat(failureOf(pending))
        .isInstanceOf(NetworkException.class)
        .hasMessageContaining("closed by the client");
    assertThat(connection.closeFuture()).isCompleted();
  }

  @Test
  void unknownResponseTypeClosesTheConnection() {
    openReady();
    CompletableFuture<ListDatabasesResponse> pending =
        connection.send(ApiMethods.LIST_DATABASES, ListDatabasesRequest.getDefaultInstance());
    nextOutbound();

    inbound(new byte[] {0, 0, 0, 1, 9});

    assertThat(failureOf(pending))
        .isInstanceOf(NetworkException.class)
        .hasMessageContaining("unknown type 9");
    assertThat(connection.isClosed()).isTrue();
  }

  @Test
  void saslHandshakeAuthenticatesBeforeAnyUserRequest() throws Exception {
    open(new SaslPlainCredentials("admin", "admin-pass"));
    CompletableFuture<ListDatabasesResponse> user =
        connection.send(ApiMethods.LIST_DATABASES, ListDatabasesRequest.getDefaultInstance());
    nextOutbound(); // ApiVersions
    inbound(TestFrames.success(0, TestFrames.apiVersions(1)));

    TestFrames.Request auth = nextOutbound();
    assertThat(auth.apiKey).isEqualTo(ApiKey.AUTHENTICATE.id());
    assertThat(auth.requestId).isEqualTo(1);
    AuthenticateRequest authRequest = AuthenticateRequest.parseFrom(auth.body);
    assertThat(authRequest.getProtocol()).isEqualTo("PLAIN");
    assertThat(authRequest.getToken().toByteArray())
        .isEqualTo("\0admin\0admin-pass".getBytes(StandardCharsets.UTF_8));
    Object nothingYet = channel.readOutbound();
    assertThat(nothingYet).as("user request waits for authentication").isNull();

    inbound(
        TestFrames.success(
            1,
            AuthenticateResponse.newBuilder()
                .setChallenge(com.google.protobuf.ByteString.EMPTY)
                .build()));

    TestFrames.Request listDatabases = nextOutbound();
    assertThat(listDatabases.apiKey).isEqualTo(ApiKey.LIST_DATABASES.id());
    assertThat(listDatabases.requestId).isEqualTo(2);
    inbound(TestFrames.success(2, ListDatabasesResponse.getDefaultInstance()));
    assertThat(user.get(0, TimeUnit.SECONDS)).isNotNull();
  }

  @Test
  void authenticationFailureFailsQueuedRequestsWithoutRevealingThePassword() {
    open(new SaslPlainCredentials("admin", "s3cret-pass"));
    CompletableFuture<ListDatabasesResponse> user =
        connection.send(ApiMethods.LIST_DATABASES, ListDatabasesRequest.getDefaultInstance());
    nextOutbound();
    inbound(TestFrames.success(0, TestFrames.apiVersions(1)));
    TestFrames.Request auth = nextOutbound();

    inbound(
        TestFrames.error(
            auth.requestId, 46, "Authentication failed: Invalid username or password"));

    Throwable failure = failureOf(user);
    assertThat(failure)
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("PLAIN")
        .hasMessageContaining("admin")
        .hasMessageContaining("Invalid username or password")
        .hasMessageNotContaining("s3cret-pass");
    assertThat(failureOf(connection.ready())).isSameAs(failure);
    assertThat(connection.isClosed()).isTrue();
    assertThat(channel.isOpen()).isFalse();
  }

  @Test
  void serverOfAnotherRoleThanExpectedIsRejected() {
    open(null);
    nextOutbound();
    inbound(TestFrames.success(0, TestFrames.apiVersions(2)));

    assertThat(failureOf(connection.ready()))
        .isInstanceOf(NetworkException.class)
        .hasMessageContaining("tablet-server");
  }

  @Test
  void unreadableSuccessBodyFailsOnlyThatRequest() {
    openReady();
    CompletableFuture<DatabaseExistsResponse> future =
        connection.send(
            ApiMethods.DATABASE_EXISTS,
            DatabaseExistsRequest.newBuilder().setDatabaseName("x").build());
    TestFrames.Request r = nextOutbound();

    // An empty body lacks the required `exists` field.
    inbound(TestFrames.success(r.requestId, ListDatabasesResponse.getDefaultInstance()));

    assertThat(failureOf(future))
        .hasMessageContaining("DatabaseExists")
        .hasCauseInstanceOf(InvalidProtocolBufferException.class);
    assertThat(connection.isClosed()).isFalse();
  }

  @Test
  void sendRejectsNonPositiveTimeout() {
    openReady();
    assertThatThrownBy(
            () ->
                connection.send(
                    ApiMethods.LIST_DATABASES,
                    ListDatabasesRequest.getDefaultInstance(),
                    Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
