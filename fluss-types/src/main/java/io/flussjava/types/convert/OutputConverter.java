package io.flussjava.types.convert;

import io.flussjava.types.ArrayType;
import io.flussjava.types.DataType;
import io.flussjava.types.MapType;
import io.flussjava.types.RowType;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one non-null canonical value read from Fluss into what the user registered for its type
 * (see {@link TypeConverters.Builder#output}). {@link #forType} returns null for a type that needs
 * no conversion anywhere inside it, which is what lets {@link RowConverter} skip whole columns, or
 * whole rows.
 */
abstract class OutputConverter {

  abstract Object fromCanonical(Object canonical);

  /** The converter for {@code type}, or null when values of that type are returned as they are. */
  static OutputConverter forType(DataType type, TypeConverters registry) {
    TypeConverter<?> registered = registry.outputConverter(type.getTypeRoot());
    if (registered != null) {
      return new Registered(registered, type);
    }
    switch (type.getTypeRoot()) {
      case ARRAY:
        OutputConverter element = forType(((ArrayType) type).getElementType(), registry);
        return element == null ? null : new OfArray(element);
      case MAP:
        OutputConverter key = forType(((MapType) type).getKeyType(), registry);
        OutputConverter value = forType(((MapType) type).getValueType(), registry);
        return key == null && value == null ? null : new OfMap(key, value);
      case ROW:
        RowType row = (RowType) type;
        OutputConverter[] fields = new OutputConverter[row.getFieldCount()];
        boolean any = false;
        for (int i = 0; i < fields.length; i++) {
          fields[i] = forType(row.getTypeAt(i), registry);
          any |= fields[i] != null;
        }
        return any ? new OfRow(fields) : null;
      default:
        return null;
    }
  }

  private static Object applyNullable(OutputConverter converter, Object value) {
    return converter == null || value == null ? value : converter.fromCanonical(value);
  }

  /** Calls the user's converter. */
  private static final class Registered extends OutputConverter {
    private final TypeConverter<?> converter;
    private final DataType type;

    Registered(TypeConverter<?> converter, DataType type) {
      this.converter = converter;
      this.type = type;
    }

    @Override
    Object fromCanonical(Object canonical) {
      return converter.fromCanonical(canonical, type);
    }
  }

  /** Converts the elements of an ARRAY value. */
  private static final class OfArray extends OutputConverter {
    private final OutputConverter element;

    OfArray(OutputConverter element) {
      this.element = element;
    }

    @Override
    Object fromCanonical(Object canonical) {
      Object[] elements = ((List<?>) canonical).toArray();
      for (int i = 0; i < elements.length; i++) {
        elements[i] = applyNullable(element, elements[i]);
      }
      return Collections.unmodifiableList(Arrays.asList(elements));
    }
  }

  /** Converts the keys and/or values of a MAP value. */
  private static final class OfMap extends OutputConverter {
    private final OutputConverter key;
    private final OutputConverter value;

    OfMap(OutputConverter key, OutputConverter value) {
      this.key = key;
      this.value = value;
    }

    @Override
    Object fromCanonical(Object canonical) {
      Map<?, ?> map = (Map<?, ?>) canonical;
      Map<Object, Object> converted = new LinkedHashMap<>(map.size() * 4 / 3 + 1);
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        converted.put(applyNullable(key, entry.getKey()), applyNullable(value, entry.getValue()));
      }
      return Collections.unmodifiableMap(converted);
    }
  }

  /** Converts the fields of a nested ROW value; null entries are fields that stay as they are. */
  private static final class OfRow extends OutputConverter {
    private final OutputConverter[] fields;

    OfRow(OutputConverter[] fields) {
      this.fields = fields;
    }

    @Override
    Object fromCanonical(Object canonical) {
      Object[] values = ((List<?>) canonical).toArray();
      for (int i = 0; i < values.length; i++) {
        values[i] = applyNullable(fields[i], values[i]);
      }
      return Collections.unmodifiableList(Arrays.asList(values));
    }
  }
}
