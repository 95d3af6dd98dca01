package io.flussjava.exception;

/** The server does not support the API version sent. */
public class UnsupportedVersionException extends ApiException {
  private static final long serialVersionUID = 1L;

  public UnsupportedVersionException(String message) {
    super(Errors.UNSUPPORTED_VERSION, message);
  }
}
