package io.flussjava.exception;

/** The replication factor is larger than the number of tablet servers or otherwise invalid. */
public class InvalidReplicationFactorException extends ApiException {
  private static final long serialVersionUID = 1L;

  public InvalidReplicationFactorException(String message) {
    super(Errors.INVALID_REPLICATION_FACTOR, message);
  }
}
