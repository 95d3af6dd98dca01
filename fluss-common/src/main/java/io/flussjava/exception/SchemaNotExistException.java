package io.flussjava.exception;

/**
 * The table has no schema of the asked id. Not retried when the coordinator says so: it registers a
 * schema before any batch or value can carry its id, so an id missing there stays missing. A tablet
 * server may answer a write with it for a moment after an ALTER TABLE (it learns the new schema
 * from the coordinator), so writers retry it within their delivery timeout.
 */
public class SchemaNotExistException extends ApiException {
  private static final long serialVersionUID = 1L;

  public SchemaNotExistException(String message) {
    super(Errors.SCHEMA_NOT_EXIST, message);
  }
}
