package io.flussjava.exception;

/** The server no longer knows the writer id; the writer must re-initialise. */
public class UnknownWriterIdException extends ApiException {
  private static final long serialVersionUID = 1L;

  public UnknownWriterIdException(String message) {
    super(Errors.UNKNOWN_WRITER_ID_EXCEPTION, message);
  }
}
