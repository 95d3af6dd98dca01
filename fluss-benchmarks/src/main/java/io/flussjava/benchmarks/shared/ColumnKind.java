package io.flussjava.benchmarks.shared;

/**
 * The column types the benchmark rows use, each with the JDK class its values have on both sides.
 */
public enum ColumnKind {
  BIGINT(8),
  STRING_16(16),
  STRING_32(32),
  DOUBLE(8),
  TIMESTAMP_3(8),
  INT(4),
  FLOAT(4),
  BOOLEAN(1),
  DECIMAL_10_2(8),
  DATE(4);

  private final int logicalBytes;

  ColumnKind(int logicalBytes) {
    this.logicalBytes = logicalBytes;
  }

  /**
   * The value's size in its natural binary form (a compact DECIMAL is a long, a TIMESTAMP(3) epoch
   * millis).
   */
  public int logicalBytes() {
    return logicalBytes;
  }

  public boolean isString() {
    return this == STRING_16 || this == STRING_32;
  }
}
