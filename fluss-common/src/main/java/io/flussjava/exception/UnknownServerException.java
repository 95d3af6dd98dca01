package io.flussjava.exception;

/** The server hit an unexpected error; its message usually holds the server-side cause. */
public class UnknownServerException extends ApiException {
  private static final long serialVersionUID = 1L;

  public UnknownServerException(String message) {
    super(Errors.UNKNOWN_SERVER_ERROR, message);
  }
}
