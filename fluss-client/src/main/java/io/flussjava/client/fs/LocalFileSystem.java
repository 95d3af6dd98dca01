package io.flussjava.client.fs;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * Files of this machine ({@code file:} URIs; {@link RemoteFileSystems} maps plain paths here too),
 * e.g. a cluster tiering to a local directory or a shared mount. Read in place, never copied.
 */
public final class LocalFileSystem implements RemoteFileSystem {

  @Override
  public Set<String> schemes() {
    return Set.of("file");
  }

  @Override
  public boolean exists(URI file) {
    return Files.isRegularFile(toPath(file));
  }

  @Override
  public InputStream open(URI file) throws IOException {
    return Files.newInputStream(toPath(file));
  }

  @Override
  public Optional<Path> localPath(URI file) {
    return Optional.of(toPath(file));
  }

  private static Path toPath(URI file) {
    return Path.of(file);
  }
}
