package io.flussjava.types;

/** {@code DOUBLE}: an 8-byte IEEE 754 number; Java value {@code Double}. */
public final class DoubleType extends DataType {

  /** A nullable DOUBLE. */
  public DoubleType() {
    this(true);
  }

  public DoubleType(boolean nullable) {
    super(nullable, DataTypeRoot.DOUBLE);
  }

  @Override
  public DoubleType copy(boolean nullable) {
    return nullable == isNullable() ? this : new DoubleType(nullable);
  }

  @Override
  public <R> R accept(DataTypeVisitor<R> visitor) {
    return visitor.visit(this);
  }

  @Override
  String typeString() {
    return "DOUBLE";
  }

  @Override
  boolean sameParameters(DataType other) {
    return true;
  }

  @Override
  int parametersHash() {
    return 0;
  }
}
