package io.flussjava.exception;

/** The named database does not exist. */
public class DatabaseNotExistException extends ApiException {
  private static final long serialVersionUID = 1L;

  public DatabaseNotExistException(String message) {
    super(Errors.DATABASE_NOT_EXIST, message);
  }
}
