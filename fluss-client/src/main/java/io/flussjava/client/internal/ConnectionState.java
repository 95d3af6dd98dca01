package io.flussjava.client.internal;

import io.flussjava.exception.ClosedException;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a connection is open, shared by every handle made from it: a handle checks it before each
 * call, and registers what must be failed when the connection closes (pending writes, lookups,
 * fetches), so that closing a connection never leaves a future hanging.
 */
public final class ConnectionState {
  private final List<Runnable> closeHooks = new ArrayList<>();
  private volatile boolean closed;

  public boolean isClosed() {
    return closed;
  }

  /**
   * @throws ClosedException if the connection is closed, naming {@code handle} as the one that was
   *     called
   */
  public void checkOpen(String handle) {
    if (closed) {
      throw closedError(handle);
    }
  }

  /**
   * The error a call on {@code handle}, or a pending operation of it, ends with once the connection
   * is closed.
   */
  public static ClosedException closedError(String handle) {
    return new ClosedException("the Connection of " + handle + " is closed");
  }

  /** Runs {@code hook} when the connection closes (at once if it is closed already). */
  public void onClose(Runnable hook) {
    synchronized (closeHooks) {
      if (!closed) {
        closeHooks.add(hook);
        return;
      }
    }
    hook.run();
  }

  /**
   * Marks the connection closed and runs the hooks, in registration order; true for the first call
   * only.
   */
  public boolean close() {
    List<Runnable> hooks;
    synchronized (closeHooks) {
      if (closed) {
        return false;
      }
      closed = true;
      hooks = new ArrayList<>(closeHooks);
      closeHooks.clear();
    }
    hooks.forEach(Runnable::run);
    return true;
  }
}
