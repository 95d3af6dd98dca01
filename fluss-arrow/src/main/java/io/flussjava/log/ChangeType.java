package io.flussjava.log;

/**
 * The kind of change a log record describes. Log tables only ever hold {@link #APPEND_ONLY}
 * records; the changelog of a primary-key table holds the other four. The byte values are the ones
 * stored in log batches.
 */
public enum ChangeType {
  /** {@code +A}: a row appended to a log table. */
  APPEND_ONLY((byte) 0, "+A"),
  /** {@code +I}: a row inserted into a primary-key table. */
  INSERT((byte) 1, "+I"),
  /** {@code -U}: the old image of an updated row. */
  UPDATE_BEFORE((byte) 2, "-U"),
  /** {@code +U}: the new image of an updated row. */
  UPDATE_AFTER((byte) 3, "+U"),
  /** {@code -D}: a deleted row. */
  DELETE((byte) 4, "-D");

  private static final ChangeType[] BY_BYTE = values();

  private final byte byteValue;
  private final String shortString;

  ChangeType(byte byteValue, String shortString) {
    this.byteValue = byteValue;
    this.shortString = shortString;
  }

  /** The value stored in log batches. */
  public byte byteValue() {
    return byteValue;
  }

  /** The short form, e.g. {@code +A} or {@code -U}. */
  public String shortString() {
    return shortString;
  }

  /**
   * The change type stored as {@code value}.
   *
   * @throws IllegalArgumentException if no change type has that value
   */
  public static ChangeType fromByteValue(byte value) {
    if (value < 0 || value >= BY_BYTE.length) {
      throw new IllegalArgumentException("unknown change type byte " + value + " (expected 0..4)");
    }
    return BY_BYTE[value];
  }
}
