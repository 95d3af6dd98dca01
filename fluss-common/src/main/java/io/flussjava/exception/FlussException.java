package io.flussjava.exception;

/**
 * Root of every exception fluss-java throws. Unchecked, so that async callers see the same types
 * through {@link java.util.concurrent.CompletionException#getCause()} as sync callers see directly.
 */
public class FlussException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public FlussException(String message) {
    super(message);
  }

  public FlussException(String message, Throwable cause) {
    super(message, cause);
  }
}
