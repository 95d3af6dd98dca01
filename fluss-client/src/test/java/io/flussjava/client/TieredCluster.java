package io.flussjava.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.flussjava.client.admin.TablePath;
import io.flussjava.config.Configuration;
import io.flussjava.testkit.FlussCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

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

  /** The tiered segment files of bucket 0 of a table, oldest first. */
  static List<Path> remoteSegments(TablePath table) {
    return logFiles(get().remoteDataDir(), table);
  }

  /** The local segment files of bucket 0 of a table, oldest first. */
  static List<Path> localSegments(TablePath table) {
    return logFiles(get().tabletServerDataDir(0), table);
  }

  /**
   * Waits until a table has at least {@code min} tiered segments and its first offset is gone from
   * the tablet server's disk, so that reading from the beginning must go to remote storage.
   */
  static void awaitTiered(TablePath table, int min) {
    await(
        "at least " + min + " tiered segments of " + table + " and offset 0 deleted locally",
        () -> {
          try {
            List<Path> local = localSegments(table);
            return remoteSegments(table).size() >= min
                && !local.isEmpty()
                && !local.get(0).getFileName().toString().equals("00000000000000000000.log");
          } catch (UncheckedIOException e) {
            return false; // a file went away while the directory was walked: look again
          }
        });
  }

  private static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime() - deadline).as("timed out waiting for " + what).isNegative();
      try {
        Thread.sleep(200); // polling the servers' files: nothing to be notified by
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what, e);
      }
    }
  }

  // Local: <data>/<db>/<table>-<id>/log-0/<offset>.log; remote: <remote>/log/<db>/<table>-<id>/0/
  // <segment id>/<offset>.log. Both hold "<db>/<table>-" and end in a 20-digit offset.
  private static List<Path> logFiles(Path root, TablePath table) {
    String marker = "/" + table.getDatabaseName() + "/" + table.getTableName() + "-";
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(p -> p.toString().contains(marker))
          .filter(p -> p.getFileName().toString().matches("\\d{20}\\.log"))
          .sorted((a, b) -> a.getFileName().compareTo(b.getFileName()))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
