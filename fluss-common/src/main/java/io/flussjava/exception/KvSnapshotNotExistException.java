package io.flussjava.exception;

/**
 * The table or bucket has no KV snapshot with that id (or none yet: the server takes one every
 * {@code kv.snapshot.interval}).
 */
public class KvSnapshotNotExistException extends ApiException {
  private static final long serialVersionUID = 1L;

  public KvSnapshotNotExistException(String message) {
    super(Errors.KV_SNAPSHOT_NOT_EXIST, message);
  }
}
