package io.flussjava.types;

/**
 * The kind of a {@link DataType}, independent of its parameters and nullability. The constant names
 * are exactly the {@code "type"} strings of the server's type JSON, so {@link #name()} and {@link
 * #valueOf(String)} translate both ways.
 */
public enum DataTypeRoot {
  BOOLEAN,
  TINYINT,
  SMALLINT,
  INTEGER,
  BIGINT,
  FLOAT,
  DOUBLE,
  DECIMAL,
  CHAR,
  STRING,
  BINARY,
  BYTES,
  DATE,
  TIME_WITHOUT_TIME_ZONE,
  TIMESTAMP_WITHOUT_TIME_ZONE,
  TIMESTAMP_WITH_LOCAL_TIME_ZONE,
  ARRAY,
  MAP,
  ROW;

  /** Whether values of this kind contain other values (ARRAY, MAP, ROW). */
  public boolean isNested() {
    return this == ARRAY || this == MAP || this == ROW;
  }
}
