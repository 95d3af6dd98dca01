package io.flussjava.types;

/**
 * {@code BINARY(n)}: a byte string of exactly {@code n} bytes (Arrow stores it as fixed-size
 * binary). Java value {@code byte[]}.
 */
public final class BinaryType extends DataType {
  public static final int MIN_LENGTH = 1;
  public static final int MAX_LENGTH = Integer.MAX_VALUE;
  public static final int DEFAULT_LENGTH = 1;

  private final int length;

  /** A nullable {@code BINARY(1)}. */
  public BinaryType() {
    this(true, DEFAULT_LENGTH);
  }

  /** A nullable {@code BINARY(length)}. */
  public BinaryType(int length) {
    this(true, length);
  }

  /**
   * @throws IllegalArgumentException if length is less than 1
   */
  public BinaryType(boolean nullable, int length) {
    super(nullable, DataTypeRoot.BINARY);
    this.length = Parameters.checkBetween("BINARY", "length", length, MIN_LENGTH, MAX_LENGTH);
  }

  /** The number of bytes every value has. */
  public int getLength() {
    return length;
  }

  @Override
  public BinaryType copy(boolean nullable) {
    return nullable == isNullable() ? this : new BinaryType(nullable, length);
  }

  @Override
  public <R> R accept(DataTypeVisitor<R> visitor) {
    return visitor.visit(this);
  }

  @Override
  String typeString() {
    return "BINARY(" + length + ")";
  }

  @Override
  boolean sameParameters(DataType other) {
    return length == ((BinaryType) other).length;
  }

  @Override
  int parametersHash() {
    return length;
  }
}
