package io.flussjava.types;

/** {@code SMALLINT}: a signed 16-bit integer; Java value {@code Short}. */
public final class SmallIntType extends DataType {

  /** A nullable SMALLINT. */
  public SmallIntType() {
    this(true);
  }

  public SmallIntType(boolean nullable) {
    super(nullable, DataTypeRoot.SMALLINT);
  }

  @Override
  public SmallIntType copy(boolean nullable) {
    return nullable == isNullable() ? this : new SmallIntType(nullable);
  }

  @Override
  public <R> R accept(DataTypeVisitor<R> visitor) {
    return visitor.visit(this);
  }

  @Override
  String typeString() {
    return "SMALLINT";
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
