package io.flussjava.types.convert;

import static org.assertj.core.api.Assertions.assertThat;

import io.flussjava.types.DataTypes;
import io.flussjava.types.RowType;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Values keep exactly the digits their column keeps, whatever format carries them later. */
class TemporalPrecisionTest {
  private final RowConverter converter =
      RowConverter.of(
          DataTypes.ROW(
              DataTypes.FIELD("ts3", DataTypes.TIMESTAMP(3)),
              DataTypes.FIELD("ts6", DataTypes.TIMESTAMP(6)),
              DataTypes.FIELD("ts9", DataTypes.TIMESTAMP(9)),
              DataTypes.FIELD("ltz0", DataTypes.TIMESTAMP_LTZ(0)),
              DataTypes.FIELD("ltz6", DataTypes.TIMESTAMP_LTZ(6)),
              DataTypes.FIELD("t0", DataTypes.TIME(0)),
              DataTypes.FIELD("t6", DataTypes.TIME(6))));

  @Test
  void extraDigitsAreDropped() {
    LocalDateTime ldt = LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_789);
    Instant before1970 = Instant.ofEpochSecond(-10, 987_654_321);
    LocalTime time = LocalTime.of(1, 2, 3, 456_789_123);
    Object[] row =
        converter.toCanonical(
            ldt, ldt, ldt, before1970, OffsetDateTime.of(ldt, ZoneOffset.ofHours(2)), time, time);
    assertThat(row[0]).isEqualTo(ldt.withNano(123_000_000));
    assertThat(row[1]).isEqualTo(ldt.withNano(123_456_000));
    assertThat(row[2]).isSameAs(ldt);
    assertThat(row[3]).isEqualTo(Instant.ofEpochSecond(-10));
    assertThat(row[4]).isEqualTo(ldt.withNano(123_456_000).toInstant(ZoneOffset.ofHours(2)));
    assertThat(row[5]).isEqualTo(LocalTime.of(1, 2, 3));
    assertThat(row[6]).as("TIME keeps milliseconds at most").isEqualTo(LocalTime.of(1, 2, 3, 456_000_000));
  }

  @Test
  void valuesAlreadyAtPrecisionAreKept() {
    LocalDateTime exact = LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_000_000);
    Object[] row =
        converter.toCanonical(exact, exact, exact, Instant.EPOCH, Instant.EPOCH, LocalTime.NOON, LocalTime.NOON);
    assertThat(row[0]).isSameAs(exact);
    assertThat(row[3]).isSameAs(Instant.EPOCH);
  }
}
