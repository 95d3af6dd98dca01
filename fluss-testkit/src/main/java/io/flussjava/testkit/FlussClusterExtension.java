package io.flussjava.testkit;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension that starts one Fluss cluster per JVM, shared by every test class that uses it,
 * and closes it when the whole test run ends.
 *
 * <p>Starting a cluster costs seconds, so test classes share it instead of starting their own; they
 * must therefore not depend on a clean cluster (use unique database and table names). The cluster
 * has one tablet server (override with the system property {@value #TABLET_SERVERS_PROPERTY}), one
 * default bucket and replication factor 1.
 *
 * <p>The cluster is kept in the root {@link ExtensionContext.Store}, which JUnit closes (as an
 * {@link AutoCloseable}) after the last test. Its JVM shutdown hook covers runs where that does not
 * happen, for example when {@link #sharedCluster()} is called outside JUnit.
 */
public final class FlussClusterExtension implements BeforeAllCallback {

  /** System property: number of tablet servers of the shared cluster (default 1). */
  public static final String TABLET_SERVERS_PROPERTY = "fluss.testkit.tablet-servers";

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(FlussClusterExtension.class);
  private static final String STORE_KEY = "shared-fluss-cluster";

  private static FlussCluster shared;

  @Override
  public void beforeAll(ExtensionContext context) {
    FlussCluster cluster = sharedCluster();
    ExtensionContext.Store rootStore = context.getRoot().getStore(NAMESPACE);
    synchronized (FlussClusterExtension.class) {
      if (rootStore.get(STORE_KEY) != cluster) {
        rootStore.put(STORE_KEY, cluster);
      }
    }
  }

  /**
   * The shared cluster, started on first use. Starts a fresh one if a previous test run in this JVM
   * closed it.
   *
   * @throws FlussClusterException if it cannot be started
   */
  public static synchronized FlussCluster sharedCluster() {
    if (shared == null || !shared.isRunning()) {
      FlussCluster cluster =
          FlussCluster.builder()
              .tabletServers(Integer.getInteger(TABLET_SERVERS_PROPERTY, 1))
              .defaultBuckets(1)
              .replicationFactor(1)
              .build();
      cluster.start();
      shared = cluster;
    }
    return shared;
  }
}
