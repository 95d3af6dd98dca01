package io.flussjava.exception;

/**
 * A call on a handle that was closed (a connection, writer, scanner, lookuper or reader), or a
 * pending operation that its handle's close ended before it completed. The message names the
 * handle; the fix is to use an open one.
 */
public class ClosedException extends FlussException {
  private static final long serialVersionUID = 1L;

  public ClosedException(String message) {
    super(message);
  }

  /** "{@code handle} is closed", e.g. {@code ClosedException.of("this AppendWriter of db.t")}. */
  public static ClosedException of(String handle) {
    return new ClosedException(handle + " is closed");
  }
}
