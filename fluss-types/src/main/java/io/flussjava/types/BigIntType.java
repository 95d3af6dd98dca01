package io.flussjava.types;

/** {@code BIGINT}: a signed 64-bit integer; Java value {@code Long}. */
public final class BigIntType extends DataType {

  /** A nullable BIGINT. */
  public BigIntType() {
    this(true);
  }

  public BigIntType(boolean nullable) {
    super(nullable, DataTypeRoot.BIGINT);
  }

  @Override
  public BigIntType copy(boolean nullable) {
    return nullable == isNullable() ? this : new BigIntType(nullable);
  }

  @Override
  public <R> R accept(DataTypeVisitor<R> visitor) {
    return visitor.visit(this);
  }

  @Override
  String typeString() {
    return "BIGINT";
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
