package io.flussjava.exception;

/** A tablet server id named in the request is not part of the cluster. */
public class ServerNotExistException extends ApiException {
  private static final long serialVersionUID = 1L;

  public ServerNotExistException(String message) {
    super(Errors.SERVER_NOT_EXIST_EXCEPTION, message);
  }
}
