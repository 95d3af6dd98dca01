package io.flussjava.types.convert;

import io.flussjava.types.DataType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

/**
 * TIMESTAMP_LTZ: an {@code Instant}, or an {@code OffsetDateTime}/{@code ZonedDateTime}, which name
 * one instant.
 */
final class InstantConverter extends ValueConverter {
  InstantConverter(DataType type) {
    super(type);
  }

  @Override
  Object toCanonical(Object value) {
    if (value instanceof Instant) {
      return value;
    }
    if (value instanceof OffsetDateTime) {
      return ((OffsetDateTime) value).toInstant();
    }
    if (value instanceof ZonedDateTime) {
      return ((ZonedDateTime) value).toInstant();
    }
    throw wrongType(value);
  }

  @Override
  Class<?> passThroughClass() {
    return Instant.class;
  }
}
