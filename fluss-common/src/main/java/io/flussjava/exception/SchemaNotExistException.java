package io.flussjava.exception;

/**
 * The table has no schema of the asked id. Not retried: the server registers a schema before any
 * batch or value can carry its id, so an id that is missing now stays missing.
 */
public class SchemaNotExistException extends ApiException {
  private static final long serialVersionUID = 1L;

  public SchemaNotExistException(String message) {
    super(Errors.SCHEMA_NOT_EXIST, message);
  }
}
