package io.flussjava.types.convert;

import io.flussjava.types.RowType;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A nested ROW value: a {@code List} or {@code Object[]} of the field values in order, each
 * converted.
 */
final class NestedRowConverter extends ValueConverter {
  private final RowType rowType;
  private final ValueConverter[] fields;

  NestedRowConverter(RowType type, ValueConverter[] fields) {
    super(type);
    this.rowType = type;
    this.fields = fields;
  }

  @Override
  Object toCanonical(Object value) {
    Object[] values;
    if (value instanceof List) {
      values = ((List<?>) value).toArray();
    } else if (value instanceof Object[]) {
      values = ((Object[]) value).clone();
    } else {
      throw wrongType(value);
    }
    if (values.length != fields.length) {
      throw new ValueRejectedException(
          "of type "
              + type
              + " expects "
              + fields.length
              + " field values "
              + rowType.getFieldNames()
              + ", got "
              + values.length);
    }
    for (int i = 0; i < values.length; i++) {
      String location = "field '" + rowType.getFieldNames().get(i) + "'";
      if (values[i] == null) {
        if (!rowType.getTypeAt(i).isNullable()) {
          throw new ValueRejectedException(location + " is NOT NULL but the value is null");
        }
        continue;
      }
      try {
        values[i] = fields[i].toCanonical(values[i]);
      } catch (ValueRejectedException e) {
        throw e.within(location);
      }
    }
    return Collections.unmodifiableList(Arrays.asList(values));
  }
}
