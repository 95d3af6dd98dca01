package io.flussjava.rpc.internal;

import io.flussjava.exception.NetworkException;

/** Builds {@link NetworkException}s that keep the low-level failure behind them. */
final class NetworkExceptions {
  private NetworkExceptions() {}

  /**
   * A NetworkException with {@code underlying} attached as a suppressed exception:
   * NetworkException's cause is fixed at construction (to none), so this is how the original stack
   * trace stays visible in logs.
   */
  static NetworkException withUnderlying(String message, Throwable underlying) {
    NetworkException e = new NetworkException(message);
    if (underlying != null) {
      e.addSuppressed(underlying);
    }
    return e;
  }
}
