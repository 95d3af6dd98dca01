package io.flussjava.arrow;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * Builds {@code LocalDateTime}s from epoch seconds for one column, reusing the {@code LocalDate} of
 * the previous value when the day is the same. The calendar arithmetic of {@code
 * LocalDate.ofEpochDay} is most of the cost of a timestamp, and the rows of one batch mostly fall
 * on a handful of days. Not thread-safe: one per column reader.
 */
final class EpochDateTimes {
  private static final long SECONDS_PER_DAY = 86_400L;
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private long cachedDay = Long.MIN_VALUE;
  private LocalDate cachedDate;

  LocalDateTime of(long epochSecond, int nanoOfSecond) {
    long day = Math.floorDiv(epochSecond, SECONDS_PER_DAY);
    long secondOfDay = Math.floorMod(epochSecond, SECONDS_PER_DAY);
    if (day != cachedDay) {
      cachedDate = LocalDate.ofEpochDay(day);
      cachedDay = day;
    }
    return LocalDateTime.of(
        cachedDate, LocalTime.ofNanoOfDay(secondOfDay * NANOS_PER_SECOND + nanoOfSecond));
  }
}
