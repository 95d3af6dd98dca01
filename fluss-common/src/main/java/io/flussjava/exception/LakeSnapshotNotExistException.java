package io.flussjava.exception;

/**
 * The table has no lake snapshot (with that id): it is not lake-enabled, or tiering has not
 * committed one yet.
 */
public class LakeSnapshotNotExistException extends ApiException {
  private static final long serialVersionUID = 1L;

  public LakeSnapshotNotExistException(String message) {
    super(Errors.LAKE_SNAPSHOT_NOT_EXIST, message);
  }
}
