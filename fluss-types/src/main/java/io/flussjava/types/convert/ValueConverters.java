package io.flussjava.types.convert;

import io.flussjava.types.ArrayType;
import io.flussjava.types.BinaryType;
import io.flussjava.types.CharType;
import io.flussjava.types.DataType;
import io.flussjava.types.DecimalType;
import io.flussjava.types.MapType;
import io.flussjava.types.RowType;
import java.util.List;

/**
 * Builds the input {@link ValueConverter} for a type: the built-in one, fronted by the user's
 * registered ones.
 */
final class ValueConverters {
  private ValueConverters() {}

  static ValueConverter forType(DataType type, TypeConverters registry) {
    ValueConverter builtIn = builtIn(type, registry);
    List<TypeConverter<?>> registered = registry.inputConverters(type.getTypeRoot());
    if (registered.isEmpty()) {
      return builtIn;
    }
    return new RegisteredInputConverter(builtIn, registered.toArray(new TypeConverter<?>[0]));
  }

  private static ValueConverter builtIn(DataType type, TypeConverters registry) {
    switch (type.getTypeRoot()) {
      case SMALLINT:
      case INTEGER:
      case BIGINT:
        return new IntegralConverter(type);
      case DOUBLE:
        return new DoubleConverter(type);
      case DECIMAL:
        return new DecimalConverter((DecimalType) type);
      case CHAR:
        return new CharConverter((CharType) type);
      case BINARY:
        return new BinaryConverter((BinaryType) type);
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
        return new InstantConverter(type);
      case ARRAY:
        ArrayType array = (ArrayType) type;
        return new ArrayConverter(array, forType(array.getElementType(), registry));
      case MAP:
        MapType map = (MapType) type;
        return new MapConverter(
            map, forType(map.getKeyType(), registry), forType(map.getValueType(), registry));
      case ROW:
        RowType row = (RowType) type;
        ValueConverter[] fields = new ValueConverter[row.getFieldCount()];
        for (int i = 0; i < fields.length; i++) {
          fields[i] = forType(row.getTypeAt(i), registry);
        }
        return new NestedRowConverter(row, fields);
      default:
        // BOOLEAN, TINYINT, FLOAT, STRING, BYTES, DATE, TIME, TIMESTAMP: nothing lenient to accept.
        return new ExactClassConverter(type);
    }
  }
}
