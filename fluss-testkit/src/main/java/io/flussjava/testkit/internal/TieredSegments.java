package io.flussjava.testkit.internal;

import io.flussjava.testkit.FlussClusterException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds a bucket's log segment files where 0.9.1 servers keep them: locally in {@code
 * <data.dir>/<db>/<table>-<tableId>/log-<bucket>/<offset>.log}, tiered in {@code
 * <remote.data.dir>/log/<db>/<table>-<tableId>/<bucket>/<segment id>/<offset>.log}, the offset
 * zero-padded to 20 digits.
 */
public final class TieredSegments {
  private static final Pattern SEGMENT_FILE = Pattern.compile("\\d{20}\\.log");
  private static final Duration POLL_INTERVAL = Duration.ofMillis(200);
  private static final Comparator<Path> BY_NAME = Comparator.comparing(Path::getFileName);

  private TieredSegments() {}

  public static List<Path> remote(Path remoteDataDir, String db, String table, int bucket) {
    Path tables = remoteDataDir.resolve("log").resolve(db);
    return segments(tables, table, String.valueOf(bucket));
  }

  public static List<Path> local(Path dataDir, String db, String table, int bucket) {
    return segments(dataDir.resolve(db), table, "log-" + bucket);
  }

  /** See {@code FlussCluster#awaitLogTiered}. */
  public static void await(
      Path remoteDataDir,
      Path dataDir,
      String db,
      String table,
      int bucket,
      int minSegments,
      Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<Path> remote = remote(remoteDataDir, db, table, bucket);
      List<Path> local = local(dataDir, db, table, bucket);
      if (remote.size() >= minSegments && !local.isEmpty() && offsetOf(local.get(0)) > 0) {
        return;
      }
      if (System.nanoTime() - deadline > 0) {
        throw new FlussClusterException(
            db
                + "."
                + table
                + " bucket "
                + bucket
                + " has "
                + remote.size()
                + " tiered segments (waited for "
                + minSegments
                + ") and local segments "
                + local.stream().map(p -> p.getFileName().toString()).toList()
                + " after "
                + timeout);
      }
      try {
        // The servers tell nobody when they tier: look at their files now and then.
        Thread.sleep(POLL_INTERVAL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new FlussClusterException("interrupted waiting for " + db + "." + table + " to tier");
      }
    }
  }

  private static long offsetOf(Path segment) {
    return Long.parseLong(segment.getFileName().toString().replace(".log", ""));
  }

  // The table's directories are named "<table>-<tableId>"; a bucket's files sit below "bucketDir".
  private static List<Path> segments(Path tablesDir, String table, String bucketDir) {
    if (!Files.isDirectory(tablesDir)) {
      return List.of();
    }
    try (Stream<Path> tableDirs = Files.list(tablesDir)) {
      List<Path> dirs =
          tableDirs
              .filter(d -> d.getFileName().toString().matches(Pattern.quote(table) + "-\\d+"))
              .map(d -> d.resolve(bucketDir))
              .filter(Files::isDirectory)
              .toList();
      return dirs.stream().flatMap(TieredSegments::segmentFiles).sorted(BY_NAME).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Stream<Path> segmentFiles(Path bucketDir) {
    try (Stream<Path> files = Files.walk(bucketDir)) {
      return files
          .filter(p -> SEGMENT_FILE.matcher(p.getFileName().toString()).matches())
          .toList()
          .stream();
    } catch (IOException | UncheckedIOException e) {
      return Stream.empty(); // the server deleted a file during the walk: the next look sees it
    }
  }
}
