package io.flussjava.exception;

/** The operation needs a partitioned table. */
public class TableNotPartitionedException extends ApiException {
  private static final long serialVersionUID = 1L;

  public TableNotPartitionedException(String message) {
    super(Errors.TABLE_NOT_PARTITIONED_EXCEPTION, message);
  }
}
