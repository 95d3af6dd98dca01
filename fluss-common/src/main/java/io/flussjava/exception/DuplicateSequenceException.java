package io.flussjava.exception;

/** The server already holds an idempotent batch with that sequence. */
public class DuplicateSequenceException extends ApiException {
  private static final long serialVersionUID = 1L;

  public DuplicateSequenceException(String message) {
    super(Errors.DUPLICATE_SEQUENCE_EXCEPTION, message);
  }
}
