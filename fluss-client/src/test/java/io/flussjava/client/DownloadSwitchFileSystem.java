package io.flussjava.client;

import io.flussjava.client.fs.LocalFileSystem;
import io.flussjava.client.fs.RemoteFileSystem;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The local file system, found through {@code META-INF/services} in this module's tests (so it also
 * proves that discovery works), with a switch that makes scanners download tiered segments as from
 * an object store instead of reading them in place: the download path then runs against the real
 * cluster. Off unless a test turns it on.
 */
public final class DownloadSwitchFileSystem implements RemoteFileSystem {
  static volatile boolean download;
  static final AtomicInteger OPENED = new AtomicInteger();

  private final LocalFileSystem local = new LocalFileSystem();

  @Override
  public Set<String> schemes() {
    return local.schemes();
  }

  @Override
  public boolean exists(URI file) {
    return local.exists(file);
  }

  @Override
  public InputStream open(URI file) throws IOException {
    OPENED.incrementAndGet();
    return local.open(file);
  }

  @Override
  public Optional<Path> localPath(URI file) {
    return download ? Optional.empty() : local.localPath(file);
  }
}
