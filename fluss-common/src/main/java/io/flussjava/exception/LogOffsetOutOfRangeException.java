package io.flussjava.exception;

/** The requested log offset is outside the bucket's retained log. */
public class LogOffsetOutOfRangeException extends ApiException {
  private static final long serialVersionUID = 1L;

  public LogOffsetOutOfRangeException(String message) {
    super(Errors.LOG_OFFSET_OUT_OF_RANGE_EXCEPTION, message);
  }
}
