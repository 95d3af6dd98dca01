package io.flussjava.interop;

import static io.flussjava.interop.InteropSupport.SCAN_TIMEOUT;
import static io.flussjava.interop.InteropSupport.assertRowsEqual;
import static io.flussjava.interop.InteropSupport.bootstrap;
import static io.flussjava.interop.InteropSupport.normalizeAll;
import static io.flussjava.interop.InteropSupport.rowOf;
import static io.flussjava.interop.InteropSupport.scanWithFlussJava;
import static io.flussjava.interop.InteropSupport.sortedById;

import io.flussjava.client.Table;
import io.flussjava.client.admin.KvFormat;
import io.flussjava.client.admin.LogFormat;
import io.flussjava.client.admin.TableDescriptor;
import io.flussjava.client.admin.TablePath;
import io.flussjava.client.lookup.Lookuper;
import io.flussjava.client.scan.ScanRecord;
import io.flussjava.client.write.AppendWriter;
import io.flussjava.client.write.UpsertWriter;
import io.flussjava.types.DataTypes;
import io.flussjava.types.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * ARRAY, MAP and ROW values, nested in each other, with nulls and empties at each level: what one
 * client writes the other reads identically, in every log format (append/scan) and both kv formats
 * (upsert/lookup).
 */
class NestedTypesInteropITCase extends InteropTestBase {
  private static final int ROWS = 150;
  private static final Schema SCHEMA =
      Schema.newBuilder()
          .column("id", DataTypes.INT().notNull())
          .column("tags", DataTypes.ARRAY(DataTypes.STRING()))
          .column("nums", DataTypes.ARRAY(DataTypes.BIGINT().notNull()))
          .column("grid", DataTypes.ARRAY(DataTypes.ARRAY(DataTypes.INT())))
          .column("attrs", DataTypes.MAP(DataTypes.STRING().notNull(), DataTypes.DOUBLE()))
          .column(
              "info",
              DataTypes.ROW(
                  DataTypes.FIELD("name", DataTypes.STRING()),
                  DataTypes.FIELD("born", DataTypes.DATE()),
                  DataTypes.FIELD("aliases", DataTypes.ARRAY(DataTypes.STRING())),
                  DataTypes.FIELD(
                      "pos",
                      DataTypes.ROW(
                          DataTypes.FIELD("x", DataTypes.INT()),
                          DataTypes.FIELD("y", DataTypes.INT())))))
          .column(
              "events",
              DataTypes.ARRAY(
                  DataTypes.ROW(
                      DataTypes.FIELD("at", DataTypes.TIMESTAMP(6)),
                      DataTypes.FIELD("amount", DataTypes.DECIMAL(20, 3)),
                      DataTypes.FIELD("raw", DataTypes.BYTES()))))
          .column("times", DataTypes.MAP(DataTypes.INT().notNull(), DataTypes.TIMESTAMP_LTZ(3)))
          .column("small", DataTypes.ARRAY(DataTypes.SMALLINT()))
          .column("tiny", DataTypes.ARRAY(DataTypes.TINYINT()))
          .column("flags", DataTypes.ARRAY(DataTypes.BOOLEAN()))
          .column("reals", DataTypes.ARRAY(DataTypes.FLOAT()))
          .column("clock", DataTypes.ARRAY(DataTypes.TIME(3)))
          .column("money", DataTypes.MAP(DataTypes.STRING().notNull(), DataTypes.DECIMAL(10, 2)))
          .build();
  private static final List<String> COLUMNS = SCHEMA.getColumnNames();

  /** Row {@code id}: row 0 has every nested column null, row 1 every one empty, the rest random. */
  static List<Object> row(int id, long seed) {
    if (id % 50 == 0) {
      List<Object> nulls = new ArrayList<>(Arrays.asList(new Object[COLUMNS.size()]));
      nulls.set(0, id);
      return nulls;
    }
    if (id % 50 == 1) {
      return Arrays.asList(
          id,
          List.of(),
          List.of(),
          List.of(),
          Map.of(),
          Arrays.asList(null, null, null, null),
          List.of(),
          Map.of(),
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          Map.of());
    }
    Random r = new Random(seed * 1_000_003L + id);
    int n = 1 + r.nextInt(5);
    List<Object> tags = new ArrayList<>();
    List<Object> nums = new ArrayList<>();
    List<Object> grid = new ArrayList<>();
    Map<Object, Object> attrs = new LinkedHashMap<>();
    List<Object> events = new ArrayList<>();
    Map<Object, Object> times = new LinkedHashMap<>();
    List<Object> small = new ArrayList<>();
    List<Object> tiny = new ArrayList<>();
    List<Object> flags = new ArrayList<>();
    List<Object> reals = new ArrayList<>();
    List<Object> clock = new ArrayList<>();
    Map<Object, Object> money = new LinkedHashMap<>();
    for (int j = 0; j < n; j++) {
      boolean isNull = r.nextInt(6) == 0;
      tags.add(
          isNull
              ? null
              : j % 2 == 0
                  ? "t" + r.nextInt(100)
                  : "a tag longer than seven bytes ✓ " + r.nextInt());
      nums.add(r.nextLong());
      grid.add(isNull ? null : Arrays.asList(r.nextInt(), null, j));
      attrs.put("k" + j, isNull ? null : r.nextGaussian() * 1e6);
      events.add(
          isNull
              ? null
              : Arrays.asList(
                  LocalDateTime.of(
                      2000 + r.nextInt(40),
                      1 + r.nextInt(12),
                      1 + r.nextInt(28),
                      r.nextInt(24),
                      r.nextInt(60),
                      r.nextInt(60),
                      r.nextInt(1_000_000) * 1_000),
                  BigDecimal.valueOf(r.nextLong() % 100_000_000_000_000L, 3),
                  j % 2 == 0 ? new byte[] {(byte) j, 0, (byte) 0xFF} : new byte[r.nextInt(20)]));
      times.put(j * 10 - 5, isNull ? null : Instant.ofEpochMilli(1_600_000_000_000L + r.nextInt()));
      small.add(isNull ? null : (short) r.nextInt());
      tiny.add(isNull ? null : (byte) r.nextInt());
      flags.add(isNull ? null : r.nextBoolean());
      reals.add(isNull ? null : r.nextFloat() * 1000f);
      clock.add(isNull ? null : LocalTime.ofNanoOfDay(r.nextInt(86_400_000) * 1_000_000L));
      money.put("m" + j, isNull ? null : BigDecimal.valueOf(r.nextInt(), 2));
    }
    List<Object> info =
        Arrays.asList(
            id % 3 == 0 ? null : "name " + id,
            LocalDate.ofEpochDay(r.nextInt(30_000)),
            id % 4 == 0 ? null : Arrays.asList("x", null, "a rather long alias"),
            id % 5 == 0 ? null : Arrays.asList(r.nextInt(), id % 2 == 0 ? null : r.nextInt()));
    return Arrays.asList(
        id, tags, nums, grid, attrs, info, events, times, small, tiny, flags, reals, clock, money);
  }

  static List<List<Object>> rows(long seed) {
    List<List<Object>> rows = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      rows.add(row(i, seed));
    }
    return rows;
  }

  private static Table create(String name, TableDescriptor descriptor) {
    TablePath path = TablePath.of(db, name);
    connection.getAdmin().createTable(path, descriptor, false);
    return connection.getTable(path);
  }

  @ParameterizedTest
  @EnumSource(LogFormat.class)
  void appendedRowsReadTheSameInTheOtherClient(LogFormat format) throws Exception {
    String name = "log_" + format.name().toLowerCase();
    Table table =
        create(
            name,
            TableDescriptor.builder().schema(SCHEMA).distributedBy(2).logFormat(format).build());
    List<List<Object>> ours = rows(1);
    List<List<Object>> theirs = new ArrayList<>();
    for (List<Object> row : rows(2)) {
      List<Object> shifted = new ArrayList<>(row);
      shifted.set(0, (Integer) row.get(0) + ROWS);
      theirs.add(shifted);
    }
    try (AppendWriter writer = table.newAppend().createWriter()) {
      ours.forEach(r -> writer.append(r.toArray()));
      writer.flush();
    }
    OfficialClient.append(bootstrap(), db, name, theirs);
    List<List<Object>> all = new ArrayList<>(ours);
    all.addAll(theirs);

    List<List<Object>> official = new ArrayList<>();
    for (Map<String, Object> record :
        OfficialClient.scan(bootstrap(), db, name, all.size(), null, SCAN_TIMEOUT)) {
      official.add(rowOf(record));
    }
    assertRowsEqual(sortedById(official), sortedById(all), COLUMNS);

    List<List<Object>> flussJava = new ArrayList<>();
    for (ScanRecord record : scanWithFlussJava(table, null, all.size())) {
      flussJava.add(record.getRow());
    }
    assertRowsEqual(sortedById(flussJava), sortedById(all), COLUMNS);
  }

  @ParameterizedTest
  @EnumSource(KvFormat.class)
  void upsertedRowsAreFoundByTheOtherClient(KvFormat format) throws Exception {
    String name = "pk_" + format.name().toLowerCase();
    Schema schema = Schema.newBuilder().fromSchema(SCHEMA).primaryKey("id").build();
    Table table =
        create(
            name,
            TableDescriptor.builder().schema(schema).distributedBy(2).kvFormat(format).build());
    List<List<Object>> ours = rows(3).subList(0, ROWS / 2);
    List<List<Object>> theirs = rows(4).subList(ROWS / 2, ROWS);
    try (UpsertWriter writer = table.newUpsert().createWriter()) {
      ours.forEach(r -> writer.upsert(r.toArray()));
      writer.flush();
    }
    OfficialClient.upsert(bootstrap(), db, name, theirs);
    List<List<Object>> all = new ArrayList<>(ours);
    all.addAll(theirs);
    List<List<Object>> keys = new ArrayList<>();
    all.forEach(r -> keys.add(List.of(r.get(0))));

    assertRowsEqual(
        normalizeAll(OfficialClient.lookup(bootstrap(), db, name, keys)),
        normalizeAll(all),
        COLUMNS);
    List<List<Object>> found = new ArrayList<>();
    try (Lookuper lookuper = table.newLookup().createLookuper()) {
      for (List<Object> key : keys) {
        found.add(lookuper.lookup(key.get(0)));
      }
    }
    assertRowsEqual(normalizeAll(found), normalizeAll(all), COLUMNS);
  }
}
