package io.flussjava.types.convert;

import io.flussjava.types.DataType;

/**
 * DOUBLE: a {@code Double}, or a {@code Float} widened to it (as Java's own float-to-double
 * conversion does).
 */
final class DoubleConverter extends ValueConverter {
  DoubleConverter(DataType type) {
    super(type);
  }

  @Override
  Object toCanonical(Object value) {
    if (value instanceof Double) {
      return value;
    }
    if (value instanceof Float) {
      return (double) (Float) value;
    }
    throw wrongType(value);
  }

  @Override
  Class<?> passThroughClass() {
    return Double.class;
  }
}
