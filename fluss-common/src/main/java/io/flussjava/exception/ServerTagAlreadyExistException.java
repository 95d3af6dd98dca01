package io.flussjava.exception;

/** The tablet server already carries a tag. */
public class ServerTagAlreadyExistException extends ApiException {
  private static final long serialVersionUID = 1L;

  public ServerTagAlreadyExistException(String message) {
    super(Errors.SEVER_TAG_ALREADY_EXIST_EXCEPTION, message);
  }
}
