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

  /** Epoch milliseconds of {@code value}, floored (so the nanoseconds below are never negative). */
  static long millisOf(LocalDateTime value) {
    return value.toLocalDate().toEpochDay() * MILLIS_PER_DAY
        + value.toLocalTime().toNanoOfDay() / NANOS_PER_MILLI;
  }

  /** The nanoseconds of {@code value} within its millisecond, 0..999,999. */
  static int nanoOfMilliOf(LocalDateTime value) {
    return (int) (value.toLocalTime().toNanoOfDay() % NANOS_PER_MILLI);
  }

  /** Epoch milliseconds of {@code value}, floored. */
  static long millisOf(Instant value) {
    // getNano() is always 0..999,999,999, so the division floors.
    return value.getEpochSecond() * 1000L + value.getNano() / NANOS_PER_MILLI;
  }

  /** The nanoseconds of {@code value} within its millisecond, 0..999,999. */
  static int nanoOfMilliOf(Instant value) {
    return value.getNano() % NANOS_PER_MILLI;
  }

  /** Milliseconds of the day of {@code value} (TIME columns hold milliseconds). */
  static int millisOfDay(LocalTime value) {
    return (int) (value.toNanoOfDay() / NANOS_PER_MILLI);
  }
}
