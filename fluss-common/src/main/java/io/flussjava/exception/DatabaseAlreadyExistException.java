package io.flussjava.exception;

/** A database with that name already exists; pass ignoreIfExists to accept it. */
public class DatabaseAlreadyExistException extends ApiException {
  private static final long serialVersionUID = 1L;

  public DatabaseAlreadyExistException(String message) {
    super(Errors.DATABASE_ALREADY_EXIST, message);
  }
}
