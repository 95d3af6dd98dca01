package io.flussjava.exception;

/** There is no rebalance (with that id) to report on or cancel. */
public class NoRebalanceInProgressException extends ApiException {
  private static final long serialVersionUID = 1L;

  public NoRebalanceInProgressException(String message) {
    super(Errors.NO_REBALANCE_IN_PROGRESS_EXCEPTION, message);
  }
}
