package io.flussjava.types.convert;

import io.flussjava.types.BinaryType;

/**
 * BINARY(n): a {@code byte[]} of exactly {@code n} bytes. Exact, because ARROW log tables store
 * BINARY(n) as Arrow fixed-size binary, which cannot hold a shorter value, and Fluss does not pad.
 */
final class BinaryConverter extends ValueConverter {
  private final int length;

  BinaryConverter(BinaryType type) {
    super(type);
    this.length = type.getLength();
  }

  @Override
  Object toCanonical(Object value) {
    if (!(value instanceof byte[])) {
      throw wrongType(value);
    }
    if (((byte[]) value).length != length) {
      throw doesNotFit(
          value, "BINARY(" + length + ") values must be exactly " + length + " bytes long");
    }
    return value;
  }
}
