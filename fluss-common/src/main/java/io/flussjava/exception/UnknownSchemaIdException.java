package io.flussjava.exception;

/**
 * A stored row was written with a schema this client does not know: the table was altered after the
 * client read its info (get a fresh Table), or it reads data of older schemas, which fluss-java
 * does not decode yet. Names the schema id found and the one known.
 */
public class UnknownSchemaIdException extends FlussException {
  private static final long serialVersionUID = 1L;

  private final int schemaId;

  public UnknownSchemaIdException(int schemaId, String message) {
    super(message);
    this.schemaId = schemaId;
  }

  /** The schema id the row carries. */
  public int schemaId() {
    return schemaId;
  }
}
