package io.flussjava.exception;

/**
 * A row given to a writer or lookuper does not fit the table: wrong number of values, a value of
 * the wrong Java type for its column, or a null in a NOT NULL column. Raised before anything is
 * sent, naming the column.
 */
public class InvalidRowException extends FlussException {
  private static final long serialVersionUID = 1L;

  public InvalidRowException(String message) {
    super(message);
  }

  public InvalidRowException(String message, Throwable cause) {
    super(message, cause);
  }
}
