package io.flussjava.client;

import io.flussjava.client.admin.DatabaseDescriptor;
import io.flussjava.client.admin.TableDescriptor;
import io.flussjava.client.admin.TablePath;
import io.flussjava.config.Configuration;
import io.flussjava.testkit.FlussCluster;
import io.flussjava.types.Schema;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The cluster of the tiered-storage tests: one tablet server that tiers 128 KB segments every
 * second to a directory. Started once per test JVM by the first test class that asks and shared by
 * all of them (its shutdown hook stops it when the JVM ends); tests use their own databases.
 */
final class TieredCluster {
  private static FlussCluster cluster;

  private TieredCluster() {}

  static synchronized FlussCluster get() {
    if (cluster == null || !cluster.isRunning()) {
      FlussCluster c = FlussCluster.builder().tabletServers(1).fastLogTiering("128kb").build();
      c.start();
      cluster = c;
    }
    return cluster;
  }

  /** A client configuration for the cluster, with small write batches so segments fill evenly. */
  static Configuration clientConf() {
    Configuration conf = new Configuration();
    conf.setString("bootstrap.servers", get().bootstrapServers());
    conf.setString("client.request-timeout", "30s");
    conf.setString("client.writer.batch-size", "16kb");
    return conf;
  }

  /**
   * Creates a table of one bucket that tiers fast ({@link
   * FlussCluster#FAST_TIERING_TABLE_PROPERTIES} and {@code properties}), and its database if
   * needed.
   */
  static Table createTable(
      Connection connection, TablePath path, Schema schema, Map<String, String> properties) {
    connection.getAdmin().createDatabase(path.getDatabaseName(), DatabaseDescriptor.EMPTY, true);
    connection
        .getAdmin()
        .createTable(
            path,
            TableDescriptor.builder()
                .schema(schema)
                .distributedBy(1)
                .properties(FlussCluster.FAST_TIERING_TABLE_PROPERTIES)
                .properties(properties)
                .build(),
            false);
    return connection.getTable(path);
  }

  /** The tiered segment files of bucket 0 of a table, oldest first. */
  static List<Path> remoteSegments(TablePath table) {
    return get().remoteLogSegments(table.getDatabaseName(), table.getTableName(), 0);
  }

  /**
   * Waits until bucket 0 of a table has at least {@code min} tiered segments and its offset 0 is
   * gone from the tablet server's disk, so that reading from the beginning must go to remote
   * storage.
   */
  static void awaitTiered(TablePath table, int min) {
    get()
        .awaitLogTiered(
            0, table.getDatabaseName(), table.getTableName(), 0, min, Duration.ofMinutes(2));
  }
}
