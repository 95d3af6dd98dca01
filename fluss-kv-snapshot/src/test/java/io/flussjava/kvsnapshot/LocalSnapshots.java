package io.flussjava.kvsnapshot;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.flussjava.client.TableBucket;
import io.flussjava.client.admin.KvSnapshotFile;
import io.flussjava.client.admin.KvSnapshotMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.rocksdb.Checkpoint;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/**
 * KV snapshots made on the local disk the way a tablet server makes them: a RocksDB checkpoint of a
 * database, whose files stand in for the remote ones (remote path = the file's absolute path).
 */
final class LocalSnapshots {
  static {
    RocksDB.loadLibrary();
  }

  private LocalSnapshots() {}

  /**
   * A checkpoint in {@code dir} of a database that got {@code puts} (a null value deletes the key),
   * in order.
   */
  static Path checkpoint(Path dir, List<Map.Entry<String, String>> puts) {
    Path db = dir.resolve("db");
    Path checkpoint = dir.resolve("checkpoint");
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    try (Options options = new Options().setCreateIfMissing(true);
        RocksDB rocks = RocksDB.open(options, db.toString())) {
      for (Map.Entry<String, String> put : puts) {
        if (put.getValue() == null) {
          rocks.delete(put.getKey().getBytes(UTF_8));
        } else {
          rocks.put(put.getKey().getBytes(UTF_8), put.getValue().getBytes(UTF_8));
        }
      }
      try (Checkpoint cp = Checkpoint.create(rocks)) {
        cp.createCheckpoint(checkpoint.toString());
      }
      return checkpoint;
    } catch (RocksDBException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The snapshot of the files in {@code checkpoint}, each restored under its own name. */
  static KvSnapshotMetadata metadata(
      TableBucket bucket, long snapshotId, long logOffset, Path checkpoint) {
    try (Stream<Path> files = Files.list(checkpoint)) {
      List<KvSnapshotFile> list =
          files
              .map(
                  f ->
                      new KvSnapshotFile(f.toAbsolutePath().toString(), f.getFileName().toString()))
              .toList();
      return new KvSnapshotMetadata(bucket, snapshotId, logOffset, list);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static String text(byte[] value) {
    return new String(value, UTF_8);
  }
}
