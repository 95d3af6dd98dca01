package io.flussjava.exception;

/**
 * The server does not host that table or bucket (yet); the client refreshes metadata and retries.
 */
public class UnknownTableOrBucketException extends InvalidMetadataException {
  private static final long serialVersionUID = 1L;

  public UnknownTableOrBucketException(String message) {
    super(Errors.UNKNOWN_TABLE_OR_BUCKET_EXCEPTION, message);
  }
}
