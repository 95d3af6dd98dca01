package io.flussjava.client;

import io.flussjava.config.Configuration;
import io.flussjava.testkit.FlussClusterExtension;
import io.flussjava.testkit.FlussClusterTest;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Base of the integration tests: one real cluster per test JVM (shared by every test class), one
 * connection per test class, and unique database names so that classes never see each other's data.
 */
@FlussClusterTest
public abstract class ClientTestBase {
  private static final AtomicInteger NAMES = new AtomicInteger();

  protected static Connection connection;

  @BeforeAll
  static void connect() {
    connection = Connection.create(clientConf());
  }

  @AfterAll
  static void disconnect() {
    if (connection != null) {
      connection.close();
      connection = null;
    }
  }

  /** A configuration pointing at the shared cluster. */
  protected static Configuration clientConf() {
    Configuration conf = new Configuration();
    conf.setString("bootstrap.servers", FlussClusterExtension.sharedCluster().bootstrapServers());
    conf.setString("client.request-timeout", "30s");
    return conf;
  }

  /** A name no other test used in this JVM, e.g. {@code db_3}. */
  protected static String uniqueName(String prefix) {
    return prefix + "_" + NAMES.incrementAndGet();
  }
}
