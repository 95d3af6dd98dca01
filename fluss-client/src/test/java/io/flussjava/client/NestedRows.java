package io.flussjava.client;

import io.flussjava.types.DataTypes;
import io.flussjava.types.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A table of ARRAY, MAP and ROW columns, nested in each other, and rows for it; row {@code i} has
 * id {@code i}.
 */
final class NestedRows {
  private NestedRows() {}

  static Schema schema() {
    return Schema.newBuilder()
        .column("id", DataTypes.INT().notNull())
        .column("tags", DataTypes.ARRAY(DataTypes.STRING()))
        .column("scores", DataTypes.ARRAY(DataTypes.DOUBLE().notNull()))
        .column("matrix", DataTypes.ARRAY(DataTypes.ARRAY(DataTypes.BIGINT())))
        .column("attrs", DataTypes.MAP(DataTypes.STRING().notNull(), DataTypes.INT()))
        .column(
            "by_day",
            DataTypes.MAP(DataTypes.DATE().notNull(), DataTypes.ARRAY(DataTypes.STRING())))
        .column(
            "address",
            DataTypes.ROW(
                DataTypes.FIELD("street", DataTypes.STRING()),
                DataTypes.FIELD("zip", DataTypes.INT()),
                DataTypes.FIELD(
                    "geo",
                    DataTypes.ROW(
                        DataTypes.FIELD("lat", DataTypes.DOUBLE()),
                        DataTypes.FIELD("lon", DataTypes.DOUBLE())))))
        .column(
            "events",
            DataTypes.ARRAY(
                DataTypes.ROW(
                    DataTypes.FIELD("at", DataTypes.TIMESTAMP(3)),
                    DataTypes.FIELD("amount", DataTypes.DECIMAL(12, 2)),
                    DataTypes.FIELD("payload", DataTypes.BYTES()))))
        .column("precise", DataTypes.MAP(DataTypes.STRING().notNull(), DataTypes.TIMESTAMP_LTZ(6)))
        .column("wide", DataTypes.ARRAY(DataTypes.DECIMAL(30, 4)))
        .column("note", DataTypes.STRING())
        .build();
  }

  static Object[] row(int i) {
    if (i % 13 == 5) {
      // Every nested column null.
      return new Object[] {i, null, null, null, null, null, null, null, null, null, "all null"};
    }
    if (i % 13 == 6) {
      // Empty at every level.
      return new Object[] {
        i,
        List.of(),
        List.of(),
        List.of(),
        Map.of(),
        Map.of(),
        Arrays.asList(null, null, null),
        List.of(),
        Map.of(),
        List.of(),
        "all empty"
      };
    }
    List<Object> tags = new ArrayList<>();
    List<Object> scores = new ArrayList<>();
    List<Object> matrix = new ArrayList<>();
    Map<Object, Object> attrs = new LinkedHashMap<>();
    Map<Object, Object> byDay = new LinkedHashMap<>();
    List<Object> events = new ArrayList<>();
    List<Object> wide = new ArrayList<>();
    for (int j = 0; j < i % 5; j++) {
      tags.add(j == 1 ? null : (j % 2 == 0 ? "t" + j : "a longer tag number " + j + " 日本"));
      scores.add(i * 0.5 + j);
      matrix.add(j == 2 ? null : Arrays.asList((long) i * j, null, Long.MIN_VALUE + j));
      attrs.put("k" + j, j == 3 ? null : i + j);
      byDay.put(LocalDate.of(2024, 1, 1).plusDays(i + j), Arrays.asList("d" + j, null));
      events.add(
          Arrays.asList(
              LocalDateTime.of(2024, 3, 1, 12, 0)
                  .plusSeconds(i * 61L + j)
                  .plusNanos(j * 1_000_000L),
              BigDecimal.valueOf(i * 100L + j, 2),
              j % 2 == 0 ? new byte[] {(byte) i, (byte) j} : new byte[12]));
      wide.add(
          new BigDecimal(
              "12345678901234567890123456." + String.format("%04d", (i * 7 + j) % 10000)));
    }
    List<Object> geo =
        i % 3 == 0 ? null : Arrays.asList(59.9 + i / 1000.0, i % 2 == 0 ? null : 10.7);
    List<Object> address = Arrays.asList(i % 4 == 0 ? null : "Street " + i, 1000 + i, geo);
    Map<Object, Object> precise = new LinkedHashMap<>();
    precise.put("created", Instant.parse("2024-05-06T07:08:09.123456Z").plusSeconds(i));
    precise.put("none", null);
    return new Object[] {
      i, tags, scores, matrix, attrs, byDay, address, events, precise, wide, "row " + i
    };
  }

  static List<Object[]> rows(int n) {
    List<Object[]> rows = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      rows.add(row(i));
    }
    return rows;
  }

  /** A text form that compares byte arrays by content and lists/maps by their elements. */
  static String text(Object value) {
    if (value == null) {
      return "null";
    } else if (value instanceof byte[]) {
      return "0x" + HexFormat.of().formatHex((byte[]) value);
    } else if (value instanceof Object[]) {
      return text(Arrays.asList((Object[]) value));
    } else if (value instanceof List) {
      StringBuilder out = new StringBuilder("[");
      for (Object item : (List<?>) value) {
        out.append(text(item)).append(", ");
      }
      return out.append("]").toString();
    } else if (value instanceof Map) {
      StringBuilder out = new StringBuilder("{");
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        out.append(text(entry.getKey())).append("=").append(text(entry.getValue())).append(", ");
      }
      return out.append("}").toString();
    }
    return value.getClass().getSimpleName() + ":" + value;
  }
}
