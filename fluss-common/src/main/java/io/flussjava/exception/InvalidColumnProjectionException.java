package io.flussjava.exception;

/** The projected columns are invalid for the table or its log format. */
public class InvalidColumnProjectionException extends ApiException {
  private static final long serialVersionUID = 1L;

  public InvalidColumnProjectionException(String message) {
    super(Errors.INVALID_COLUMN_PROJECTION, message);
  }
}
