package io.flussjava.client.scan.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A remote log segment's file on this machine: a download in the scanner's temp directory, or the
 * remote file itself when its file system is local.
 */
final class SegmentFile {
  private static final Logger LOG = LoggerFactory.getLogger(SegmentFile.class);

  private final Path path;
  private final boolean downloaded;

  private SegmentFile(Path path, boolean downloaded) {
    this.path = path;
    this.downloaded = downloaded;
  }

  static SegmentFile inPlace(Path path) {
    return new SegmentFile(path, false);
  }

  static SegmentFile downloaded(Path path) {
    return new SegmentFile(path, true);
  }

  Path path() {
    return path;
  }

  /**
   * The file's bytes from {@code position} up to {@code size}, mapped read-only: decoding pages in
   * only what it reads, and a segment of any size costs no heap.
   *
   * @throws IOException if the file cannot be read or holds fewer than {@code size} bytes
   */
  ByteBuffer map(int position, int size) throws IOException {
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      long actual = channel.size();
      if (actual < size || position > size) {
        throw new IOException(
            "the file holds "
                + actual
                + " bytes, the server listed "
                + size
                + " (reading from position "
                + position
                + ")");
      }
      // A mapping outlives its channel, and on POSIX systems also the file's deletion.
      return channel.map(FileChannel.MapMode.READ_ONLY, position, size - position);
    }
  }

  /** Deletes a downloaded file (its mapping stays readable); leaves a file read in place alone. */
  void release() {
    if (!downloaded) {
      return;
    }
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // Windows refuses while the file is mapped: the scanner's close deletes its directory.
      LOG.debug("Could not delete the downloaded segment {} yet: {}", path, e.toString());
    }
  }
}
