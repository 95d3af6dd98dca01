package io.flussjava.types.convert;

import io.flussjava.types.DataType;
import io.flussjava.types.LocalZonedTimestampType;
import io.flussjava.types.TimeType;
import io.flussjava.types.TimestampType;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * TIME(p), TIMESTAMP(p) and TIMESTAMP_LTZ(p) with p below 9: drops the digits the column does not keep, so a value
 * reads back the same whichever way it travels (Arrow log batches keep exactly p digits, row formats may keep more).
 * TIME is kept to milliseconds at most, as Fluss stores it.
 */
final class TemporalPrecisionConverter extends ValueConverter {
  private static final long[] UNIT_NANOS = {
    1_000_000_000L, 100_000_000L, 10_000_000L, 1_000_000L, 100_000L, 10_000L, 1_000L, 100L, 10L, 1L
  };

  private final ValueConverter accept;
  private final long unit;

  private TemporalPrecisionConverter(DataType type, ValueConverter accept, int precision) {
    super(type);
    this.accept = accept;
    this.unit = UNIT_NANOS[precision];
  }

  /** The converter for a temporal type: {@code accept} as it is when nothing needs truncating. */
  static ValueConverter wrap(DataType type, ValueConverter accept) {
    int precision;
    if (type instanceof TimeType) {
      precision = Math.min(((TimeType) type).getPrecision(), 3);
    } else if (type instanceof TimestampType) {
      precision = ((TimestampType) type).getPrecision();
    } else if (type instanceof LocalZonedTimestampType) {
      precision = ((LocalZonedTimestampType) type).getPrecision();
    } else {
      return accept;
    }
    return precision >= 9 ? accept : new TemporalPrecisionConverter(type, accept, precision);
  }

  @Override
  Object toCanonical(Object value) {
    Object v = value.getClass() == accept.passThroughClass() ? value : accept.toCanonical(value);
    if (v instanceof LocalDateTime) {
      LocalDateTime t = (LocalDateTime) v;
      long extra = t.getNano() % unit;
      return extra == 0 ? t : t.withNano((int) (t.getNano() - extra));
    }
    if (v instanceof Instant) {
      Instant t = (Instant) v;
      long extra = t.getNano() % unit;
      return extra == 0 ? t : Instant.ofEpochSecond(t.getEpochSecond(), t.getNano() - extra);
    }
    if (v instanceof LocalTime) {
      LocalTime t = (LocalTime) v;
      long nanos = t.toNanoOfDay();
      long extra = nanos % unit;
      return extra == 0 ? t : LocalTime.ofNanoOfDay(nanos - extra);
    }
    return v;
  }
}
