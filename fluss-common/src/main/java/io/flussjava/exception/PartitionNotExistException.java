package io.flussjava.exception;

/** The named partition does not exist. */
public class PartitionNotExistException extends ApiException {
  private static final long serialVersionUID = 1L;

  public PartitionNotExistException(String message) {
    super(Errors.PARTITION_NOT_EXISTS, message);
  }
}
