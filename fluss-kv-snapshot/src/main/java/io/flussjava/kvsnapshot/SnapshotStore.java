package io.flussjava.kvsnapshot;

import java.nio.file.Path;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

/**
 * One downloaded KV snapshot opened with RocksDB, read-only: a cursor over every key's latest
 * value, in key order. The server keeps one RocksDB database per bucket with only the default
 * column family and plain puts and deletes, so the default options read it. Not thread-safe.
 */
final class SnapshotStore implements AutoCloseable {
  static {
    RocksDB.loadLibrary();
  }

  private static final long READAHEAD_BYTES = 2L << 20;

  private final Options options;
  private final ReadOptions readOptions;
  private final RocksDB db;
  private final RocksIterator cursor;
  private boolean started;
  private boolean ended;

  private SnapshotStore(Options options, RocksDB db) {
    this.options = options;
    this.db = db;
    // One pass over every key: blocks are read once, so caching them only costs, and reading
    // ahead saves system calls.
    this.readOptions = new ReadOptions().setFillCache(false).setReadaheadSize(READAHEAD_BYTES);
    this.cursor = db.newIterator(readOptions);
  }

  /**
   * Opens the database in {@code dir} read-only.
   *
   * @throws RocksDBException if the files are not a database RocksDB can read
   */
  static SnapshotStore open(Path dir) throws RocksDBException {
    Options options = new Options();
    try {
      return new SnapshotStore(options, RocksDB.openReadOnly(options, dir.toString()));
    } catch (RocksDBException | RuntimeException e) {
      options.close();
      throw e;
    }
  }

  /**
   * Moves to the next value: the first at the first call.
   *
   * @return false once every value was visited
   * @throws RocksDBException if a file cannot be read
   */
  boolean next() throws RocksDBException {
    if (ended) {
      return false; // RocksDB's next() on an iterator past its end crashes the JVM
    }
    if (started) {
      cursor.next();
    } else {
      cursor.seekToFirst();
      started = true;
    }
    if (cursor.isValid()) {
      return true;
    }
    ended = true;
    cursor.status(); // an iterator also ends at a read error: tell it apart from the end
    return false;
  }

  /** The current value, a fresh array. */
  byte[] value() {
    return cursor.value();
  }

  @Override
  public void close() {
    cursor.close();
    readOptions.close();
    db.close();
    options.close();
  }
}
