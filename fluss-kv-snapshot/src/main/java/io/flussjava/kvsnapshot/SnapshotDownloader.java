package io.flussjava.kvsnapshot;

import io.flussjava.client.admin.KvSnapshotFile;
import io.flussjava.client.admin.KvSnapshotMetadata;
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
import java.util.stream.Stream;

/**
 * Copies the files of one KV snapshot into a fresh local directory, each under the name the server
 * restores it with, so that the directory is the RocksDB database of the snapshot. Files are copied
 * even when the remote storage is a local path: the server deletes a snapshot's files once newer
 * snapshots replace it, and RocksDB must not lose them while the reader has them open.
 */
final class SnapshotDownloader {
  private final RemoteFileSystems fileSystems;
  private final Path baseDirectory;

  SnapshotDownloader(RemoteFileSystems fileSystems, Path baseDirectory) {
    this.fileSystems = fileSystems;
    this.baseDirectory = baseDirectory;
  }

  /**
   * A new directory under the base holding every file of the snapshot; deleted again when a file
   * cannot be had.
   *
   * @throws NoSuchFileException if a file is gone from remote storage (a newer snapshot may have
   *     replaced the snapshot)
   * @throws IOException if a file cannot be read or written
   */
  Path download(KvSnapshotMetadata snapshot) throws IOException {
    Files.createDirectories(baseDirectory);
    Path dir =
        Files.createTempDirectory(
            baseDirectory,
            "bucket-" + snapshot.bucket().bucket() + "-" + snapshot.snapshotId() + "-");
    try {
      for (KvSnapshotFile file : snapshot.files()) {
        copy(file, dir);
      }
      return dir;
    } catch (IOException | RuntimeException e) {
      deleteQuietly(dir);
      throw e;
    }
  }

  private void copy(KvSnapshotFile file, Path dir) throws IOException {
    Path target = dir.resolve(file.localFileName()).normalize();
    if (!target.getParent().equals(dir)) {
      // A name with separators or ".." would escape the directory; servers never send one.
      throw new IOException("snapshot file name " + file.localFileName() + " is not a plain name");
    }
    URI uri = RemoteFileSystems.toUri(file.remotePath());
    RemoteFileSystem fs = fileSystems.forUri(uri);
    Optional<Path> local = fs.localPath(uri);
    if (local.isPresent()) {
      Files.copy(local.get(), target);
      return;
    }
    try (InputStream in = fs.open(uri)) {
      Files.copy(in, target);
    }
  }

  /** Deletes a directory this downloader made, with its files; failures are ignored. */
  static void deleteQuietly(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(SnapshotDownloader::deleteOne);
    } catch (IOException | UncheckedIOException e) {
      // Best effort: a temp directory left behind is no reason to fail the reader.
    }
  }

  private static void deleteOne(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
