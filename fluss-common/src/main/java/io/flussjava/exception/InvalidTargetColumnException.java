package io.flussjava.exception;

/** The target columns of a partial update are invalid. */
public class InvalidTargetColumnException extends ApiException {
  private static final long serialVersionUID = 1L;

  public InvalidTargetColumnException(String message) {
    super(Errors.INVALID_TARGET_COLUMN, message);
  }
}
