package io.flussjava.types;

/** {@code INT} (root {@code INTEGER}): a signed 32-bit integer; Java value {@code Integer}. */
public final class IntType extends DataType {

  /** A nullable INT. */
  public IntType() {
    this(true);
  }

  public IntType(boolean nullable) {
    super(nullable, DataTypeRoot.INTEGER);
  }

  @Override
  public IntType copy(boolean nullable) {
    return nullable == isNullable() ? this : new IntType(nullable);
  }

  @Override
  public <R> R accept(DataTypeVisitor<R> visitor) {
    return visitor.visit(this);
  }

  @Override
  String typeString() {
    return "INT";
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
