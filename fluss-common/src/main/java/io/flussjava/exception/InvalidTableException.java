package io.flussjava.exception;

/** The table definition is invalid (schema, distribution or properties). */
public class InvalidTableException extends ApiException {
  private static final long serialVersionUID = 1L;

  public InvalidTableException(String message) {
    super(Errors.INVALID_TABLE_EXCEPTION, message);
  }
}
