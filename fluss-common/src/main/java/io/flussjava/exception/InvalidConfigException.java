package io.flussjava.exception;

/**
 * A configuration key or value is wrong: raised by the client for a bad client setting (the message
 * names the key, the value and what was expected) and by the server (code 39) for an unknown or bad
 * table property.
 */
public class InvalidConfigException extends ApiException {
  private static final long serialVersionUID = 1L;

  public InvalidConfigException(String message) {
    super(Errors.INVALID_CONFIG_EXCEPTION, message);
  }
}
