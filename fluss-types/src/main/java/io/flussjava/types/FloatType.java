package io.flussjava.types;

/** {@code FLOAT}: a 4-byte IEEE 754 number; Java value {@code Float}. */
public final class FloatType extends DataType {

  /** A nullable FLOAT. */
  public FloatType() {
    this(true);
  }

  public FloatType(boolean nullable) {
    super(nullable, DataTypeRoot.FLOAT);
  }

  @Override
  public FloatType copy(boolean nullable) {
    return nullable == isNullable() ? this : new FloatType(nullable);
  }

  @Override
  public <R> R accept(DataTypeVisitor<R> visitor) {
    return visitor.visit(this);
  }

  @Override
  String typeString() {
    return "FLOAT";
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
