package io.flussjava.types.convert;

import io.flussjava.types.CharType;

/**
 * CHAR(n): a {@code String} of at most {@code n} characters (Unicode code points); it is not
 * padded.
 */
final class CharConverter extends ValueConverter {
  private final int length;

  CharConverter(CharType type) {
    super(type);
    this.length = type.getLength();
  }

  @Override
  Object toCanonical(Object value) {
    if (!(value instanceof String)) {
      throw wrongType(value);
    }
    String text = (String) value;
    // A string never has more code points than chars, so the cheap check settles the common case.
    if (text.length() > length && text.codePointCount(0, text.length()) > length) {
      throw doesNotFit(value, "it is longer than " + length + " characters");
    }
    return text;
  }
}
