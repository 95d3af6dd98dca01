package io.flussjava.exception;

/** The server is no longer the leader of the bucket; the client refreshes metadata and retries. */
public class NotLeaderOrFollowerException extends InvalidMetadataException {
  private static final long serialVersionUID = 1L;

  public NotLeaderOrFollowerException(String message) {
    super(Errors.NOT_LEADER_OR_FOLLOWER, message);
  }
}
