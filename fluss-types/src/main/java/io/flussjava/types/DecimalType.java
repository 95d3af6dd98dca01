package io.flussjava.types;

/**
 * {@code DECIMAL(p, s)}: an exact decimal number with {@code p} digits in total, {@code s} of them
 * after the point. Java value {@code BigDecimal}.
 */
public final class DecimalType extends DataType {
  public static final int MIN_PRECISION = 1;
  public static final int MAX_PRECISION = 38;
  public static final int DEFAULT_PRECISION = 10;
  public static final int DEFAULT_SCALE = 0;

  private final int precision;
  private final int scale;

  /** {@code DECIMAL(10, 0)}, nullable. */
  public DecimalType() {
    this(true, DEFAULT_PRECISION, DEFAULT_SCALE);
  }

  /** A nullable {@code DECIMAL(precision, scale)}. */
  public DecimalType(int precision, int scale) {
    this(true, precision, scale);
  }

  /**
   * @throws IllegalArgumentException if precision is not in 1..38 or scale not in 0..precision
   */
  public DecimalType(boolean nullable, int precision, int scale) {
    super(nullable, DataTypeRoot.DECIMAL);
    this.precision =
        Parameters.checkBetween("DECIMAL", "precision", precision, MIN_PRECISION, MAX_PRECISION);
    this.scale = Parameters.checkBetween("DECIMAL", "scale", scale, 0, precision);
  }

  /** Total number of digits. */
  public int getPrecision() {
    return precision;
  }

  /** Digits after the decimal point. */
  public int getScale() {
    return scale;
  }

  @Override
  public DecimalType copy(boolean nullable) {
    return nullable == isNullable() ? this : new DecimalType(nullable, precision, scale);
  }

  @Override
  public <R> R accept(DataTypeVisitor<R> visitor) {
    return visitor.visit(this);
  }

  @Override
  String typeString() {
    return "DECIMAL(" + precision + ", " + scale + ")";
  }

  @Override
  boolean sameParameters(DataType other) {
    DecimalType that = (DecimalType) other;
    return precision == that.precision && scale == that.scale;
  }

  @Override
  int parametersHash() {
    return precision * 64 + scale;
  }
}
