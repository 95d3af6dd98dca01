package io.flussjava.exception;

/** The bucket has no leader right now (election in progress); the client retries. */
public class LeaderNotAvailableException extends InvalidMetadataException {
  private static final long serialVersionUID = 1L;

  public LeaderNotAvailableException(String message) {
    super(Errors.LEADER_NOT_AVAILABLE_EXCEPTION, message);
  }
}
