package io.flussjava.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flussjava.client.admin.DatabaseDescriptor;
import io.flussjava.client.admin.TableDescriptor;
import io.flussjava.client.admin.TablePath;
import io.flussjava.client.lookup.Lookuper;
import io.flussjava.client.scan.LogScanner;
import io.flussjava.client.write.AppendWriter;
import io.flussjava.client.write.UpsertWriter;
import io.flussjava.config.Configuration;
import io.flussjava.exception.AuthenticationException;
import io.flussjava.testkit.FlussCluster;
import io.flussjava.types.DataTypes;
import io.flussjava.types.Schema;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SASL/PLAIN against a cluster whose client listener requires it. */
class SaslITCase {
  private static final String SECRET = "alice-s3cret-pw";
  private static FlussCluster cluster;

  @BeforeAll
  static void startSaslCluster() {
    cluster = FlussCluster.builder().sasl(Map.of("admin", "admin-pass", "alice", SECRET)).build();
    cluster.start();
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  private static Configuration conf(String user, String password) {
    Configuration conf = new Configuration();
    conf.setString("bootstrap.servers", cluster.bootstrapServers());
    conf.setString("client.request-timeout", "10s");
    if (user != null) {
      conf.setString("client.security.protocol", "sasl");
      conf.setString("client.security.sasl.mechanism", "PLAIN");
      conf.setString("client.security.sasl.username", user);
      conf.setString("client.security.sasl.password", password);
    }
    return conf;
  }

  @Test
  void theRightUserCanAdministerWriteScanAndLookUp() {
    try (Connection c = Connection.create(conf("alice", SECRET))) {
      c.getAdmin().createDatabase("sasl_db", DatabaseDescriptor.EMPTY, true);
      TablePath logPath = TablePath.of("sasl_db", "events");
      TablePath pkPath = TablePath.of("sasl_db", "users");
      Schema log =
          Schema.newBuilder().column("id", DataTypes.INT()).column("e", DataTypes.STRING()).build();
      Schema pk =
          Schema.newBuilder()
              .column("id", DataTypes.INT())
              .column("n", DataTypes.STRING())
              .primaryKey("id")
              .build();
      c.getAdmin()
          .createTable(
              logPath, TableDescriptor.builder().schema(log).distributedBy(1).build(), true);
      c.getAdmin()
          .createTable(pkPath, TableDescriptor.builder().schema(pk).distributedBy(1).build(), true);

      try (AppendWriter w = c.getTable(logPath).newAppend().createWriter()) {
        w.append(1, "login");
      }
      try (UpsertWriter w = c.getTable(pkPath).newUpsert().createWriter()) {
        w.upsert(7, "seven");
      }
      try (LogScanner s = c.getTable(logPath).newScan().createLogScanner()) {
        assertThat(LogTableITCase.scanAll(s, 1, 1))
            .extracting(r -> r.getValue(1))
            .containsExactly("login");
      }
      try (Lookuper l = c.getTable(pkPath).newLookup().createLookuper()) {
        assertThat(l.lookup(7)).containsExactly(7, "seven");
      }
    }
  }

  @Test
  void aWrongPasswordFailsFastNamingTheMechanismAndNeverShowsThePassword() {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    long start = System.nanoTime();
    try {
      Configuration wrong = conf("alice", "not-" + SECRET);
      assertThat(wrong.toString()).doesNotContain(SECRET);
      assertThatThrownBy(() -> Connection.create(wrong))
          .isInstanceOf(AuthenticationException.class)
          .hasMessageContaining("PLAIN")
          .hasMessageContaining("alice")
          .satisfies(
              e -> assertThat(fullText(e)).doesNotContain(SECRET).doesNotContain("not-" + SECRET));
    } finally {
      System.setErr(original);
    }
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain(SECRET);
  }

  @Test
  void aClientWithoutCredentialsIsRefused() {
    assertThatThrownBy(() -> Connection.create(conf(null, null)))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("AUTHENTICATE_EXCEPTION");
  }

  private static String fullText(Throwable t) {
    StringBuilder sb = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause()) {
      sb.append(c).append('\n');
      for (Throwable s : c.getSuppressed()) {
        sb.append(s).append('\n');
      }
    }
    return sb.toString();
  }
}
