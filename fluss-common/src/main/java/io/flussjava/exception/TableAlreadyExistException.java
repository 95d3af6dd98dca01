package io.flussjava.exception;

/** A table with that path already exists; pass ignoreIfExists to accept it. */
public class TableAlreadyExistException extends ApiException {
  private static final long serialVersionUID = 1L;

  public TableAlreadyExistException(String message) {
    super(Errors.TABLE_ALREADY_EXIST, message);
  }
}
