package io.flussjava.exception;

/**
 * An error the Fluss server reported (or that the client maps onto a server error code, such as a
 * dropped connection). Carries the wire error code and its name so that logs and callers can tell
 * errors apart without parsing messages. Subclasses exist for the codes callers commonly handle;
 * any other code is an {@code ApiException} whose {@link #error()} names it.
 */
public class ApiException extends FlussException {
  private static final long serialVersionUID = 1L;

  private final int errorCode;
  private final String errorName;

  public ApiException(Errors error, String message) {
    this(error.code(), error.name(), message, null);
  }

  public ApiException(Errors error, String message, Throwable cause) {
    this(error.code(), error.name(), message, cause);
  }

  /** For codes this client does not know: they keep their number so that nothing is lost. */
  ApiException(int errorCode, String errorName, String message, Throwable cause) {
    super(message, cause);
    this.errorCode = errorCode;
    this.errorName = errorName;
  }

  /** The wire error code, e.g. 7 for TABLE_NOT_EXIST. */
  public int errorCode() {
    return errorCode;
  }

  /** The error's name as the server's enum spells it, e.g. {@code TABLE_NOT_EXIST}. */
  public String errorName() {
    return errorName;
  }

  /**
   * The known error, or {@link Errors#UNKNOWN_SERVER_ERROR} for a code this client does not know.
   */
  public Errors error() {
    return Errors.forCode(errorCode);
  }

  /** Whether retrying the same request may succeed. Decided by type, never by message. */
  public boolean isRetriable() {
    return this instanceof RetriableException;
  }

  @Override
  public String getMessage() {
    return "[" + errorName + "(" + errorCode + ")] " + super.getMessage();
  }
}
