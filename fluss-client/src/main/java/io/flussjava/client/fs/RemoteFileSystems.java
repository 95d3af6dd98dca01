package io.flussjava.client.fs;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The file systems by scheme: {@link LocalFileSystem} for {@code file:} and plain paths, plus every
 * {@link RemoteFileSystem} that {@link ServiceLoader} finds. Immutable and thread-safe.
 */
public final class RemoteFileSystems {
  private final Map<String, RemoteFileSystem> byScheme;

  private RemoteFileSystems(Map<String, RemoteFileSystem> byScheme) {
    this.byScheme = byScheme;
  }

  /** {@link #discover()}, looked up once: what scanners read tiered segments with. */
  public static RemoteFileSystems installed() {
    return Installed.INSTANCE;
  }

  // Holder idiom: the classpath is scanned once per JVM, at the first scanner, not per scanner.
  private static final class Installed {
    static final RemoteFileSystems INSTANCE = discover();
  }

  /** The built-in local file system and those found on the classpath of this class. */
  public static RemoteFileSystems discover() {
    RemoteFileSystems found = of(new LocalFileSystem());
    for (RemoteFileSystem fs : ServiceLoader.load(RemoteFileSystem.class)) {
      found = found.with(fs);
    }
    return found;
  }

  /** Exactly these file systems; a later one wins a scheme served by an earlier one. */
  public static RemoteFileSystems of(RemoteFileSystem... fileSystems) {
    RemoteFileSystems all = new RemoteFileSystems(Map.of());
    for (RemoteFileSystem fs : fileSystems) {
      all = all.with(fs);
    }
    return all;
  }

  /** These file systems and {@code fs}, which takes over the schemes it serves. */
  public RemoteFileSystems with(RemoteFileSystem fs) {
    Map<String, RemoteFileSystem> next = new TreeMap<>(byScheme);
    for (String scheme : fs.schemes()) {
      next.put(scheme.toLowerCase(Locale.ROOT), fs);
    }
    return new RemoteFileSystems(Map.copyOf(next));
  }

  /**
   * A server's path as a URI: {@code scheme://...} as is, a plain path (no scheme, as servers write
   * a local {@code remote.data.dir}) as a {@code file:} URI.
   *
   * @throws IllegalArgumentException if the path is neither
   */
  public static URI toUri(String path) {
    try {
      URI uri = new URI(path);
      if (uri.getScheme() != null && uri.getScheme().length() > 1) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // Not a URI, e.g. a path with spaces: a local path.
    }
    // A scheme of one letter is a Windows drive.
    return Path.of(path).toAbsolutePath().toUri();
  }

  /**
   * The file system serving {@code uri}.
   *
   * @throws UnsupportedFileSystemException if none serves its scheme
   */
  public RemoteFileSystem forUri(URI uri) {
    String scheme = uri.getScheme() == null ? "file" : uri.getScheme().toLowerCase(Locale.ROOT);
    RemoteFileSystem fs = byScheme.get(scheme);
    if (fs == null) {
      throw new UnsupportedFileSystemException(scheme, uri.toString(), byScheme.keySet());
    }
    return fs;
  }
}
