package io.flussjava.kvsnapshot;

import io.flussjava.exception.FlussException;

/**
 * A {@link StateReader} cannot continue a bucket's state with its changelog: the server no longer
 * has the changelog from the snapshot's log offset (or from offset 0 for a bucket without a
 * snapshot), locally or in remote storage, so changes would be missed. Reading on would hand out a
 * state with a silent gap; open a new reader, which starts from a newer snapshot.
 */
public class ChangelogGapException extends FlussException {
  private static final long serialVersionUID = 1L;

  public ChangelogGapException(String message, Throwable cause) {
    super(message, cause);
  }
}
