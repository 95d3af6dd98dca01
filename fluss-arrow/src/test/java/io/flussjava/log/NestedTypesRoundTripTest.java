package io.flussjava.log;

import static io.flussjava.types.DataTypes.ARRAY;
import static io.flussjava.types.DataTypes.BIGINT;
import static io.flussjava.types.DataTypes.BOOLEAN;
import static io.flussjava.types.DataTypes.BYTES;
import static io.flussjava.types.DataTypes.DATE;
import static io.flussjava.types.DataTypes.DECIMAL;
import static io.flussjava.types.DataTypes.DOUBLE;
import static io.flussjava.types.DataTypes.FIELD;
import static io.flussjava.types.DataTypes.INT;
import static io.flussjava.types.DataTypes.MAP;
import static io.flussjava.types.DataTypes.ROW;
import static io.flussjava.types.DataTypes.STRING;
import static io.flussjava.types.DataTypes.TIMESTAMP;
import static io.flussjava.types.DataTypes.TIMESTAMP_LTZ;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flussjava.exception.InvalidRowException;
import io.flussjava.types.RowType;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ARRAY, MAP and ROW columns, nested in each other, with empty and null values at every level, in
 * every format.
 */
class NestedTypesRoundTripTest {
  static final RowType NESTED =
      ROW(
          FIELD("id", INT().notNull()),
          FIELD("ints", ARRAY(INT())),
          FIELD("names", ARRAY(STRING().notNull())),
          FIELD("matrix", ARRAY(ARRAY(BIGINT()))),
          FIELD("attrs", MAP(STRING().notNull(), INT())),
          FIELD("index", MAP(INT().notNull(), ARRAY(STRING()))),
          FIELD(
              "point",
              ROW(FIELD("x", DOUBLE()), FIELD("label", STRING()), FIELD("tags", ARRAY(BOOLEAN())))),
          FIELD(
              "outer",
              ROW(
                  FIELD("inner", ROW(FIELD("n", BIGINT().notNull()), FIELD("b", BYTES()))),
                  FIELD("d", DATE()))),
          FIELD("events", ARRAY(ROW(FIELD("at", TIMESTAMP(3)), FIELD("amount", DECIMAL(10, 2))))),
          FIELD("moments", MAP(STRING().notNull(), TIMESTAMP_LTZ(6))),
          FIELD("big", ARRAY(DECIMAL(38, 10))),
          FIELD("must", ARRAY(INT()).notNull()));

  private BufferAllocator allocator;

  @BeforeEach
  void openAllocator() {
    allocator = new RootAllocator();
  }

  @AfterEach
  void closeAllocator() {
    allocator.close(); // throws if a test leaked Arrow memory
  }

  static Stream<Map<String, String>> tables() {
    return Stream.of(
        Map.of("table.log.format", "ARROW", "table.log.arrow.compression.type", "NONE"),
        Map.of("table.log.format", "ARROW", "table.log.arrow.compression.type", "ZSTD"),
        Map.of("table.log.format", "ARROW", "table.log.arrow.compression.type", "LZ4_FRAME"),
        Map.of("table.log.format", "COMPACTED"),
        Map.of("table.log.format", "INDEXED"));
  }

  private static boolean isArrow(Map<String, String> table) {
    return LogFormats.forTable(table).name().equals("ARROW");
  }

  static List<Object[]> rows(int count, long seed) {
    List<Object[]> rows = new ArrayList<>();
    // Every nested column null (but the NOT NULL one, which is empty).
    Object[] nulls = new Object[NESTED.getFieldCount()];
    nulls[0] = 0;
    nulls[nulls.length - 1] = List.of();
    rows.add(nulls);
    // Empty at every level.
    rows.add(
        new Object[] {
          1,
          List.of(),
          List.of(),
          List.of(),
          Map.of(),
          Map.of(),
          row(null, null, null),
          row(row(0L, null), null),
          List.of(),
          Map.of(),
          List.of(),
          List.of()
        });
    // Nulls inside: null elements, null map values, empty inner lists, null inner rows.
    rows.add(
        new Object[] {
          2,
          list(null, 1, null),
          List.of(""),
          list(list(), null, list(Long.MIN_VALUE, null)),
          map("a", null, "", 0),
          map(-1, null, 0, list(), 7, list(null, "x")),
          row(Double.NaN, "p", list(true, null)),
          row(null, LocalDate.of(1, 1, 1)),
          list(
              null,
              row(null, null),
              row(
                  LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_000_000),
                  new BigDecimal("-99999999.99"))),
          map("t", Instant.parse("1969-12-31T23:59:59.999999Z")),
          list(new BigDecimal("-9999999999999999999999999999.9999999999"), null),
          list(1)
        });
    Random random = new Random(seed);
    while (rows.size() < count) {
      rows.add(randomRow(rows.size(), random));
    }
    return rows;
  }

  private static Object[] randomRow(int id, Random random) {
    int n = random.nextInt(6);
    List<Object> ints = new ArrayList<>();
    List<Object> names = new ArrayList<>();
    List<Object> matrix = new ArrayList<>();
    Map<Object, Object> attrs = new LinkedHashMap<>();
    Map<Object, Object> index = new LinkedHashMap<>();
    List<Object> events = new ArrayList<>();
    List<Object> big = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ints.add(random.nextInt(5) == 0 ? null : random.nextInt());
      names.add("name-" + Long.toString(random.nextLong(), 36) + (i % 2 == 0 ? "é日" : ""));
      List<Object> inner = new ArrayList<>();
      for (int j = random.nextInt(4); j > 0; j--) {
        inner.add(random.nextLong());
      }
      matrix.add(inner);
      attrs.put("k" + i, random.nextBoolean() ? null : random.nextInt(100));
      index.put(random.nextInt(1000) * 10 + i, list("v" + i, null));
      events.add(
          row(
              LocalDateTime.of(
                  2000 + random.nextInt(50),
                  1 + random.nextInt(12),
                  1 + random.nextInt(28),
                  random.nextInt(24),
                  random.nextInt(60),
                  random.nextInt(60),
                  random.nextInt(1000) * 1_000_000),
              BigDecimal.valueOf(random.nextInt(1_000_000), 2)));
      big.add(
          new BigDecimal(random.nextLong() + "." + (random.nextInt(1_000_000_000) + 1))
              .setScale(10));
    }
    byte[] bytes = new byte[random.nextInt(12)];
    random.nextBytes(bytes);
    Object[] row = {
      id,
      ints,
      names,
      matrix,
      attrs,
      index,
      row(random.nextGaussian(), "label" + id, list(random.nextBoolean())),
      row(row(random.nextLong(), bytes), LocalDate.ofEpochDay(random.nextInt(40_000))),
      events,
      map("now", Instant.ofEpochSecond(random.nextInt(), random.nextInt(1_000_000) * 1_000L)),
      big,
      ints
    };
    for (int i = 1; i < row.length - 1; i++) {
      if (random.nextInt(10) == 0) {
        row[i] = null;
      }
    }
    return row;
  }

  static List<Object> list(Object... values) {
    return Arrays.asList(values);
  }

  static List<Object> row(Object... values) {
    return Arrays.asList(values);
  }

  static Map<Object, Object> map(Object... keysAndValues) {
    Map<Object, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  /**
   * Turns byte arrays (anywhere inside) into hex strings, so that equals compares them by content.
   */
  static Object comparable(Object value) {
    if (value instanceof byte[]) {
      return HexFormat.of().formatHex((byte[]) value);
    } else if (value instanceof Object[]) {
      return comparable(Arrays.asList((Object[]) value));
    } else if (value instanceof List) {
      List<Object> out = new ArrayList<>();
      for (Object item : (List<?>) value) {
        out.add(comparable(item));
      }
      return out;
    } else if (value instanceof Map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        out.put(comparable(entry.getKey()), comparable(entry.getValue()));
      }
      return out;
    }
    return value;
  }

  private LogBatchWriter writer(Map<String, String> table) {
    return LogFormats.forTable(table)
        .createWriter(new LogWriteContext(NESTED, table, 1 << 22, allocator));
  }

  private LogBatchReader reader(Map<String, String> table, int[] projection) {
    return LogFormats.forTable(table)
        .createReader(new LogReadContext(NESTED, projection, table, allocator, true));
  }

  private static ByteBuffer build(LogBatchWriter writer, List<Object[]> rows) {
    for (Object[] row : rows) {
      assertThat(writer.tryAppend(ChangeType.APPEND_ONLY, row)).isTrue();
    }
    ByteBuffer built = writer.build(1, -1L, -1);
    ByteBuffer copy = ByteBuffer.allocate(built.remaining());
    copy.put(built).flip();
    return copy;
  }

  @ParameterizedTest
  @MethodSource("tables")
  void roundTripsNestedValuesWithNullsAndEmptiesAtEveryLevel(Map<String, String> table) {
    List<Object[]> rows = rows(200, 7);
    List<Object> read = new ArrayList<>();
    try (LogBatchWriter writer = writer(table);
        LogBatchReader reader = reader(table, null)) {
      // Twice through the same writer and reader: reused vectors must not keep values of the
      // previous batch.
      for (int round = 0; round < 2; round++) {
        writer.reset();
        read.clear();
        reader.read(build(writer, rows), 0, (offset, ts, type, row) -> read.add(comparable(row)));
        assertThat(read).hasSize(rows.size());
        for (int i = 0; i < rows.size(); i++) {
          assertThat(read.get(i)).as("row %d", i).isEqualTo(comparable(rows.get(i)));
        }
      }
    }
  }

  @ParameterizedTest
  @MethodSource("tables")
  void projectsNestedColumns(Map<String, String> table) {
    List<Object[]> rows = rows(50, 11);
    int[] projection = {7, 0};
    // The server sends only the projected columns, in the projection's order.
    // The row formats always send whole rows.
    List<Object[]> projected = new ArrayList<>();
    for (Object[] row : rows) {
      projected.add(isArrow(table) ? new Object[] {row[7], row[0]} : row);
    }
    RowType written = isArrow(table) ? NESTED.project(projection) : NESTED;
    try (LogBatchWriter writer =
            LogFormats.forTable(table)
                .createWriter(new LogWriteContext(written, table, 1 << 22, allocator));
        LogBatchReader reader = reader(table, projection)) {
      ByteBuffer records = build(writer, projected);
      List<Object> read = new ArrayList<>();
      reader.read(records, 0, (offset, ts, type, row) -> read.add(comparable(row)));
      for (int i = 0; i < rows.size(); i++) {
        assertThat(read.get(i))
            .isEqualTo(comparable(new Object[] {rows.get(i)[7], rows.get(i)[0]}));
      }
    }
  }

  @ParameterizedTest
  @MethodSource("tables")
  void rejectsMalformedNestedValues(Map<String, String> table) {
    try (LogBatchWriter writer = writer(table)) {
      Object[] good = rows(3, 1).get(2);
      Object[] shortRow = good.clone();
      shortRow[6] = row(1.0);
      assertThatThrownBy(() -> writer.tryAppend(ChangeType.APPEND_ONLY, shortRow))
          .isInstanceOf(InvalidRowException.class);
      Object[] wrongElement = good.clone();
      wrongElement[1] = list(1, "two");
      assertThatThrownBy(() -> writer.tryAppend(ChangeType.APPEND_ONLY, wrongElement))
          .isInstanceOf(InvalidRowException.class);
      if (isArrow(table)) {
        // Nullability is the row converter's job before any format sees the row; the ARROW writer
        // checks it again.
        Object[] nullName = good.clone();
        nullName[2] = list("a", null);
        assertThatThrownBy(() -> writer.tryAppend(ChangeType.APPEND_ONLY, nullName))
            .isInstanceOf(InvalidRowException.class)
            .hasMessageContaining("names[]");
        Object[] nullKey = good.clone();
        nullKey[4] = map(null, 1);
        assertThatThrownBy(() -> writer.tryAppend(ChangeType.APPEND_ONLY, nullKey))
            .isInstanceOf(InvalidRowException.class)
            .hasMessageContaining("attrs.key");
        Object[] nullMust = good.clone();
        nullMust[11] = null;
        assertThatThrownBy(() -> writer.tryAppend(ChangeType.APPEND_ONLY, nullMust))
            .isInstanceOf(InvalidRowException.class)
            .hasMessageContaining("must");
      }
    }
  }
}
