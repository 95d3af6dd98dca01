package io.flussjava.kvsnapshot;

import io.flussjava.client.fs.RemoteFileSystems;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link KvSnapshotReader} or {@link StateReader} reads: which columns, where snapshot files
 * are downloaded to, with which file systems, how often to move to a newer snapshot when the server
 * deleted the one being read, and how long the lease holding a snapshot lasts. Immutable; {@link
 * #defaults()} and the {@code with...} methods.
 */
public final class KvSnapshotReadOptions {
  private static final String[] ALL_COLUMNS = new String[0];

  private final String[] columns;
  private final Path tempDirectory;
  private final RemoteFileSystems fileSystems;
  private final int maxSnapshotAttempts;
  private final Duration leaseDuration;

  private KvSnapshotReadOptions(
      String[] columns,
      Path tempDirectory,
      RemoteFileSystems fileSystems,
      int maxAttempts,
      Duration leaseDuration) {
    this.columns = columns;
    this.tempDirectory = tempDirectory;
    this.fileSystems = fileSystems;
    this.maxSnapshotAttempts = maxAttempts;
    this.leaseDuration = leaseDuration;
  }

  /**
   * Every column; files under {@code <java.io.tmpdir>/fluss-kv-snapshot}; the installed file
   * systems; three snapshots tried per bucket; a lease of ten minutes.
   */
  public static KvSnapshotReadOptions defaults() {
    return new KvSnapshotReadOptions(
        ALL_COLUMNS,
        Path.of(System.getProperty("java.io.tmpdir"), "fluss-kv-snapshot"),
        RemoteFileSystems.installed(),
        3,
        Duration.ofMinutes(10));
  }

  /** Rows of these columns, in this order (all columns when none are named). */
  public KvSnapshotReadOptions withColumns(String... columns) {
    return new KvSnapshotReadOptions(
        columns.clone(), tempDirectory, fileSystems, maxSnapshotAttempts, leaseDuration);
  }

  /** The directory each bucket's snapshot files are downloaded into (made when missing). */
  public KvSnapshotReadOptions withTempDirectory(Path directory) {
    return new KvSnapshotReadOptions(
        columns,
        Objects.requireNonNull(directory, "directory"),
        fileSystems,
        maxSnapshotAttempts,
        leaseDuration);
  }

  /** The file systems snapshot files are read with, e.g. with an S3 one added. */
  public KvSnapshotReadOptions withFileSystems(RemoteFileSystems fileSystems) {
    return new KvSnapshotReadOptions(
        columns,
        tempDirectory,
        Objects.requireNonNull(fileSystems, "fileSystems"),
        maxSnapshotAttempts,
        leaseDuration);
  }

  /**
   * How many snapshots of one bucket to try before failing: the server deletes older snapshots as
   * it takes new ones, so the files of the one being downloaded can vanish; the next try takes the
   * latest again.
   */
  public KvSnapshotReadOptions withMaxSnapshotAttempts(int attempts) {
    if (attempts < 1) {
      throw new IllegalArgumentException("maxSnapshotAttempts must be at least 1: " + attempts);
    }
    return new KvSnapshotReadOptions(columns, tempDirectory, fileSystems, attempts, leaseDuration);
  }

  /**
   * How long the KV snapshot lease a reader holds a snapshot under while downloading it lasts: the
   * servers keep the snapshot that long at most, so make it longer than one bucket's download.
   */
  public KvSnapshotReadOptions withLeaseDuration(Duration duration) {
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("leaseDuration must be positive: " + duration);
    }
    return new KvSnapshotReadOptions(
        columns, tempDirectory, fileSystems, maxSnapshotAttempts, duration);
  }

  String[] columns() {
    return columns.clone();
  }

  Path tempDirectory() {
    return tempDirectory;
  }

  RemoteFileSystems fileSystems() {
    return fileSystems;
  }

  int maxSnapshotAttempts() {
    return maxSnapshotAttempts;
  }

  Duration leaseDuration() {
    return leaseDuration;
  }
}
