package io.flussjava.exception;

/** The authenticated principal lacks a permission (ACL) for the operation. */
public class AuthorizationException extends ApiException {
  private static final long serialVersionUID = 1L;

  public AuthorizationException(String message) {
    super(Errors.AUTHORIZATION_EXCEPTION, message);
  }
}
