package io.flussjava.types;

import java.util.List;

/** {@code ARRAY<T>}: a list of values of one element type. Java value {@code List<Object>}. */
public final class ArrayType extends DataType {
  private final DataType elementType;

  /** A nullable array of the given element type. */
  public ArrayType(DataType elementType) {
    this(true, elementType);
  }

  public ArrayType(boolean nullable, DataType elementType) {
    super(nullable, DataTypeRoot.ARRAY);
    this.elementType = Parameters.checkNotNull(elementType, "ARRAY element type");
  }

  public DataType getElementType() {
    return elementType;
  }

  @Override
  public ArrayType copy(boolean nullable) {
    return nullable == isNullable() ? this : new ArrayType(nullable, elementType);
  }

  @Override
  public List<DataType> getChildren() {
    return List.of(elementType);
  }

  @Override
  public <R> R accept(DataTypeVisitor<R> visitor) {
    return visitor.visit(this);
  }

  @Override
  String typeString() {
    return "ARRAY<" + elementType.asSummaryString() + ">";
  }

  @Override
  boolean sameParameters(DataType other) {
    return elementType.equals(((ArrayType) other).elementType);
  }

  @Override
  int parametersHash() {
    return elementType.hashCode();
  }
}
