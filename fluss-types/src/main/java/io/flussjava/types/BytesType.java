package io.flussjava.types;

/** {@code BYTES}: a byte string of any length; Java value {@code byte[]}. */
public final class BytesType extends DataType {

  /** A nullable BYTES. */
  public BytesType() {
    this(true);
  }

  public BytesType(boolean nullable) {
    super(nullable, DataTypeRoot.BYTES);
  }

  @Override
  public BytesType copy(boolean nullable) {
    return nullable == isNullable() ? this : new BytesType(nullable);
  }

  @Override
  public <R> R accept(DataTypeVisitor<R> visitor) {
    return visitor.visit(this);
  }

  @Override
  String typeString() {
    return "BYTES";
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
