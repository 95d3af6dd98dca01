package io.flussjava.types;

import java.util.Arrays;

/**
 * Factory for every {@link DataType}, named as in SQL. Every type returned is nullable; call {@link
 * DataType#notNull()} for a NOT NULL one:
 *
 * <pre>{@code
 * DataType id = DataTypes.BIGINT().notNull();
 * DataType price = DataTypes.DECIMAL(10, 2);
 * DataType tags = DataTypes.ARRAY(DataTypes.STRING());
 * }</pre>
 */
public final class DataTypes {
  // Parameterless types are immutable, so one shared instance each is enough.
  private static final BooleanType BOOLEAN = new BooleanType();
  private static final TinyIntType TINYINT = new TinyIntType();
  private static final SmallIntType SMALLINT = new SmallIntType();
  private static final IntType INT = new IntType();
  private static final BigIntType BIGINT = new BigIntType();
  private static final FloatType FLOAT = new FloatType();
  private static final DoubleType DOUBLE = new DoubleType();
  private static final StringType STRING = new StringType();
  private static final BytesType BYTES = new BytesType();
  private static final DateType DATE = new DateType();

  private DataTypes() {}

  public static BooleanType BOOLEAN() {
    return BOOLEAN;
  }

  public static TinyIntType TINYINT() {
    return TINYINT;
  }

  public static SmallIntType SMALLINT() {
    return SMALLINT;
  }

  public static IntType INT() {
    return INT;
  }

  public static BigIntType BIGINT() {
    return BIGINT;
  }

  public static FloatType FLOAT() {
    return FLOAT;
  }

  public static DoubleType DOUBLE() {
    return DOUBLE;
  }

  /**
   * {@code DECIMAL(precision, scale)}.
   *
   * @throws IllegalArgumentException if precision is not in 1..38 or scale not in 0..precision
   */
  public static DecimalType DECIMAL(int precision, int scale) {
    return new DecimalType(precision, scale);
  }

  /**
   * {@code CHAR(length)}: at most {@code length} characters.
   *
   * @throws IllegalArgumentException if length is less than 1
   */
  public static CharType CHAR(int length) {
    return new CharType(length);
  }

  public static StringType STRING() {
    return STRING;
  }

  /**
   * {@code BINARY(length)}: exactly {@code length} bytes.
   *
   * @throws IllegalArgumentException if length is less than 1
   */
  public static BinaryType BINARY(int length) {
    return new BinaryType(length);
  }

  public static BytesType BYTES() {
    return BYTES;
  }

  public static DateType DATE() {
    return DATE;
  }

  /** {@code TIME(0)}. */
  public static TimeType TIME() {
    return new TimeType();
  }

  /**
   * {@code TIME(precision)}.
   *
   * @throws IllegalArgumentException if precision is not in 0..9
   */
  public static TimeType TIME(int precision) {
    return new TimeType(precision);
  }

  /** {@code TIMESTAMP(6)}. */
  public static TimestampType TIMESTAMP() {
    return new TimestampType();
  }

  /**
   * {@code TIMESTAMP(precision)}.
   *
   * @throws IllegalArgumentException if precision is not in 0..9
   */
  public static TimestampType TIMESTAMP(int precision) {
    return new TimestampType(precision);
  }

  /** {@code TIMESTAMP_LTZ(6)}. */
  public static LocalZonedTimestampType TIMESTAMP_LTZ() {
    return new LocalZonedTimestampType();
  }

  /**
   * {@code TIMESTAMP_LTZ(precision)}.
   *
   * @throws IllegalArgumentException if precision is not in 0..9
   */
  public static LocalZonedTimestampType TIMESTAMP_LTZ(int precision) {
    return new LocalZonedTimestampType(precision);
  }

  public static ArrayType ARRAY(DataType elementType) {
    return new ArrayType(elementType);
  }

  public static MapType MAP(DataType keyType, DataType valueType) {
    return new MapType(keyType, valueType);
  }

  /**
   * {@code ROW<...>} of the given fields.
   *
   * @throws IllegalArgumentException if two fields share a name
   */
  public static RowType ROW(DataField... fields) {
    return new RowType(Arrays.asList(fields));
  }

  /** A row field, for {@link #ROW(DataField...)}. */
  public static DataField FIELD(String name, DataType type) {
    return new DataField(name, type);
  }

  /** A row field with a description, for {@link #ROW(DataField...)}. */
  public static DataField FIELD(String name, DataType type, String description) {
    return new DataField(name, type, description);
  }
}
