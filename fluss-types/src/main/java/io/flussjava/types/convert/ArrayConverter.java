package io.flussjava.types.convert;

import io.flussjava.types.ArrayType;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * ARRAY: a {@code List} or {@code Object[]}, each element converted; the result is an unmodifiable
 * list.
 */
final class ArrayConverter extends ValueConverter {
  private final ValueConverter element;
  private final Class<?> elementPassThrough;
  private final boolean elementNullable;

  ArrayConverter(ArrayType type, ValueConverter element) {
    super(type);
    this.element = element;
    this.elementPassThrough = element.passThroughClass();
    this.elementNullable = type.getElementType().isNullable();
  }

  @Override
  Object toCanonical(Object value) {
    Object[] elements;
    if (value instanceof List) {
      elements = ((List<?>) value).toArray();
    } else if (value instanceof Object[]) {
      elements = ((Object[]) value).clone();
    } else {
      throw wrongType(value);
    }
    for (int i = 0; i < elements.length; i++) {
      Object item = elements[i];
      if (item == null) {
        if (!elementNullable) {
          throw new ValueRejectedException("element " + i + " is NOT NULL but the value is null");
        }
      } else if (item.getClass() != elementPassThrough) {
        try {
          elements[i] = element.toCanonical(item);
        } catch (ValueRejectedException e) {
          throw e.within("element " + i);
        }
      }
    }
    return Collections.unmodifiableList(Arrays.asList(elements));
  }
}
