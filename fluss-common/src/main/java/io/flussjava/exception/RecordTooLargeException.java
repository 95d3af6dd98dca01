package io.flussjava.exception;

/** A batch or record is larger than the server accepts. */
public class RecordTooLargeException extends ApiException {
  private static final long serialVersionUID = 1L;

  public RecordTooLargeException(String message) {
    super(Errors.RECORD_TOO_LARGE_EXCEPTION, message);
  }
}
