package io.flussjava.exception;

/**
 * Data handed to a writer as a whole (e.g. an Arrow {@code VectorSchemaRoot}) has a schema that
 * does not fit the table: other column names, another column order, or a column type that does not
 * map to the table's type. Raised before any of the data is written; the message names the first
 * column that does not fit and what was expected. A subclass of {@link InvalidRowException}, so one
 * catch handles both bad rows and bad batches.
 */
public class SchemaMismatchException extends InvalidRowException {
  private static final long serialVersionUID = 1L;

  public SchemaMismatchException(String message) {
    super(message);
  }
}
