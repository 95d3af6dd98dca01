package io.flussjava.exception;

/** The coordinator could not start a rebalance: one is running already, or planning failed. */
public class RebalanceFailureException extends ApiException {
  private static final long serialVersionUID = 1L;

  public RebalanceFailureException(String message) {
    super(Errors.REBALANCE_FAILURE_EXCEPTION, message);
  }
}
