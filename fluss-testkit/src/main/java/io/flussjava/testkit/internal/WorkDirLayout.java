package io.flussjava.testkit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Where a cluster keeps its config, data and logs: one temp directory per cluster, nothing shared.
 */
public final class WorkDirLayout {

  private final Path root;

  public WorkDirLayout(Path root) {
    this.root = root;
  }

  public static WorkDirLayout createTemp() {
    try {
      return new WorkDirLayout(Files.createTempDirectory("fluss-testkit-"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temp directory for the Fluss cluster", e);
    }
  }

  public Path root() {
    return root;
  }

  public Path conf() {
    return root.resolve("conf");
  }

  public Path logs() {
    return root.resolve("logs");
  }

  public Path zooKeeperData() {
    return root.resolve("zk");
  }

  public Path coordinatorData() {
    return root.resolve("data").resolve("coordinator");
  }

  public Path tabletServerData(int id) {
    return root.resolve("data").resolve("ts-" + id);
  }

  public Path remoteData() {
    return root.resolve("remote");
  }

  public Path log4jProperties() {
    return conf().resolve("log4j.properties");
  }

  public Path zooKeeperProperties() {
    return conf().resolve("zk.properties");
  }

  /** Where log4j inside the child JVM writes. */
  public Path logFile(String processName) {
    return logs().resolve(processName + ".log");
  }

  /**
   * Where the child JVM's stdout and stderr go (JVM crashes and startup errors before log4j is up).
   */
  public Path outFile(String processName) {
    return logs().resolve(processName + ".out");
  }

  /**
   * Empties the state of a previous start attempt (ZooKeeper data, server data, config) so a retry
   * with new ports does not see stale registrations. Logs are kept: they explain why the earlier
   * attempt failed.
   */
  public void resetState() {
    for (Path dir : new Path[] {conf(), zooKeeperData(), root.resolve("data"), remoteData()}) {
      deleteRecursively(dir);
    }
    for (Path dir : new Path[] {conf(), logs(), zooKeeperData(), coordinatorData(), remoteData()}) {
      createDirectories(dir);
    }
  }

  public void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir, e);
    }
  }

  /** Deletes the whole work directory; returns false if something could not be removed. */
  public boolean delete() {
    return deleteRecursively(root);
  }

  static boolean deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return true;
    }
    try {
      Files.walkFileTree(
          dir,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.deleteIfExists(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
              // A file removed concurrently (e.g. a rolled log) is fine; anything else is a real
              // failure.
              if (e instanceof NoSuchFileException) {
                return FileVisitResult.CONTINUE;
              }
              throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
              Files.deleteIfExists(d);
              return FileVisitResult.CONTINUE;
            }
          });
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
