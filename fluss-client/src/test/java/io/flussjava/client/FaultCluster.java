package io.flussjava.client;

import io.flussjava.config.Configuration;
import io.flussjava.testkit.FaultProxy;
import io.flussjava.testkit.FlussCluster;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The one cluster of the fault tests, started once per test JVM and shared by every class that uses
 * this extension: 3 tablet servers, replication 3, a {@link FaultProxy} in front of every server.
 * JUnit closes it after the last test (it sits in the root store). Tests must put every proxy back
 * to normal ({@link #clearFaults()}) and use their own databases.
 */
public final class FaultCluster implements BeforeAllCallback {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(FaultCluster.class);
  private static FlussCluster shared;

  @Override
  public void beforeAll(ExtensionContext context) {
    FlussCluster cluster = cluster();
    ExtensionContext.Store root = context.getRoot().getStore(NAMESPACE);
    synchronized (FaultCluster.class) {
      if (root.get("cluster") != cluster) {
        root.put("cluster", cluster);
      }
    }
  }

  public static synchronized FlussCluster cluster() {
    if (shared == null || !shared.isRunning()) {
      FlussCluster c =
          FlussCluster.builder()
              .tabletServers(3)
              .defaultBuckets(3)
              .replicationFactor(3)
              .tabletServerHeap("512m")
              .faultProxies()
              .build();
      c.start();
      shared = c;
    }
    return shared;
  }

  /**
   * A client configuration for the fault tests: short request timeout (lost answers are found out
   * in seconds), small batches sent quickly.
   */
  public static Configuration clientConf() {
    Configuration conf = new Configuration();
    conf.setString("bootstrap.servers", cluster().bootstrapServers());
    conf.setString("client.request-timeout", "3s");
    conf.setString("client.writer.delivery-timeout", "120s");
    conf.setString("client.writer.batch-timeout", "5ms");
    return conf;
  }

  /** Every proxy back to normal. */
  public static void clearFaults() {
    FlussCluster c = cluster();
    c.coordinatorProxy().clear();
    for (int id = 0; id < c.tabletServerCount(); id++) {
      c.tabletServerProxy(id).clear();
    }
  }
}
