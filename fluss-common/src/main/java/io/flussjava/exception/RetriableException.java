package io.flussjava.exception;

/**
 * A server error after which the same request may succeed if sent again, possibly after a backoff.
 */
public class RetriableException extends ApiException {
  private static final long serialVersionUID = 1L;

  public RetriableException(Errors error, String message) {
    super(error, message);
  }

  public RetriableException(Errors error, String message, Throwable cause) {
    super(error, message, cause);
  }
}
