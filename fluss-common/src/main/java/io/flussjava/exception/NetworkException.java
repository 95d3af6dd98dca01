package io.flussjava.exception;

/** The connection to a server failed or closed while a request was in flight. */
public class NetworkException extends InvalidMetadataException {
  private static final long serialVersionUID = 1L;

  public NetworkException(String message) {
    super(Errors.NETWORK_EXCEPTION, message);
  }

  public NetworkException(String message, Throwable cause) {
    super(Errors.NETWORK_EXCEPTION, message, cause);
  }
}
