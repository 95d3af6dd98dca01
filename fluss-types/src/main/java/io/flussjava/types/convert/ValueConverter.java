package io.flussjava.types.convert;

import io.flussjava.types.DataType;

/**
 * Turns one non-null Java value into the canonical value of one type, or rejects it. One instance
 * per column (or nested element type), built once by {@link ValueConverters}, so the per-value work
 * is a class check and, for lenient inputs, one conversion.
 */
abstract class ValueConverter {
  private static final int MAX_SHOWN_CHARS = 40;

  final DataType type;
  private final Class<?> canonicalClass;

  ValueConverter(DataType type) {
    this.type = type;
    this.canonicalClass = TypeConverters.canonicalClass(type.getTypeRoot());
  }

  /**
   * @param value never null
   * @throws ValueRejectedException if the value has the wrong class or does not fit the type
   */
  abstract Object toCanonical(Object value);

  /**
   * The class that needs no work beyond a class check: {@link RowConverter} passes such values
   * through without calling this converter. Null when every canonical value still has to be checked
   * (DECIMAL, CHAR, BINARY, nested types).
   */
  Class<?> passThroughClass() {
    return null;
  }

  final Class<?> canonicalClass() {
    return canonicalClass;
  }

  final ValueRejectedException wrongType(Object value) {
    return new ValueRejectedException(
        "of type "
            + type
            + " expects "
            + canonicalClass.getTypeName()
            + " (or a registered converter), got "
            + describe(value));
  }

  final ValueRejectedException doesNotFit(Object value, String why) {
    return new ValueRejectedException(
        "of type " + type + " cannot hold " + describe(value) + ": " + why);
  }

  /**
   * E.g. {@code java.lang.String "x"} or {@code byte[] of length 3}: the class, then a short
   * rendering.
   */
  static String describe(Object value) {
    if (value instanceof byte[]) {
      return "byte[] of length " + ((byte[]) value).length;
    }
    String text = String.valueOf(value);
    if (text.length() > MAX_SHOWN_CHARS) {
      text = text.substring(0, MAX_SHOWN_CHARS) + "...";
    }
    if (value instanceof CharSequence) {
      text = "\"" + text + "\"";
    }
    return value.getClass().getTypeName() + " " + text;
  }
}
