package io.flussjava.exception;

/** The tablet server carries no such tag. */
public class ServerTagNotExistException extends ApiException {
  private static final long serialVersionUID = 1L;

  public ServerTagNotExistException(String message) {
    super(Errors.SEVER_TAG_NOT_EXIST_EXCEPTION, message);
  }
}
