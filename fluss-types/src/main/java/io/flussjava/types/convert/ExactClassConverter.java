package io.flussjava.types.convert;

import io.flussjava.types.DataType;

/**
 * Accepts only the canonical class itself (BOOLEAN, TINYINT, FLOAT, STRING, BYTES, DATE, TIME,
 * TIMESTAMP).
 */
final class ExactClassConverter extends ValueConverter {
  ExactClassConverter(DataType type) {
    super(type);
  }

  @Override
  Object toCanonical(Object value) {
    if (value.getClass() == canonicalClass()) {
      return value;
    }
    throw wrongType(value);
  }

  @Override
  Class<?> passThroughClass() {
    return canonicalClass();
  }
}
