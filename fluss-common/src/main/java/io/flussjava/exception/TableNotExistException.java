package io.flussjava.exception;

/** The named table does not exist. */
public class TableNotExistException extends ApiException {
  private static final long serialVersionUID = 1L;

  public TableNotExistException(String message) {
    super(Errors.TABLE_NOT_EXIST, message);
  }
}
