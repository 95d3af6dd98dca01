package io.flussjava.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flussjava.config.Configuration;
import io.flussjava.exception.InvalidConfigException;
import io.flussjava.exception.NetworkException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Opening and closing connections, and what a user sees when the configuration or the address is
 * wrong.
 */
class ConnectionITCase extends ClientTestBase {

  @Test
  void connectsListsAndClosesCleanly() {
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    try (Connection c = Connection.create(clientConf())) {
      assertThat(c.getAdmin().listDatabases()).contains("fluss");
    }
    // Closing must not leave client threads behind.
    assertThat(
            Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && t.isAlive())
                .filter(t -> t.getName().startsWith("fluss-"))
                .map(Thread::getName))
        .isEmpty();
  }

  @Test
  void unknownKeyIsRejectedWithASuggestion() {
    Configuration conf = clientConf();
    conf.setString("client.request-timout", "10s");
    assertThatThrownBy(() -> Connection.create(conf))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("client.request-timout")
        .hasMessageContaining("did you mean 'client.request-timeout'");
  }

  @Test
  void badValueNamesKeyAndExpectedForm() {
    Configuration conf = clientConf();
    conf.setString("client.request-timeout", "soon");
    assertThatThrownBy(() -> Connection.create(conf))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("'soon'")
        .hasMessageContaining("client.request-timeout")
        .hasMessageContaining("duration");
  }

  @Test
  void missingBootstrapServersIsAConfigError() {
    assertThatThrownBy(() -> Connection.create(new Configuration()))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("bootstrap.servers");
  }

  @Test
  void unreachableServerFailsFastAndClearly() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    Configuration conf = new Configuration();
    conf.setString("bootstrap.servers", "localhost:" + closedPort);
    conf.setString("client.request-timeout", "5s");
    long start = System.nanoTime();
    assertThatThrownBy(() -> Connection.create(conf))
        .isInstanceOf(NetworkException.class)
        .hasMessageContaining("localhost:" + closedPort)
        .hasMessageContaining("bootstrap.servers");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void closedConnectionRejectsUse() {
    Connection c = Connection.create(clientConf());
    c.close();
    c.close(); // idempotent
    assertThatThrownBy(c::getAdmin)
        .isInstanceOf(io.flussjava.exception.ClosedException.class)
        .hasMessage("this Connection is closed");
  }

  @Test
  void handlesOfAClosedConnectionFailTypedAndAtOnce() {
    Connection c = Connection.create(clientConf());
    io.flussjava.client.admin.Admin admin = c.getAdmin();
    String db = "closed_conn_db";
    admin.createDatabase(db, io.flussjava.client.admin.DatabaseDescriptor.EMPTY, true);
    c.close();
    long start = System.nanoTime();
    assertThatThrownBy(admin::listDatabases)
        .isInstanceOf(io.flussjava.exception.ClosedException.class)
        .hasMessageContaining("Connection");
    assertThatThrownBy(() -> admin.databaseExistsAsync(db).join())
        .hasCauseInstanceOf(io.flussjava.exception.ClosedException.class);
    assertThatThrownBy(() -> c.getTable(db + ".t"))
        .isInstanceOf(io.flussjava.exception.ClosedException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    admin.close();
    admin.close();
  }

  @Test
  void adminFuturesCompleteOffTheNetworkThreads() throws Exception {
    try (Connection c = Connection.create(clientConf())) {
      String thread =
          c.getAdmin()
              .listDatabasesAsync()
              .thenApply(dbs -> Thread.currentThread().getName())
              .get(30, java.util.concurrent.TimeUnit.SECONDS);
      // The caller's own thread runs it only if the answer came before thenApply was attached.
      assertThat(thread)
          .satisfiesAnyOf(
              t -> assertThat(t).startsWith("fluss-client-callbacks"),
              t -> assertThat(t).isEqualTo(Thread.currentThread().getName()))
          .doesNotStartWith("fluss-netty");
    }
  }
}
