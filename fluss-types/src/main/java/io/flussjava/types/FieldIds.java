package io.flussjava.types;

import java.util.ArrayList;
import java.util.List;

/**
 * Field-id bookkeeping for {@link Schema}. Fluss numbers top-level columns and the fields of nested
 * rows from one counter, depth first (a column, then its nested fields, then the next column), so
 * that every field keeps a unique id across schema changes. These helpers reproduce that numbering
 * and check it.
 */
final class FieldIds {
  private FieldIds() {}

  /**
   * Returns {@code type} with every nested row field renumbered from {@code counter}; {@code
   * counter[0]} holds the last id handed out and is advanced.
   */
  static DataType renumberNested(DataType type, int[] counter) {
    switch (type.getTypeRoot()) {
      case ARRAY:
        ArrayType array = (ArrayType) type;
        return new ArrayType(array.isNullable(), renumberNested(array.getElementType(), counter));
      case MAP:
        MapType map = (MapType) type;
        DataType key = renumberNested(map.getKeyType(), counter);
        DataType value = renumberNested(map.getValueType(), counter);
        return new MapType(map.isNullable(), key, value);
      case ROW:
        RowType row = (RowType) type;
        List<DataField> renumbered = new ArrayList<>(row.getFieldCount());
        for (DataField field : row.getFields()) {
          int id = ++counter[0];
          renumbered.add(
              new DataField(
                  field.getName(),
                  renumberNested(field.getType(), counter),
                  field.getDescription().orElse(null),
                  id));
        }
        return new RowType(row.isNullable(), renumbered);
      default:
        return type;
    }
  }

  /** Adds the ids of every nested row field in {@code type} to {@code ids}. */
  static void collectNested(DataType type, List<Integer> ids) {
    if (type instanceof RowType) {
      for (DataField field : ((RowType) type).getFields()) {
        ids.add(field.getFieldId());
        collectNested(field.getType(), ids);
      }
      return;
    }
    for (DataType child : type.getChildren()) {
      collectNested(child, ids);
    }
  }
}
