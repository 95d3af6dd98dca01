package io.flussjava.types;

/**
 * {@code DATE}: a day without time zone (stored as days since 1970-01-01); Java value {@code
 * LocalDate}.
 */
public final class DateType extends DataType {

  /** A nullable DATE. */
  public DateType() {
    this(true);
  }

  public DateType(boolean nullable) {
    super(nullable, DataTypeRoot.DATE);
  }

  @Override
  public DateType copy(boolean nullable) {
    return nullable == isNullable() ? this : new DateType(nullable);
  }

  @Override
  public <R> R accept(DataTypeVisitor<R> visitor) {
    return visitor.visit(this);
  }

  @Override
  String typeString() {
    return "DATE";
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
