package io.flussjava.kvsnapshot;

import io.flussjava.exception.FlussException;

/**
 * A KV snapshot could not be read: its files are missing from remote storage (also after asking for
 * a newer snapshot), cannot be downloaded, or RocksDB cannot open them. The message names the
 * bucket, the snapshot and the file or cause.
 */
public class KvSnapshotReadException extends FlussException {
  private static final long serialVersionUID = 1L;

  public KvSnapshotReadException(String message) {
    super(message);
  }

  public KvSnapshotReadException(String message, Throwable cause) {
    super(message, cause);
  }
}
