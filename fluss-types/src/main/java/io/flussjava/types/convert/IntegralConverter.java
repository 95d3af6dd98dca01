package io.flussjava.types.convert;

import io.flussjava.types.DataType;

/**
 * SMALLINT, INT and BIGINT: the canonical box, or a narrower integral box widened to it (a {@code
 * Byte} into INT, an {@code Integer} into BIGINT). Never narrows: a {@code Long} into INT is
 * rejected even when the value would fit, so that a column's Java type is a property of the code,
 * not of the data.
 */
final class IntegralConverter extends ValueConverter {
  private final int targetWidth;

  IntegralConverter(DataType type) {
    super(type);
    this.targetWidth = widthOf(canonicalClass());
  }

  private static int widthOf(Class<?> box) {
    if (box == Byte.class) {
      return 1;
    }
    if (box == Short.class) {
      return 2;
    }
    if (box == Integer.class) {
      return 4;
    }
    if (box == Long.class) {
      return 8;
    }
    return Integer.MAX_VALUE; // not an integral box: never accepted
  }

  @Override
  Object toCanonical(Object value) {
    Class<?> valueClass = value.getClass();
    if (valueClass == canonicalClass()) {
      return value;
    }
    if (widthOf(valueClass) > targetWidth) {
      throw wrongType(value);
    }
    long widened = ((Number) value).longValue();
    switch (targetWidth) {
      case 2:
        return (short) widened;
      case 4:
        return (int) widened;
      default:
        return widened;
    }
  }

  @Override
  Class<?> passThroughClass() {
    return canonicalClass();
  }
}
