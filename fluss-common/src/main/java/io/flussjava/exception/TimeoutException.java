package io.flussjava.exception;

import java.time.Duration;

/**
 * An operation did not finish within its time bound (request timeout, delivery timeout, buffer
 * wait). The message names the operation and the bound so that the caller knows which setting to
 * raise.
 */
public class TimeoutException extends FlussException {
  private static final long serialVersionUID = 1L;

  public TimeoutException(String message) {
    super(message);
  }

  public TimeoutException(String operation, Duration bound) {
    super(operation + " did not complete within " + bound.toMillis() + " ms");
  }
}
