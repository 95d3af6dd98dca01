package io.flussjava.client.scan.internal;

import io.flussjava.client.fs.RemoteFileSystem;
import io.flussjava.client.fs.RemoteFileSystems;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes remote log segment files readable on this machine: a file on a local file system is read in
 * place, any other is downloaded on background threads into a directory of this scanner's own under
 * {@code client.scanner.io.tmpdir}. The threads and the directory are made at the first download,
 * so scanners that never meet a download cost neither; {@link #close} removes both.
 *
 * <p>How many downloads run ahead of reading is the {@link RemoteLogReader}'s business; this class
 * only runs what it is asked to.
 */
final class SegmentDownloader implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SegmentDownloader.class);
  // Close waits this long for running downloads before deleting their directory.
  private static final long CLOSE_WAIT_MILLIS = 2_000;

  private final RemoteFileSystems fileSystems;
  private final Path tmpRoot;
  private final Supplier<ExecutorService> executors;
  private ExecutorService executor;
  private Path dir;
  private volatile boolean closed;

  /**
   * @param tmpRoot where the per-scanner download directory is made
   * @param executors makes the download threads, called once at the first download
   */
  SegmentDownloader(
      RemoteFileSystems fileSystems, Path tmpRoot, Supplier<ExecutorService> executors) {
    this.fileSystems = fileSystems;
    this.tmpRoot = tmpRoot;
    this.executors = executors;
  }

  /**
   * The segment's file, readable from this machine. Completes at once for a local file, on a
   * download thread otherwise; fails with {@link NoSuchFileException} for a missing file and {@link
   * io.flussjava.client.fs.UnsupportedFileSystemException} for an unknown scheme.
   */
  CompletableFuture<SegmentFile> fetch(RemoteSegment segment) {
    try {
      URI uri = RemoteFileSystems.toUri(segment.path());
      RemoteFileSystem fs = fileSystems.forUri(uri);
      Optional<Path> local = fs.localPath(uri);
      if (local.isPresent()) {
        if (!Files.isRegularFile(local.get())) {
          throw new NoSuchFileException(local.get().toString());
        }
        return CompletableFuture.completedFuture(SegmentFile.inPlace(local.get()));
      }
      Path target = downloadDir().resolve(segment.id() + "_" + segment.startOffset() + ".log");
      return CompletableFuture.supplyAsync(() -> download(fs, uri, target), downloadThreads());
    } catch (IOException | RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private SegmentFile download(RemoteFileSystem fs, URI uri, Path target) {
    try (InputStream in = fs.open(uri)) {
      Files.copy(in, target);
    } catch (IOException e) {
      deleteQuietly(target);
      throw new UncheckedIOException(e);
    }
    SegmentFile file = SegmentFile.downloaded(target);
    if (closed) {
      file.release(); // finished after close: nobody will read it
    }
    return file;
  }

  private synchronized Path downloadDir() throws IOException {
    if (dir == null) {
      Files.createDirectories(tmpRoot);
      dir = Files.createTempDirectory(tmpRoot, "remote-log-");
    }
    return dir;
  }

  private synchronized ExecutorService downloadThreads() {
    if (executor == null) {
      executor = executors.get();
    }
    return executor;
  }

  /** Stops the download threads and deletes the download directory with what is left in it. */
  @Override
  public void close() {
    closed = true;
    ExecutorService running;
    Path downloads;
    synchronized (this) {
      running = executor;
      downloads = dir;
    }
    if (running != null) {
      running.shutdownNow();
      try {
        running.awaitTermination(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (downloads != null) {
      deleteTree(downloads);
    }
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(SegmentDownloader::deleteQuietly);
    } catch (IOException e) {
      LOG.warn("Could not delete the remote log download directory {}: {}", root, e.toString());
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      LOG.warn("Could not delete {}: {}", path, e.toString());
    }
  }
}
