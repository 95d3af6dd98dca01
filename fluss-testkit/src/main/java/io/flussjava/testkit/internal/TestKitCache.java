package io.flussjava.testkit.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;

/**
 * A per-user directory for files that outlive one cluster and are shared by all of them: the {@link
 * ExitWithParent} jar and class-data-sharing archives. Everything in it can be deleted at any time;
 * it is rebuilt on demand.
 */
public final class TestKitCache {

  /** System property overriding the cache directory (default {@code ~/.cache/fluss-testkit}). */
  public static final String CACHE_DIR_PROPERTY = "fluss.testkit.cache-dir";

  private TestKitCache() {}

  /** The cache directory, created if needed, or empty when no writable location exists. */
  public static Optional<Path> directory() {
    String configured = System.getProperty(CACHE_DIR_PROPERTY);
    Path dir =
        configured != null && !configured.isBlank()
            ? Paths.get(configured)
            : Paths.get(System.getProperty("user.home"), ".cache", "fluss-testkit");
    try {
      Files.createDirectories(dir);
      return Files.isWritable(dir) ? Optional.of(dir) : Optional.empty();
    } catch (IOException | SecurityException e) {
      return Optional.empty();
    }
  }
}
