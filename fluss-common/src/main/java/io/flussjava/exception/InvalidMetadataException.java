package io.flussjava.exception;

/**
 * A retriable error that means the client's view of the cluster is stale (leader moved, server
 * gone, bucket unknown): the client refreshes metadata before it retries.
 */
public class InvalidMetadataException extends RetriableException {
  private static final long serialVersionUID = 1L;

  public InvalidMetadataException(Errors error, String message) {
    super(error, message);
  }

  public InvalidMetadataException(Errors error, String message, Throwable cause) {
    super(error, message, cause);
  }
}
