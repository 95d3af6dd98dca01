package io.flussjava.types;

/**
 * {@code TIMESTAMP(p)}: a date and time without time zone. Java value {@code LocalDateTime}. Digits
 * beyond the precision are dropped on write.
 */
public final class TimestampType extends DataType {
  public static final int MIN_PRECISION = 0;
  public static final int MAX_PRECISION = 9;
  public static final int DEFAULT_PRECISION = 6;

  private final int precision;

  /** A nullable {@code TIMESTAMP(6)}. */
  public TimestampType() {
    this(true, DEFAULT_PRECISION);
  }

  /** A nullable {@code TIMESTAMP(precision)}. */
  public TimestampType(int precision) {
    this(true, precision);
  }

  /**
   * @throws IllegalArgumentException if precision is not in 0..9
   */
  public TimestampType(boolean nullable, int precision) {
    super(nullable, DataTypeRoot.TIMESTAMP_WITHOUT_TIME_ZONE);
    this.precision =
        Parameters.checkBetween("TIMESTAMP", "precision", precision, MIN_PRECISION, MAX_PRECISION);
  }

  /** Digits of fractional seconds (0 = seconds, 3 = millis, 6 = micros, 9 = nanos). */
  public int getPrecision() {
    return precision;
  }

  @Override
  public TimestampType copy(boolean nullable) {
    return nullable == isNullable() ? this : new TimestampType(nullable, precision);
  }

  @Override
  public <R> R accept(DataTypeVisitor<R> visitor) {
    return visitor.visit(this);
  }

  @Override
  String typeString() {
    return "TIMESTAMP(" + precision + ")";
  }

  @Override
  boolean sameParameters(DataType other) {
    return precision == ((TimestampType) other).precision;
  }

  @Override
  int parametersHash() {
    return precision;
  }
}
