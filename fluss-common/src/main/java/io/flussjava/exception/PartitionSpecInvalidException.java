package io.flussjava.exception;

/** The partition spec names wrong keys or holds an invalid value. */
public class PartitionSpecInvalidException extends ApiException {
  private static final long serialVersionUID = 1L;

  public PartitionSpecInvalidException(String message) {
    super(Errors.PARTITION_SPEC_INVALID_EXCEPTION, message);
  }
}
