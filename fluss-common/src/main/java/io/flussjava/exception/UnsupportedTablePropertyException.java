package io.flussjava.exception;

/**
 * A table carries a property value this client does not know how to honour (for instance a lake
 * format or a kv format version newer than fluss-java), so reading or writing it could put data
 * where the server and other clients do not look. Raised by the client when a writer or lookuper is
 * created, never sent by a server; {@link #getProperty()} names the property.
 */
public class UnsupportedTablePropertyException extends InvalidConfigException {
  private static final long serialVersionUID = 1L;

  private final String property;

  public UnsupportedTablePropertyException(String property, String message) {
    super(message);
    this.property = property;
  }

  /** The table property whose value is not supported, e.g. {@code table.datalake.format}. */
  public String getProperty() {
    return property;
  }
}
