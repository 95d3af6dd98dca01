package io.flussjava.types;

/** {@code STRING}: a UTF-8 string of any length; Java value {@code String}. */
public final class StringType extends DataType {

  /** A nullable STRING. */
  public StringType() {
    this(true);
  }

  public StringType(boolean nullable) {
    super(nullable, DataTypeRoot.STRING);
  }

  @Override
  public StringType copy(boolean nullable) {
    return nullable == isNullable() ? this : new StringType(nullable);
  }

  @Override
  public <R> R accept(DataTypeVisitor<R> visitor) {
    return visitor.visit(this);
  }

  @Override
  String typeString() {
    return "STRING";
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
