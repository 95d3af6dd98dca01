package io.flussjava.types;

/**
 * {@code CHAR(n)}: a string of at most {@code n} characters (Fluss stores it like STRING, without
 * padding). Java value {@code String}.
 */
public final class CharType extends DataType {
  public static final int MIN_LENGTH = 1;
  public static final int MAX_LENGTH = Integer.MAX_VALUE;
  public static final int DEFAULT_LENGTH = 1;

  private final int length;

  /** A nullable {@code CHAR(1)}. */
  public CharType() {
    this(true, DEFAULT_LENGTH);
  }

  /** A nullable {@code CHAR(length)}. */
  public CharType(int length) {
    this(true, length);
  }

  /**
   * @throws IllegalArgumentException if length is less than 1
   */
  public CharType(boolean nullable, int length) {
    super(nullable, DataTypeRoot.CHAR);
    this.length = Parameters.checkBetween("CHAR", "length", length, MIN_LENGTH, MAX_LENGTH);
  }

  /** The maximum number of characters. */
  public int getLength() {
    return length;
  }

  @Override
  public CharType copy(boolean nullable) {
    return nullable == isNullable() ? this : new CharType(nullable, length);
  }

  @Override
  public <R> R accept(DataTypeVisitor<R> visitor) {
    return visitor.visit(this);
  }

  @Override
  String typeString() {
    return "CHAR(" + length + ")";
  }

  @Override
  boolean sameParameters(DataType other) {
    return length == ((CharType) other).length;
  }

  @Override
  int parametersHash() {
    return length;
  }
}
