package io.flussjava.kvsnapshot;

import io.flussjava.client.Connection;
import io.flussjava.config.Configuration;
import io.flussjava.testkit.FlussCluster;

/**
 * The cluster of this module's integration tests: one tablet server with remote storage (the test
 * kit's default directory) that snapshots KV every second. Started once per test JVM by the first
 * test class that asks and shared by all of them (its shutdown hook stops it when the JVM ends);
 * tests use their own databases.
 */
final class SnapshotCluster {
  private static FlussCluster cluster;

  private SnapshotCluster() {}

  static synchronized FlussCluster get() {
    if (cluster == null || !cluster.isRunning()) {
      FlussCluster c = FlussCluster.builder().tabletServers(1).fastLogTiering().build();
      c.start();
      cluster = c;
    }
    return cluster;
  }

  static Connection connect() {
    Configuration conf = new Configuration();
    conf.setString("bootstrap.servers", get().bootstrapServers());
    conf.setString("client.request-timeout", "30s");
    return Connection.create(conf);
  }
}
