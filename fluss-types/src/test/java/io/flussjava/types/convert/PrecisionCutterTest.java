package io.flussjava.types.convert;

import static org.assertj.core.api.Assertions.assertThat;

import io.flussjava.types.DataField;
import io.flussjava.types.DataTypes;
import io.flussjava.types.RowType;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrecisionCutterTest {
  private final RowType type =
      new RowType(
          List.of(
              new DataField("ts6", DataTypes.TIMESTAMP(6)),
              new DataField("ltz3", DataTypes.TIMESTAMP_LTZ(3)),
              new DataField("t0", DataTypes.TIME(0)),
              new DataField("ts9", DataTypes.TIMESTAMP(9)),
              new DataField("s", DataTypes.STRING())));
  private final PrecisionCutter cutter = new PrecisionCutter(type);

  @Test
  void digitsBeyondTheColumnsPrecisionAreDroppedInACopy() {
    LocalDateTime nanos = LocalDateTime.of(2024, 6, 1, 12, 0, 0, 123_456_789);
    Object[] row = {
      nanos, Instant.ofEpochSecond(-1, 999_999_999), LocalTime.of(1, 2, 3, 456_000_000), nanos, "x"
    };
    Object[] cut = cutter.cut(row);
    assertThat(cut).isNotSameAs(row);
    assertThat(row[0]).as("the caller's array is untouched").isEqualTo(nanos);
    assertThat(cut[0]).isEqualTo(LocalDateTime.of(2024, 6, 1, 12, 0, 0, 123_456_000));
    assertThat(cut[1])
        .as("toward the past, also before 1970")
        .isEqualTo(Instant.ofEpochSecond(-1, 999_000_000));
    assertThat(cut[2]).isEqualTo(LocalTime.of(1, 2, 3));
    assertThat(cut[3]).as("precision 9 keeps every digit").isSameAs(nanos);
    assertThat(cut[4]).isEqualTo("x");
  }

  @Test
  void aRowWithinPrecisionIsReturnedAsItIs() {
    Object[] row = {
      LocalDateTime.of(2024, 6, 1, 12, 0, 0, 123_456_000), null, LocalTime.NOON, null, null
    };
    assertThat(cutter.cut(row)).isSameAs(row);
  }
}
