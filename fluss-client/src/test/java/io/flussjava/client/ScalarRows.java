package io.flussjava.client;

import io.flussjava.types.DataTypes;
import io.flussjava.types.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A schema with a column of every scalar type, and rows that cover nulls and edge values of each.
 */
final class ScalarRows {
  private ScalarRows() {}

  static Schema schema() {
    return Schema.newBuilder()
        .column("id", DataTypes.INT().notNull())
        .column("c_boolean", DataTypes.BOOLEAN())
        .column("c_tinyint", DataTypes.TINYINT())
        .column("c_smallint", DataTypes.SMALLINT())
        .column("c_bigint", DataTypes.BIGINT())
        .column("c_float", DataTypes.FLOAT())
        .column("c_double", DataTypes.DOUBLE())
        .column("c_decimal", DataTypes.DECIMAL(10, 2))
        .column("c_decimal_big", DataTypes.DECIMAL(38, 18))
        .column("c_char", DataTypes.CHAR(3))
        .column("c_string", DataTypes.STRING())
        .column("c_binary", DataTypes.BINARY(4))
        .column("c_bytes", DataTypes.BYTES())
        .column("c_date", DataTypes.DATE())
        .column("c_time", DataTypes.TIME(3))
        .column("c_ts0", DataTypes.TIMESTAMP(0))
        .column("c_ts3", DataTypes.TIMESTAMP(3))
        .column("c_ts6", DataTypes.TIMESTAMP(6))
        .column("c_ts9", DataTypes.TIMESTAMP(9))
        .column("c_ltz3", DataTypes.TIMESTAMP_LTZ(3))
        .column("c_ltz6", DataTypes.TIMESTAMP_LTZ(6))
        .build();
  }

  /**
   * Row {@code i}: a few fixed edge-value rows first, then ordinary values; every other row has
   * nulls.
   */
  static Object[] row(int i) {
    switch (i) {
      case 0:
        return new Object[] {
          0,
          true,
          Byte.MIN_VALUE,
          Short.MIN_VALUE,
          Long.MIN_VALUE,
          Float.NEGATIVE_INFINITY,
          Double.NaN,
          new BigDecimal("-99999999.99"),
          new BigDecimal("-99999999999999999999.999999999999999999"),
          "",
          // BINARY ends in a non-zero byte: the 0.9.1 server trims trailing zeros when it turns an
          // INDEXED
          // KV row into its Arrow changelog and then fails on the short value (a server-side
          // limitation).
          "",
          new byte[] {0, 0, 0, 1},
          new byte[0],
          LocalDate.of(1, 1, 1),
          LocalTime.MIDNIGHT,
          LocalDateTime.of(1970, 1, 1, 0, 0),
          LocalDateTime.of(1900, 1, 1, 0, 0, 0, 1_000_000),
          LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_000),
          LocalDateTime.of(2262, 4, 11, 23, 47, 16, 1),
          Instant.EPOCH,
          Instant.ofEpochSecond(-1, 123_456_000)
        };
      case 1:
        return new Object[] {
          1,
          false,
          Byte.MAX_VALUE,
          Short.MAX_VALUE,
          Long.MAX_VALUE,
          Float.MAX_VALUE,
          -0.0d,
          new BigDecimal("99999999.99"),
          new BigDecimal("99999999999999999999.999999999999999999"),
          "日",
          "ünïcödé ✓ 😀",
          new byte[] {-1, 0, 1, 127},
          new byte[] {1, 2, 3},
          LocalDate.of(9999, 12, 31),
          LocalTime.of(23, 59, 59, 999_000_000),
          LocalDateTime.of(2024, 2, 29, 12, 0, 1),
          LocalDateTime.of(2024, 2, 29, 12, 0, 1, 999_000_000),
          LocalDateTime.of(2024, 2, 29, 12, 0, 1, 123_456_000),
          LocalDateTime.of(2024, 2, 29, 12, 0, 1, 123_456_789),
          Instant.parse("2024-02-29T12:00:01.999Z"),
          Instant.parse("2262-04-11T23:47:16.854775Z")
        };
      default:
        if (i % 2 == 0) {
          Object[] nulls = new Object[schema().getColumns().size()];
          nulls[0] = i;
          return nulls;
        }
        return new Object[] {
          i,
          i % 3 == 0,
          (byte) (i % 100),
          (short) (i * 3),
          i * 1_000_003L,
          i / 7f,
          i * 1.5d,
          BigDecimal.valueOf(i, 2),
          new BigDecimal(i + ".000000000000000001"),
          "c" + (i % 10),
          "row-" + i,
          new byte[] {(byte) i, 1, 2, 3},
          ("bytes-" + i).getBytes(),
          LocalDate.of(2020, 1, 1).plusDays(i),
          LocalTime.ofSecondOfDay(i % 86_400).withNano((i % 1000) * 1_000_000),
          LocalDateTime.of(2021, 6, 1, 0, 0).plusSeconds(i),
          LocalDateTime.of(2021, 6, 1, 0, 0).plusNanos(i * 1_000_000L),
          LocalDateTime.of(2021, 6, 1, 0, 0).plusNanos(i * 1_000L),
          LocalDateTime.of(2021, 6, 1, 0, 0).plusNanos(i),
          Instant.ofEpochMilli(1_700_000_000_000L + i),
          Instant.ofEpochSecond(1_700_000_000L, i * 1_000L)
        };
    }
  }

  static List<Object[]> rows(int n) {
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rows.add(row(i));
    }
    return rows;
  }

  /** A comparable text form of a row (arrays by content, -0.0 and NaN kept distinct). */
  static String text(List<Object> row) {
    StringBuilder sb = new StringBuilder("[");
    for (Object v : row) {
      sb.append(
          v instanceof byte[]
              ? Arrays.toString((byte[]) v)
              : v instanceof Double ? Double.toString((Double) v) + "d" : String.valueOf(v));
      sb.append(v == null ? "" : "/" + v.getClass().getSimpleName()).append(", ");
    }
    return sb.append(']').toString();
  }

  static String text(Object[] row) {
    return text(Arrays.asList(row));
  }
}
