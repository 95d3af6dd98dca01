package io.flussjava.exception;

/** The request needs the cluster's authorizer ({@code authorizer.enabled}), which is off. */
public class SecurityDisabledException extends ApiException {
  private static final long serialVersionUID = 1L;

  public SecurityDisabledException(String message) {
    super(Errors.SECURITY_DISABLED_EXCEPTION, message);
  }
}
