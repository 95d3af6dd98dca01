package io.flussjava.types;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ROW<name TYPE, ...>}: an ordered list of named fields. Describes a table row (see {@link
 * Schema#getRowType()}) and nested row values, whose Java value is a {@code List<Object>} of the
 * field values in order.
 */
public final class RowType extends DataType {
  private final List<DataField> fields;
  private final List<String> fieldNames;
  private final List<DataType> fieldTypes;
  private final Map<String, Integer> indexByName;

  /** A nullable row of the given fields. */
  public RowType(List<DataField> fields) {
    this(true, fields);
  }

  /**
   * @throws IllegalArgumentException if a field is null or two fields share a name
   */
  public RowType(boolean nullable, List<DataField> fields) {
    super(nullable, DataTypeRoot.ROW);
    Parameters.checkNotNull(fields, "ROW fields");
    List<String> names = new ArrayList<>(fields.size());
    List<DataType> types = new ArrayList<>(fields.size());
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < fields.size(); i++) {
      DataField field = Parameters.checkNotNull(fields.get(i), "ROW field " + i);
      if (index.putIfAbsent(field.getName(), i) != null) {
        throw new IllegalArgumentException(
            "ROW field names must be unique, found '" + field.getName() + "' twice in " + fields);
      }
      names.add(field.getName());
      types.add(field.getType());
    }
    this.fields = List.copyOf(fields);
    this.fieldNames = Collections.unmodifiableList(names);
    this.fieldTypes = Collections.unmodifiableList(types);
    this.indexByName = index;
  }

  public List<DataField> getFields() {
    return fields;
  }

  public List<String> getFieldNames() {
    return fieldNames;
  }

  /** The field types in order; the same list as {@link #getChildren()}. */
  public List<DataType> getFieldTypes() {
    return fieldTypes;
  }

  public int getFieldCount() {
    return fields.size();
  }

  /** The type of the field at {@code index} (0-based). */
  public DataType getTypeAt(int index) {
    return fieldTypes.get(index);
  }

  /** The position of the named field, or -1 if there is none. */
  public int getFieldIndex(String name) {
    Integer index = indexByName.get(name);
    return index == null ? -1 : index;
  }

  /**
   * A row of the fields at the given positions, in the given order (for projections and key
   * columns).
   *
   * @throws IndexOutOfBoundsException if a position is not a field of this row
   */
  public RowType project(int... indexes) {
    List<DataField> projected = new ArrayList<>(indexes.length);
    for (int index : indexes) {
      projected.add(fields.get(index));
    }
    return new RowType(isNullable(), projected);
  }

  @Override
  public RowType copy(boolean nullable) {
    return nullable == isNullable() ? this : new RowType(nullable, fields);
  }

  @Override
  public List<DataType> getChildren() {
    return fieldTypes;
  }

  @Override
  public <R> R accept(DataTypeVisitor<R> visitor) {
    return visitor.visit(this);
  }

  @Override
  String typeString() {
    StringBuilder text = new StringBuilder("ROW<");
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        text.append(", ");
      }
      text.append(fields.get(i).asSummaryString());
    }
    return text.append('>').toString();
  }

  @Override
  boolean sameParameters(DataType other) {
    return fields.equals(((RowType) other).fields);
  }

  @Override
  int parametersHash() {
    return fields.hashCode();
  }
}
