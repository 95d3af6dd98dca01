package io.flussjava.exception;

/** Authentication failed or is missing: check client.security.* settings and the credentials. */
public class AuthenticationException extends ApiException {
  private static final long serialVersionUID = 1L;

  public AuthenticationException(String message) {
    super(Errors.AUTHENTICATE_EXCEPTION, message);
  }
}
