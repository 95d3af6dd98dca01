package io.flussjava.exception;

/** The server received an idempotent batch out of sequence. */
public class OutOfOrderSequenceException extends ApiException {
  private static final long serialVersionUID = 1L;

  public OutOfOrderSequenceException(String message) {
    super(Errors.OUT_OF_ORDER_SEQUENCE_EXCEPTION, message);
  }
}
