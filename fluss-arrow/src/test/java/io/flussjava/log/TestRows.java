package io.flussjava.log;

import static io.flussjava.types.DataTypes.BIGINT;
import static io.flussjava.types.DataTypes.BINARY;
import static io.flussjava.types.DataTypes.BOOLEAN;
import static io.flussjava.types.DataTypes.BYTES;
import static io.flussjava.types.DataTypes.CHAR;
import static io.flussjava.types.DataTypes.DATE;
import static io.flussjava.types.DataTypes.DECIMAL;
import static io.flussjava.types.DataTypes.DOUBLE;
import static io.flussjava.types.DataTypes.FIELD;
import static io.flussjava.types.DataTypes.FLOAT;
import static io.flussjava.types.DataTypes.INT;
import static io.flussjava.types.DataTypes.ROW;
import static io.flussjava.types.DataTypes.SMALLINT;
import static io.flussjava.types.DataTypes.STRING;
import static io.flussjava.types.DataTypes.TIME;
import static io.flussjava.types.DataTypes.TIMESTAMP;
import static io.flussjava.types.DataTypes.TIMESTAMP_LTZ;
import static io.flussjava.types.DataTypes.TINYINT;

import io.flussjava.types.DataType;
import io.flussjava.types.DataTypeRoot;
import io.flussjava.types.LocalZonedTimestampType;
import io.flussjava.types.RowType;
import io.flussjava.types.TimeType;
import io.flussjava.types.TimestampType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Rows covering every scalar type, with edge values and nulls, and what each format gives back for
 * them.
 */
final class TestRows {
  static final RowType ALL_TYPES =
      ROW(
          FIELD("id", BIGINT().notNull()),
          FIELD("f_bool", BOOLEAN()),
          FIELD("f_tiny", TINYINT()),
          FIELD("f_small", SMALLINT()),
          FIELD("f_int", INT()),
          FIELD("f_big", BIGINT()),
          FIELD("f_float", FLOAT()),
          FIELD("f_double", DOUBLE()),
          FIELD("f_dec10", DECIMAL(10, 2)),
          FIELD("f_dec38", DECIMAL(38, 18)),
          FIELD("f_char", CHAR(10)),
          FIELD("f_string", STRING()),
          FIELD("f_binary", BINARY(4)),
          FIELD("f_bytes", BYTES()),
          FIELD("f_date", DATE()),
          FIELD("f_time0", TIME(0)),
          FIELD("f_time3", TIME(3)),
          FIELD("f_time6", TIME(6)),
          FIELD("f_time9", TIME(9)),
          FIELD("f_ts0", TIMESTAMP(0)),
          FIELD("f_ts3", TIMESTAMP(3)),
          FIELD("f_ts6", TIMESTAMP(6)),
          FIELD("f_ts9", TIMESTAMP(9)),
          FIELD("f_ltz0", TIMESTAMP_LTZ(0)),
          FIELD("f_ltz3", TIMESTAMP_LTZ(3)),
          FIELD("f_ltz6", TIMESTAMP_LTZ(6)),
          FIELD("f_ltz9", TIMESTAMP_LTZ(9)),
          FIELD("f_int_nn", INT().notNull()),
          FIELD("f_string_nn", STRING().notNull()));

  private static final BigDecimal DEC38_MAX =
      new BigDecimal("99999999999999999999.999999999999999999");

  private TestRows() {}

  /**
   * Edge rows first (minimums, maximums, a row of nulls), then random rows; {@code id} is the row
   * number.
   */
  static List<Object[]> rows(int count, long seed) {
    List<Object[]> rows = new ArrayList<>();
    rows.add(
        new Object[] {
          0L,
          true,
          Byte.MIN_VALUE,
          Short.MIN_VALUE,
          Integer.MIN_VALUE,
          Long.MIN_VALUE,
          Float.NaN,
          Double.NEGATIVE_INFINITY,
          new BigDecimal("-99999999.99"),
          DEC38_MAX.negate(),
          "",
          "",
          new byte[4],
          new byte[0],
          LocalDate.of(1, 1, 1),
          LocalTime.MIDNIGHT,
          LocalTime.MIDNIGHT,
          LocalTime.MIDNIGHT,
          LocalTime.MIDNIGHT,
          LocalDateTime.of(1, 1, 1, 0, 0),
          LocalDateTime.of(1, 1, 1, 0, 0, 0, 1_000_000),
          LocalDateTime.of(1, 1, 1, 0, 0, 0, 1_000),
          LocalDateTime.of(1677, 9, 22, 0, 0, 0, 1),
          Instant.parse("0001-01-01T00:00:00Z"),
          Instant.parse("0001-01-01T00:00:00.001Z"),
          Instant.parse("0001-01-01T00:00:00.000001Z"),
          Instant.parse("1677-09-22T00:00:00.000000001Z"),
          Integer.MIN_VALUE,
          ""
        });
    rows.add(
        new Object[] {
          1L,
          false,
          Byte.MAX_VALUE,
          Short.MAX_VALUE,
          Integer.MAX_VALUE,
          Long.MAX_VALUE,
          Float.POSITIVE_INFINITY,
          -0.0d,
          new BigDecimal("99999999.99"),
          DEC38_MAX,
          "日本",
          "héllo wörld ✓ 😀 日本語",
          new byte[] {1, 2, 3, (byte) 0xFF},
          new byte[] {0, (byte) 0x80, (byte) 0xFF},
          LocalDate.of(9999, 12, 31),
          LocalTime.of(23, 59, 59, 999_999_999),
          LocalTime.of(23, 59, 59, 999_000_000),
          LocalTime.of(23, 59, 59, 999_999_000),
          LocalTime.of(23, 59, 59, 999_999_999),
          LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_999),
          LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_999),
          LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_999),
          LocalDateTime.of(2262, 4, 11, 23, 47, 16, 854_775_807),
          Instant.parse("9999-12-31T23:59:59.999999999Z"),
          Instant.parse("9999-12-31T23:59:59.999999999Z"),
          Instant.parse("9999-12-31T23:59:59.999999999Z"),
          Instant.parse("2262-04-11T23:47:16.854775807Z"),
          Integer.MAX_VALUE,
          "x"
        });
    Object[] nulls = new Object[ALL_TYPES.getFieldCount()];
    nulls[0] = 2L;
    nulls[nulls.length - 2] = 0;
    nulls[nulls.length - 1] = "not null";
    rows.add(nulls);
    rows.add(
        new Object[] {
          3L,
          true,
          (byte) 0,
          (short) 0,
          0,
          0L,
          -0.0f,
          Double.NaN,
          new BigDecimal("0.00"),
          new BigDecimal("0.000000000000000001"),
          "abc",
          "plain ascii",
          new byte[] {0, 0, 0, 1},
          new byte[] {42},
          LocalDate.of(1970, 1, 1),
          LocalTime.of(12, 34, 56, 789_123_456),
          LocalTime.of(12, 34, 56, 789_123_456),
          LocalTime.of(12, 34, 56, 789_123_456),
          LocalTime.of(12, 34, 56, 789_123_456),
          LocalDateTime.of(1969, 12, 31, 23, 59, 59, 123_456_789),
          LocalDateTime.of(1969, 12, 31, 23, 59, 59, 123_456_789),
          LocalDateTime.of(1969, 12, 31, 23, 59, 59, 123_456_789),
          LocalDateTime.of(1969, 12, 31, 23, 59, 59, 123_456_789),
          Instant.parse("1969-12-31T23:59:59.123456789Z"),
          Instant.parse("1969-12-31T23:59:59.123456789Z"),
          Instant.parse("1969-12-31T23:59:59.123456789Z"),
          Instant.parse("1969-12-31T23:59:59.123456789Z"),
          -1,
          "-"
        });
    Random random = new Random(seed);
    while (rows.size() < count) {
      rows.add(randomRow(rows.size(), random));
    }
    return rows;
  }

  static Object[] randomRow(long id, Random random) {
    Object[] row = new Object[ALL_TYPES.getFieldCount()];
    LocalDateTime dateTime =
        LocalDateTime.of(
            1900 + random.nextInt(300),
            1 + random.nextInt(12),
            1 + random.nextInt(28),
            random.nextInt(24),
            random.nextInt(60),
            random.nextInt(60),
            random.nextInt(1_000_000_000));
    Instant instant = Instant.ofEpochSecond(random.nextInt(), random.nextInt(1_000_000_000));
    LocalTime time = LocalTime.ofNanoOfDay(Math.floorMod(random.nextLong(), 86_400_000_000_000L));
    byte[] binary = new byte[4];
    random.nextBytes(binary);
    byte[] bytes = new byte[random.nextInt(20)];
    random.nextBytes(bytes);
    Object[] values = {
      id,
      random.nextBoolean(),
      (byte) random.nextInt(),
      (short) random.nextInt(),
      random.nextInt(),
      random.nextLong(),
      random.nextFloat() * 1e6f,
      random.nextGaussian() * 1e12,
      BigDecimal.valueOf(random.nextInt(), 2),
      new BigDecimal(random.nextLong() + "." + (random.nextLong() >>> 4))
          .setScale(18, java.math.RoundingMode.DOWN),
      "c" + random.nextInt(1000),
      "s-" + Long.toString(random.nextLong(), 36) + (random.nextBoolean() ? "ü" : ""),
      binary,
      bytes,
      LocalDate.ofEpochDay(random.nextInt(2_000_000) - 700_000),
      time,
      time,
      time,
      time,
      dateTime,
      dateTime,
      dateTime,
      dateTime,
      instant,
      instant,
      instant,
      instant,
      random.nextInt(),
      "nn" + id
    };
    System.arraycopy(values, 0, row, 0, values.length);
    for (int i = 1; i < row.length - 2; i++) {
      if (random.nextInt(8) == 0) {
        row[i] = null;
      }
    }
    return row;
  }

  /**
   * What reading {@code row} back gives: ARROW keeps time values to the column's precision; the row
   * formats keep TIME to milliseconds and TIMESTAMPs to milliseconds up to precision 3, to
   * nanoseconds above.
   */
  static Object[] expected(RowType rowType, Object[] row, boolean arrow) {
    Object[] expected = row.clone();
    for (int i = 0; i < expected.length; i++) {
      if (expected[i] == null) {
        continue;
      }
      DataType type = rowType.getTypeAt(i);
      if (type.is(DataTypeRoot.TIME_WITHOUT_TIME_ZONE)) {
        int precision = arrow ? ((TimeType) type).getPrecision() : 3;
        expected[i] = ((LocalTime) expected[i]).truncatedTo(unit(arrow ? precision : 3));
      } else if (type.is(DataTypeRoot.TIMESTAMP_WITHOUT_TIME_ZONE)) {
        int precision = ((TimestampType) type).getPrecision();
        expected[i] =
            ((LocalDateTime) expected[i])
                .truncatedTo(unit(arrow ? precision : precision <= 3 ? 3 : 9));
      } else if (type.is(DataTypeRoot.TIMESTAMP_WITH_LOCAL_TIME_ZONE)) {
        int precision = ((LocalZonedTimestampType) type).getPrecision();
        expected[i] =
            ((Instant) expected[i]).truncatedTo(unit(arrow ? precision : precision <= 3 ? 3 : 9));
      }
    }
    return expected;
  }

  private static ChronoUnit unit(int precision) {
    if (precision == 0) {
      return ChronoUnit.SECONDS;
    } else if (precision <= 3) {
      return ChronoUnit.MILLIS;
    } else if (precision <= 6) {
      return ChronoUnit.MICROS;
    }
    return ChronoUnit.NANOS;
  }
}
