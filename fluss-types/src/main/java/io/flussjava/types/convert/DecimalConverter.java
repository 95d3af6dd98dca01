package io.flussjava.types.convert;

import io.flussjava.types.DecimalType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * DECIMAL(p, s): a {@code BigDecimal} (or an integral box or {@code BigInteger}) brought to scale
 * {@code s} without rounding. Values that would lose digits after the point, or need more than
 * {@code p} digits, are rejected rather than silently rounded: a stored amount must be the amount
 * that was written.
 */
final class DecimalConverter extends ValueConverter {
  private final int precision;
  private final int scale;

  DecimalConverter(DecimalType type) {
    super(type);
    this.precision = type.getPrecision();
    this.scale = type.getScale();
  }

  @Override
  Object toCanonical(Object value) {
    BigDecimal decimal;
    if (value instanceof BigDecimal) {
      decimal = (BigDecimal) value;
    } else if (value instanceof Long
        || value instanceof Integer
        || value instanceof Short
        || value instanceof Byte) {
      decimal = BigDecimal.valueOf(((Number) value).longValue());
    } else if (value instanceof BigInteger) {
      decimal = new BigDecimal((BigInteger) value);
    } else {
      throw wrongType(value);
    }
    if (decimal.scale() != scale) {
      try {
        decimal = decimal.setScale(scale, RoundingMode.UNNECESSARY);
      } catch (ArithmeticException e) {
        throw doesNotFit(value, "it has more than " + scale + " digits after the point");
      }
    }
    if (decimal.precision() > precision) {
      throw doesNotFit(
          value,
          "it needs " + decimal.precision() + " digits, more than the precision " + precision);
    }
    return decimal;
  }
}
