package io.flussjava.types.convert;

import io.flussjava.types.MapType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * MAP: a {@code Map}, each key and value converted; the result is an unmodifiable map in the
 * input's order.
 */
final class MapConverter extends ValueConverter {
  private final ValueConverter key;
  private final ValueConverter value;
  private final boolean keyNullable;
  private final boolean valueNullable;

  MapConverter(MapType type, ValueConverter key, ValueConverter value) {
    super(type);
    this.key = key;
    this.value = value;
    this.keyNullable = type.getKeyType().isNullable();
    this.valueNullable = type.getValueType().isNullable();
  }

  @Override
  Object toCanonical(Object input) {
    if (!(input instanceof Map)) {
      throw wrongType(input);
    }
    Map<?, ?> map = (Map<?, ?>) input;
    Map<Object, Object> converted = new LinkedHashMap<>(map.size() * 4 / 3 + 1);
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      Object k = convert(entry.getKey(), key, keyNullable, "key");
      String location = "value for key " + ValueConverter.describe(k);
      converted.put(k, convert(entry.getValue(), value, valueNullable, location));
    }
    return Collections.unmodifiableMap(converted);
  }

  private static Object convert(
      Object item, ValueConverter converter, boolean nullable, String location) {
    if (item == null) {
      if (!nullable) {
        throw new ValueRejectedException(location + " is NOT NULL but the value is null");
      }
      return null;
    }
    try {
      return converter.toCanonical(item);
    } catch (ValueRejectedException e) {
      throw e.within(location);
    }
  }
}
