package io.flussjava.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flussjava.config.Configuration;
import io.flussjava.exception.NetworkException;
import io.flussjava.exception.TimeoutException;
import io.flussjava.rpc.protocol.DatabaseExistsRequest;
import io.flussjava.rpc.protocol.DatabaseExistsResponse;
import io.flussjava.rpc.protocol.ListDatabasesRequest;
import io.flussjava.rpc.protocol.ListDatabasesResponse;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The client over real loopback sockets, against a tiny fake server. */
@Timeout(30)
class RpcClientTest {
  private RpcClient client;

  @AfterEach
  void tearDown() {
    if (client != null) {
      client.close();
    }
  }

  private static RpcClient newClient(String requestTimeout) {
    Configuration conf = new Configuration();
    conf.setString("client.id", "test");
    conf.setString("client.request-timeout", requestTimeout);
    return new RpcClient(conf);
  }

  private static Throwable failureOf(CompletableFuture<?> future) throws Exception {
    try {
      future.get(10, TimeUnit.SECONDS);
      throw new AssertionError("expected a failure");
    } catch (ExecutionException e) {
      return e.getCause();
    }
  }

  @Test
  void connectionRefusedFailsQuicklyWithNetworkException() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    client = newClient("20s");
    long start = System.nanoTime();

    Throwable failure =
        failureOf(
            client
                .connection(new InetSocketAddress("localhost", closedPort))
                .send(ApiMethods.LIST_DATABASES, ListDatabasesRequest.getDefaultInstance()));

    assertThat(failure)
        .isInstanceOf(NetworkException.class)
        .hasMessageContaining("Cannot connect to localhost:" + closedPort)
        .hasMessageContaining("Connection refused")
        .hasMessageContaining("bootstrap.servers");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void unansweredRequestTimesOut() throws Exception {
    try (FakeServer server = new FakeServer(FakeServer.answeringApiVersionsOnly())) {
      client = newClient("30s");
      ServerConnection connection = client.connection(server.address());

      Throwable failure =
          failureOf(
              connection.send(
                  ApiMethods.LIST_DATABASES,
                  ListDatabasesRequest.getDefaultInstance(),
                  Duration.ofMillis(200)));

      assertThat(failure)
          .isInstanceOf(TimeoutException.class)
          .hasMessageContaining("ListDatabases")
          .hasMessageContaining(server.address().getPort() + "")
          .hasMessageContaining("200 ms");
      assertThat(connection.isClosed()).isFalse();
    }
  }

  @Test
  void handshakeTimeoutUsesTheDefaultRequestTimeout() throws Exception {
    try (FakeServer silent = new FakeServer(null)) {
      client = newClient("300ms");
      long start = System.nanoTime();

      Throwable failure =
          failureOf(
              client
                  .connection(silent.address())
                  .send(ApiMethods.LIST_DATABASES, ListDatabasesRequest.getDefaultInstance()));

      assertThat(failure).isInstanceOf(TimeoutException.class).hasMessageContaining("300 ms");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
  }

  @Test
  void pipelinedResponsesArrivingOutOfOrderReachTheirCallers() throws Exception {
    try (FakeServer server = new FakeServer(FakeServer.answeringApiVersionsOnly())) {
      client = newClient("10s");
      ServerConnection connection = client.connection(server.address());
      CompletableFuture<DatabaseExistsResponse> yes =
          connection.send(
              ApiMethods.DATABASE_EXISTS,
              DatabaseExistsRequest.newBuilder().setDatabaseName("yes").build());
      CompletableFuture<DatabaseExistsResponse> no =
          connection.send(
              ApiMethods.DATABASE_EXISTS,
              DatabaseExistsRequest.newBuilder().setDatabaseName("no").build());
      TestFrames.Request first = server.nextRequest();
      TestFrames.Request second = server.nextRequest();
      assertThat(first.requestId).isNotEqualTo(second.requestId);

      for (TestFrames.Request r : new TestFrames.Request[] {second, first}) {
        boolean exists = DatabaseExistsRequest.parseFrom(r.body).getDatabaseName().equals("yes");
        server.send(
            TestFrames.success(
                r.requestId, DatabaseExistsResponse.newBuilder().setExists(exists).build()));
      }

      assertThat(yes.get(5, TimeUnit.SECONDS).getExists()).isTrue();
      assertThat(no.get(5, TimeUnit.SECONDS).getExists()).isFalse();
    }
  }

  @Test
  void oneConnectionPerAddressReplacedAfterItCloses() throws Exception {
    try (FakeServer server = new FakeServer(FakeServer.answeringApiVersionsOnly())) {
      client = newClient("10s");
      ServerConnection first = client.connection(server.address());
      ServerNode sameServer =
          new ServerNode(0, "127.0.0.1", server.address().getPort(), ServerType.COORDINATOR);
      assertThat(client.connection(sameServer)).isSameAs(first);
      assertThat(first.ready().get(5, TimeUnit.SECONDS)).isEqualTo(ServerType.COORDINATOR);

      CompletableFuture<ListDatabasesResponse> inFlight =
          first.send(ApiMethods.LIST_DATABASES, ListDatabasesRequest.getDefaultInstance());
      server.nextRequest();
      server.dropConnections();

      assertThat(failureOf(inFlight))
          .isInstanceOf(NetworkException.class)
          .hasMessageContaining("closed with 1 requests in flight");
      assertThat(first.isClosed()).isTrue();
      ServerConnection second = client.connection(server.address());
      assertThat(second).isNotSameAs(first);
      assertThat(second.ready().get(5, TimeUnit.SECONDS)).isEqualTo(ServerType.COORDINATOR);
    }
  }

  @Test
  void closeFailsPendingRequestsStopsThreadsAndRejectsNewWork() throws Exception {
    try (FakeServer server = new FakeServer(FakeServer.answeringApiVersionsOnly())) {
      client = newClient("10s");
      ServerConnection connection = client.connection(server.address());
      CompletableFuture<ListDatabasesResponse> pending =
          connection.send(ApiMethods.LIST_DATABASES, ListDatabasesRequest.getDefaultInstance());
      server.nextRequest();
      assertThat(networkThreads()).isPositive();

      client.close();
      client.close();

      assertThat(failureOf(pending))
          .isInstanceOf(io.flussjava.exception.ClosedException.class)
          .hasMessageContaining("Connection was closed");
      assertThat(networkThreads())
          .isZero(); // close joins its threads: none may be left when it returns
      assertThat(client.isClosed()).isTrue();
      assertThatThrownBy(() -> client.connection(server.address()))
          .isInstanceOf(io.flussjava.exception.ClosedException.class)
          .hasMessageContaining("closed");
      assertThat(
              failureOf(
                  connection.send(
                      ApiMethods.LIST_DATABASES, ListDatabasesRequest.getDefaultInstance())))
          .isInstanceOf(io.flussjava.exception.ClosedException.class)
          .hasMessageContaining("closed");
    }
  }

  @Test
  void networkThreadsAreNamedAfterTheClientAndAreDaemons() throws Exception {
    try (FakeServer server = new FakeServer(FakeServer.answeringApiVersionsOnly())) {
      client = newClient("10s");
      client.connection(server.address()).ready().get(5, TimeUnit.SECONDS);

      assertThat(Thread.getAllStackTraces().keySet())
          .filteredOn(t -> t.getName().startsWith("fluss-netty-test-"))
          .isNotEmpty()
          .allMatch(Thread::isDaemon);
    }
  }

  private static final FakeServer.Responder ANSWER_EVERYTHING =
      (request, server) -> {
        if (request.apiKey == ApiKey.API_VERSIONS.id()) {
          server.send(TestFrames.success(request.requestId, TestFrames.apiVersions(1)));
        } else {
          server.send(
              TestFrames.success(
                  request.requestId, DatabaseExistsResponse.newBuilder().setExists(true).build()));
        }
      };

  @Test
  void concurrentSendersOnOneConnectionAllGetTheirAnswers() throws Exception {
    try (FakeServer server = new FakeServer(ANSWER_EVERYTHING)) {
      client = newClient("10s");
      ServerConnection connection = client.connection(server.address());
      DatabaseExistsRequest request =
          DatabaseExistsRequest.newBuilder().setDatabaseName("db").build();
      java.util.List<CompletableFuture<DatabaseExistsResponse>> futures =
          java.util.Collections.synchronizedList(new java.util.ArrayList<>());
      Thread[] senders = new Thread[8];
      for (int t = 0; t < senders.length; t++) {
        senders[t] =
            new Thread(
                () -> {
                  for (int i = 0; i < 1000; i++) {
                    futures.add(connection.send(ApiMethods.DATABASE_EXISTS, request));
                  }
                });
        senders[t].start();
      }
      for (Thread sender : senders) {
        sender.join();
      }

      CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0]))
          .get(20, TimeUnit.SECONDS);
      assertThat(futures).hasSize(8000).allMatch(f -> f.join().getExists());
      assertThat(server.connectionCount()).isEqualTo(1);
    }
  }

  @Test
  void closingWhileOthersSendLeavesNoFutureHanging() throws Exception {
    try (FakeServer server = new FakeServer(ANSWER_EVERYTHING)) {
      client = newClient("30s");
      ServerConnection connection = client.connection(server.address());
      DatabaseExistsRequest request =
          DatabaseExistsRequest.newBuilder().setDatabaseName("db").build();
      java.util.List<CompletableFuture<DatabaseExistsResponse>> futures =
          java.util.Collections.synchronizedList(new java.util.ArrayList<>());
      java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(4);
      Thread[] senders = new Thread[4];
      for (int t = 0; t < senders.length; t++) {
        senders[t] =
            new Thread(
                () -> {
                  started.countDown();
                  for (int i = 0; i < 5000; i++) {
                    futures.add(connection.send(ApiMethods.DATABASE_EXISTS, request));
                  }
                });
        senders[t].start();
      }
      started.await();
      client.close();
      for (Thread sender : senders) {
        sender.join();
      }

      // Every future completes well before the 30 s request timeout: answered, or failed by the
      // close.
      CompletableFuture<?> all =
          CompletableFuture.allOf(
              futures.stream()
                  .map(f -> f.handle((r, e) -> null))
                  .toArray(CompletableFuture<?>[]::new));
      all.get(5, TimeUnit.SECONDS);
      assertThat(futures)
          .filteredOn(CompletableFuture::isCompletedExceptionally)
          .allSatisfy(
              f ->
                  assertThat(failureOf(f))
                      .isInstanceOf(io.flussjava.exception.ClosedException.class));
    }
  }

  private static long networkThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("fluss-netty-test-") && t.isAlive())
        .count();
  }
}
