package io.flussjava.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flussjava.client.admin.PartitionInfo;
import io.flussjava.client.admin.PartitionSpec;
import io.flussjava.exception.PartitionSpecInvalidException;
import io.flussjava.types.DataTypeRoot;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/**
 * Partition names from column values, as the official client writes them, and partition spec
 * validation.
 */
class PartitionNamesTest {

  private static String name(DataTypeRoot type, Object value) {
    return PartitionNames.toPartitionString(type, value);
  }

  @Test
  void valuesBecomePartitionNamesLikeTheOfficialClient() {
    assertThat(name(DataTypeRoot.STRING, "EU")).isEqualTo("EU");
    assertThat(name(DataTypeRoot.BOOLEAN, true)).isEqualTo("true");
    assertThat(name(DataTypeRoot.TINYINT, (byte) -3)).isEqualTo("-3");
    assertThat(name(DataTypeRoot.INTEGER, 2024)).isEqualTo("2024");
    assertThat(name(DataTypeRoot.BIGINT, -7L)).isEqualTo("-7");
    assertThat(name(DataTypeRoot.BYTES, new byte[] {0x0a, (byte) 0xff})).isEqualTo("0aff");
    assertThat(name(DataTypeRoot.DATE, LocalDate.of(2024, 6, 1))).isEqualTo("2024-06-01");
    assertThat(name(DataTypeRoot.DATE, LocalDate.of(12, 1, 2))).isEqualTo("0012-01-02");
    assertThat(name(DataTypeRoot.TIME_WITHOUT_TIME_ZONE, LocalTime.of(3, 4, 5, 6_000_000)))
        .isEqualTo("03-04-05_006");
    assertThat(
            name(DataTypeRoot.TIMESTAMP_WITHOUT_TIME_ZONE, LocalDateTime.of(2024, 1, 2, 3, 4, 5)))
        .isEqualTo("2024-01-02-03-04-05_");
    assertThat(
            name(
                DataTypeRoot.TIMESTAMP_WITHOUT_TIME_ZONE,
                LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_400_000)))
        .isEqualTo("2024-01-02-03-04-05_1234");
    assertThat(
            name(
                DataTypeRoot.TIMESTAMP_WITH_LOCAL_TIME_ZONE,
                Instant.parse("2024-01-02T03:04:05.000000007Z")))
        .isEqualTo("2024-01-02-03-04-05_000000007");
    assertThat(name(DataTypeRoot.DOUBLE, 1.5d)).isEqualTo("1_5");
    assertThat(name(DataTypeRoot.FLOAT, -2.25f)).isEqualTo("-2_25");
    assertThat(name(DataTypeRoot.DOUBLE, Double.NaN)).isEqualTo("NaN");
    assertThat(name(DataTypeRoot.DOUBLE, Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
  }

  @Test
  void specsAreValidatedAndNamedInPartitionKeyOrder() {
    PartitionSpec spec = PartitionSpec.of("region", "EU", "dt", "2024-06-01");
    assertThat(PartitionNames.nameOf(java.util.List.of("dt", "region"), spec))
        .isEqualTo("2024-06-01$EU");
    assertThat(spec).isEqualTo(PartitionSpec.of("dt", "2024-06-01", "region", "EU"));
    assertThat(new PartitionInfo(3, PartitionSpec.of("dt", "d", "region", "r")).getPartitionName())
        .isEqualTo("d$r");

    assertThatThrownBy(() -> PartitionSpec.of("dt", "a$b"))
        .isInstanceOf(PartitionSpecInvalidException.class);
    assertThatThrownBy(() -> PartitionSpec.of("dt", "__x"))
        .isInstanceOf(PartitionSpecInvalidException.class)
        .hasMessageContaining("reserved");
    assertThatThrownBy(() -> PartitionSpec.of("dt", "x".repeat(201)))
        .isInstanceOf(PartitionSpecInvalidException.class);
    assertThatThrownBy(() -> PartitionSpec.of("dt", "1", "dt", "2"))
        .isInstanceOf(PartitionSpecInvalidException.class)
        .hasMessageContaining("twice");
    assertThatThrownBy(() -> PartitionSpec.of(java.util.Map.of()))
        .isInstanceOf(PartitionSpecInvalidException.class);
  }
}
