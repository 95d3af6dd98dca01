package io.flussjava.types;

/** {@code TINYINT}: a signed 8-bit integer; Java value {@code Byte}. */
public final class TinyIntType extends DataType {

  /** A nullable TINYINT. */
  public TinyIntType() {
    this(true);
  }

  public TinyIntType(boolean nullable) {
    super(nullable, DataTypeRoot.TINYINT);
  }

  @Override
  public TinyIntType copy(boolean nullable) {
    return nullable == isNullable() ? this : new TinyIntType(nullable);
  }

  @Override
  public <R> R accept(DataTypeVisitor<R> visitor) {
    return visitor.visit(this);
  }

  @Override
  String typeString() {
    return "TINYINT";
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
