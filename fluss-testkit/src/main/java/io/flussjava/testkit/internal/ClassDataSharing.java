package io.flussjava.testkit.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;

/**
 * AppCDS archives for the server JVMs, which cut their startup by roughly a third (class loading
 * and verification of the 85 MB fat jar dominate it).
 *
 * <p>The first cluster on a machine runs each kind of server with {@code -XX:ArchiveClassesAtExit}
 * into a private temp file; when that server exits by itself the archive is moved into the cache
 * under a key of JDK and classpath. Later servers start with {@code -XX:SharedArchiveFile}. If the
 * JDK or a jar changes, the key changes; if an archive is stale anyway, {@code -Xshare:auto} makes
 * the JVM ignore it. Disable with {@code -Dfluss.testkit.cds=false}.
 */
public final class ClassDataSharing {

  /** System property; {@code false} turns archives off. */
  public static final String ENABLED_PROPERTY = "fluss.testkit.cds";

  /** What one server JVM should do with archives. */
  public static final class Plan {
    private final List<String> jvmOptions;
    private final Path pendingArchive;
    private final Path finalArchive;

    private Plan(List<String> jvmOptions, Path pendingArchive, Path finalArchive) {
      this.jvmOptions = jvmOptions;
      this.pendingArchive = pendingArchive;
      this.finalArchive = finalArchive;
    }

    static Plan none() {
      return new Plan(List.of(), null, null);
    }

    public List<String> jvmOptions() {
      return jvmOptions;
    }

    /**
     * Publishes the archive the JVM wrote at exit. Call only after the process exited on its own
     * (not killed), because only then is the archive complete.
     */
    public void publishAfterCleanExit() {
      if (pendingArchive == null || !Files.isRegularFile(pendingArchive)) {
        return;
      }
      try {
        if (!Files.exists(finalArchive) && Files.size(pendingArchive) > 0) {
          try {
            Files.move(pendingArchive, finalArchive, StandardCopyOption.ATOMIC_MOVE);
          } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
            // Another cluster published first, or the file system cannot move atomically; either
            // way
            // leave the final name alone rather than risk a half-copied archive.
          }
        }
      } catch (IOException e) {
        // A missing archive only costs startup time next run.
      } finally {
        discardPending();
      }
    }

    /**
     * Removes an archive that may be incomplete (the process was killed, or is being restarted).
     */
    public void discardPending() {
      if (pendingArchive != null) {
        try {
          Files.deleteIfExists(pendingArchive);
        } catch (IOException e) {
          // Leftover temp files are harmless; the cache may be deleted at any time.
        }
      }
    }
  }

  private ClassDataSharing() {}

  /**
   * The archive options for a server of {@code kind} (zookeeper, coordinator, tablet) with {@code
   * classpath}.
   *
   * @param cacheDir the shared cache, or null to disable archives
   */
  public static Plan plan(Path cacheDir, String kind, List<Path> classpath) {
    if (cacheDir == null || "false".equalsIgnoreCase(System.getProperty(ENABLED_PROPERTY))) {
      return Plan.none();
    }
    try {
      Path dir = cacheDir.resolve("cds");
      Files.createDirectories(dir);
      Path archive = dir.resolve(kind + "-" + key(classpath) + ".jsa");
      if (Files.isRegularFile(archive)) {
        return new Plan(List.of("-XX:SharedArchiveFile=" + archive), null, null);
      }
      Path pending = dir.resolve(kind + "-" + UUID.randomUUID() + ".jsa.tmp");
      return new Plan(List.of("-XX:ArchiveClassesAtExit=" + pending), pending, archive);
    } catch (IOException e) {
      return Plan.none();
    }
  }

  /**
   * Identifies the JDK build and the exact jars (path, size, modification time) an archive is valid
   * for.
   */
  static String key(List<Path> classpath) throws IOException {
    StringBuilder identity =
        new StringBuilder()
            .append(System.getProperty("java.home"))
            .append('\n')
            .append(System.getProperty("java.vm.version"))
            .append('\n');
    for (Path entry : classpath) {
      Path jar = entry.toAbsolutePath();
      identity
          .append(jar)
          .append(' ')
          .append(Files.size(jar))
          .append(' ')
          .append(Files.getLastModifiedTime(jar).toMillis())
          .append('\n');
    }
    return ExitWithParentJar.shortHash(identity.toString().getBytes(StandardCharsets.UTF_8));
  }
}
