package io.flussjava.exception;

/** The operation needs a primary-key table but the table is a log table. */
public class NonPrimaryKeyTableException extends ApiException {
  private static final long serialVersionUID = 1L;

  public NonPrimaryKeyTableException(String message) {
    super(Errors.NON_PRIMARY_KEY_TABLE_EXCEPTION, message);
  }
}
