package io.flussjava.exception;

/** A partition with that spec already exists; pass ignoreIfExists to accept it. */
public class PartitionAlreadyExistsException extends ApiException {
  private static final long serialVersionUID = 1L;

  public PartitionAlreadyExistsException(String message) {
    super(Errors.PARTITION_ALREADY_EXISTS, message);
  }
}
