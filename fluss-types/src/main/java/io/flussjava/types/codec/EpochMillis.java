package io.flussjava.types.codec;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * Timestamps as the row formats store them: epoch milliseconds plus the nanoseconds within the
 * millisecond.
 */
final class EpochMillis {
  private static final long MILLIS_PER_DAY = 86_400_000L;
  private static final int NANOS_PER_MILLI = 1_000_000;

  private EpochMillis() {}

  static LocalDateTime toLocalDateTime(long epochMillis, int nanoOfMilli) {
    long day = Math.floorDiv(epochMillis, MILLIS_PER_DAY);
    long millisOfDay = Math.floorMod(epochMillis, MILLIS_PER_DAY);
    return LocalDateTime.of(
        LocalDate.ofEpochDay(day),
        LocalTime.ofNanoOfDay(millisOfDay * NANOS_PER_MILLI + nanoOfMilli));
  }

  static Instant toInstant(long epochMillis, int nanoOfMilli) {
    return Instant.ofEpochSecond(
        Math.floorDiv(epochMillis, 1000L),
        Math.floorMod(epochMillis, 1000L) * NANOS_PER_MILLI + nanoOfMilli);
  }
}
