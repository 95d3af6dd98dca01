package io.flussjava.types;

/**
 * {@code TIMESTAMP_LTZ(p)}: an instant on the time line, shown in the reader's zone. Java value
 * {@code Instant}. Digits beyond the precision are dropped on write.
 */
public final class LocalZonedTimestampType extends DataType {
  public static final int MIN_PRECISION = 0;
  public static final int MAX_PRECISION = 9;
  public static final int DEFAULT_PRECISION = 6;

  private final int precision;

  /** A nullable {@code TIMESTAMP_LTZ(6)}. */
  public LocalZonedTimestampType() {
    this(true, DEFAULT_PRECISION);
  }

  /** A nullable {@code TIMESTAMP_LTZ(precision)}. */
  public LocalZonedTimestampType(int precision) {
    this(true, precision);
  }

  /**
   * @throws IllegalArgumentException if precision is not in 0..9
   */
  public LocalZonedTimestampType(boolean nullable, int precision) {
    super(nullable, DataTypeRoot.TIMESTAMP_WITH_LOCAL_TIME_ZONE);
    this.precision =
        Parameters.checkBetween(
            "TIMESTAMP_LTZ", "precision", precision, MIN_PRECISION, MAX_PRECISION);
  }

  /** Digits of fractional seconds (0 = seconds, 3 = millis, 6 = micros, 9 = nanos). */
  public int getPrecision() {
    return precision;
  }

  @Override
  public LocalZonedTimestampType copy(boolean nullable) {
    return nullable == isNullable() ? this : new LocalZonedTimestampType(nullable, precision);
  }

  @Override
  public <R> R accept(DataTypeVisitor<R> visitor) {
    return visitor.visit(this);
  }

  @Override
  String typeString() {
    return "TIMESTAMP_LTZ(" + precision + ")";
  }

  @Override
  boolean sameParameters(DataType other) {
    return precision == ((LocalZonedTimestampType) other).precision;
  }

  @Override
  int parametersHash() {
    return precision;
  }
}
