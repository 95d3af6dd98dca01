package io.flussjava.exception;

/** The database name or descriptor is invalid. */
public class InvalidDatabaseException extends ApiException {
  private static final long serialVersionUID = 1L;

  public InvalidDatabaseException(String message) {
    super(Errors.INVALID_DATABASE_EXCEPTION, message);
  }
}
