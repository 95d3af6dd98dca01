package io.flussjava.exception;

/**
 * The operation does not fit the kind of table, e.g. an append writer for a primary-key table
 * (write those with an upsert writer) or a lookup on a log table. Raised by the client before
 * anything is sent.
 */
public class InvalidTableOperationException extends FlussException {
  private static final long serialVersionUID = 1L;

  public InvalidTableOperationException(String message) {
    super(message);
  }
}
