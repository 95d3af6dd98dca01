package io.flussjava.testkit;

/**
 * The test cluster could not be started or controlled: the server jar is missing, a server process
 * exited early, or a readiness wait timed out. The message names the process and quotes the end of
 * its output and log.
 */
public class FlussClusterException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public FlussClusterException(String message) {
    super(message);
  }

  public FlussClusterException(String message, Throwable cause) {
    super(message, cause);
  }
}
