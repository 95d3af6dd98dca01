package io.flussjava.exception;

/**
 * The server refused an {@code alterTable}: a change 0.9.1 does not support (dropping, renaming or
 * modifying a column, adding a NOT NULL column or one not placed last), a column name already
 * taken, or an option the server does not let an existing table change. The message is the server's
 * and names the change.
 */
public class InvalidAlterTableException extends ApiException {
  private static final long serialVersionUID = 1L;

  public InvalidAlterTableException(String message) {
    super(Errors.INVALID_ALTER_TABLE_EXCEPTION, message);
  }
}
