package io.flussjava.types;

/**
 * {@code TIME(p)}: a time of day without time zone. Java value {@code LocalTime}. Fluss stores
 * milliseconds of the day, so finer digits are dropped on write.
 */
public final class TimeType extends DataType {
  public static final int MIN_PRECISION = 0;
  public static final int MAX_PRECISION = 9;
  public static final int DEFAULT_PRECISION = 0;

  private final int precision;

  /** A nullable {@code TIME(0)}. */
  public TimeType() {
    this(true, DEFAULT_PRECISION);
  }

  /** A nullable {@code TIME(precision)}. */
  public TimeType(int precision) {
    this(true, precision);
  }

  /**
   * @throws IllegalArgumentException if precision is not in 0..9
   */
  public TimeType(boolean nullable, int precision) {
    super(nullable, DataTypeRoot.TIME_WITHOUT_TIME_ZONE);
    this.precision =
        Parameters.checkBetween("TIME", "precision", precision, MIN_PRECISION, MAX_PRECISION);
  }

  /** Digits of fractional seconds (0 = seconds, 3 = millis, 6 = micros, 9 = nanos). */
  public int getPrecision() {
    return precision;
  }

  @Override
  public TimeType copy(boolean nullable) {
    return nullable == isNullable() ? this : new TimeType(nullable, precision);
  }

  @Override
  public <R> R accept(DataTypeVisitor<R> visitor) {
    return visitor.visit(this);
  }

  @Override
  String typeString() {
    return "TIME(" + precision + ")";
  }

  @Override
  boolean sameParameters(DataType other) {
    return precision == ((TimeType) other).precision;
  }

  @Override
  int parametersHash() {
    return precision;
  }
}
