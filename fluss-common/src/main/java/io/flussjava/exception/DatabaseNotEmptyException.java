package io.flussjava.exception;

/** The database still holds tables; drop it with cascade or drop the tables first. */
public class DatabaseNotEmptyException extends ApiException {
  private static final long serialVersionUID = 1L;

  public DatabaseNotEmptyException(String message) {
    super(Errors.DATABASE_NOT_EMPTY, message);
  }
}
