package io.flussjava.types;

/** {@code BOOLEAN}: true or false; Java value {@code Boolean}. */
public final class BooleanType extends DataType {

  /** A nullable BOOLEAN. */
  public BooleanType() {
    this(true);
  }

  public BooleanType(boolean nullable) {
    super(nullable, DataTypeRoot.BOOLEAN);
  }

  @Override
  public BooleanType copy(boolean nullable) {
    return nullable == isNullable() ? this : new BooleanType(nullable);
  }

  @Override
  public <R> R accept(DataTypeVisitor<R> visitor) {
    return visitor.visit(this);
  }

  @Override
  String typeString() {
    return "BOOLEAN";
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
