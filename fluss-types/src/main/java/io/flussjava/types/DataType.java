package io.flussjava.types;

import java.util.Collections;
import java.util.List;

/**
 * The type of a column or of a nested value: a {@link DataTypeRoot} plus its parameters (length,
 * precision, element types...) and whether it admits null. Immutable; create instances through
 * {@link DataTypes}.
 *
 * <p>Two types are equal when their roots, parameters and nullability are equal. {@link
 * #toString()} gives the SQL form, e.g. {@code INT NOT NULL}, {@code DECIMAL(10, 2)} or {@code
 * MAP<STRING, INT>}.
 */
public abstract sealed class DataType
    permits BooleanType,
        TinyIntType,
        SmallIntType,
        IntType,
        BigIntType,
        FloatType,
        DoubleType,
        DecimalType,
        CharType,
        StringType,
        BinaryType,
        BytesType,
        DateType,
        TimeType,
        TimestampType,
        LocalZonedTimestampType,
        ArrayType,
        MapType,
        RowType {

  private final boolean nullable;
  private final DataTypeRoot typeRoot;

  DataType(boolean nullable, DataTypeRoot typeRoot) {
    this.nullable = nullable;
    this.typeRoot = typeRoot;
  }

  /** Whether the type admits null. */
  public final boolean isNullable() {
    return nullable;
  }

  /** The kind of this type. */
  public final DataTypeRoot getTypeRoot() {
    return typeRoot;
  }

  /** Whether this type is of the given kind. */
  public final boolean is(DataTypeRoot root) {
    return typeRoot == root;
  }

  /** The same type with the given nullability; nested types keep theirs. */
  public abstract DataType copy(boolean nullable);

  /** The same type without null: {@code copy(false)}. */
  public final DataType notNull() {
    return copy(false);
  }

  /** The same type admitting null: {@code copy(true)}. */
  public final DataType nullable() {
    return copy(true);
  }

  /**
   * The types directly nested in this one (element, key and value, or field types); empty for
   * scalars.
   */
  public List<DataType> getChildren() {
    return Collections.emptyList();
  }

  /** Calls the visitor method for this type's class. */
  public abstract <R> R accept(DataTypeVisitor<R> visitor);

  /** The SQL form of the type, e.g. {@code TIMESTAMP(3) NOT NULL}. */
  public final String asSummaryString() {
    String body = typeString();
    return nullable ? body : body + " NOT NULL";
  }

  /** The SQL form without the nullability suffix. */
  abstract String typeString();

  /**
   * Whether {@code other} (already known to be of the same class) has equal parameters; nullability
   * aside.
   */
  abstract boolean sameParameters(DataType other);

  /** Hash of the parameters; nullability and root are mixed in by {@link #hashCode()}. */
  abstract int parametersHash();

  @Override
  public final boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || o.getClass() != getClass()) {
      return false;
    }
    DataType that = (DataType) o;
    return nullable == that.nullable && sameParameters(that);
  }

  @Override
  public final int hashCode() {
    return (typeRoot.hashCode() * 31 + parametersHash()) * 2 + (nullable ? 1 : 0);
  }

  @Override
  public final String toString() {
    return asSummaryString();
  }
}
