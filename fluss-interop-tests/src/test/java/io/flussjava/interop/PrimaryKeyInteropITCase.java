package io.flussjava.interop;

import static io.flussjava.interop.InteropSupport.SCAN_TIMEOUT;
import static io.flussjava.interop.InteropSupport.assertRowsEqual;
import static io.flussjava.interop.InteropSupport.bootstrap;
import static io.flussjava.interop.InteropSupport.normalizeAll;
import static io.flussjava.interop.InteropSupport.rowOf;
import static io.flussjava.interop.InteropSupport.scalarValues;
import static io.flussjava.interop.InteropSupport.scanWithFlussJava;
import static org.assertj.core.api.Assertions.assertThat;

import io.flussjava.client.Table;
import io.flussjava.client.admin.KvFormat;
import io.flussjava.client.admin.TableDescriptor;
import io.flussjava.client.admin.TablePath;
import io.flussjava.client.lookup.Lookuper;
import io.flussjava.client.scan.ScanRecord;
import io.flussjava.client.write.UpsertWriter;
import io.flussjava.types.DataType;
import io.flussjava.types.DataTypes;
import io.flussjava.types.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Primary-key tables in both KV formats, keyed by INT, BIGINT, STRING and (INT, STRING): what one
 * client upserts, updates, partially updates and deletes, the other finds (or no longer finds) by
 * key; and the changelog one client produces reads as +I, -U, +U, -D with the right row images in
 * the other.
 */
class PrimaryKeyInteropITCase extends InteropTestBase {
  /** Where c_binary is among the scalar value columns. */
  private static final int BINARY_VALUE_INDEX =
      InteropSupport.allScalarsSchema().getColumnNames().indexOf("c_binary") - 1;

  /** The primary-key columns of a test table and the key of row {@code i}. */
  enum KeyKind {
    INT(
        List.of("id"),
        List.of(DataTypes.INT()),
        i -> Arrays.asList(edge(i, Integer.MIN_VALUE, Integer.MAX_VALUE, i * 7919 - 300))),
    BIGINT(
        List.of("id"),
        List.of(DataTypes.BIGINT()),
        i -> Arrays.asList(edge(i, Long.MIN_VALUE, Long.MAX_VALUE, i * 1_000_000_007L - 5))),
    STRING(
        List.of("id"),
        List.of(DataTypes.STRING()),
        i -> Arrays.asList(edge(i, "", "ключ 😀 " + "z".repeat(300), "key-" + i))),
    INT_STRING(
        List.of("a", "b"),
        List.of(DataTypes.INT(), DataTypes.STRING()),
        i -> Arrays.asList(i % 5 - 2, "b" + (i * 31))),
    /**
     * Keys of types whose key encoding is less common: non-compact decimal and timestamp, bytes,
     * dates.
     */
    MIXED(
        List.of("k_bool", "k_dec", "k_ts", "k_ltz", "k_date", "k_bytes", "k_char"),
        List.of(
            DataTypes.BOOLEAN(),
            DataTypes.DECIMAL(38, 18),
            DataTypes.TIMESTAMP(9),
            DataTypes.TIMESTAMP_LTZ(3),
            DataTypes.DATE(),
            DataTypes.BYTES(),
            DataTypes.CHAR(3)),
        i ->
            Arrays.asList(
                i % 2 == 0,
                new BigDecimal(i * 12_345_678_901L + "." + "7".repeat(18)).negate(),
                LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_999)
                    .plusNanos(i * 1_000_000_123L),
                Instant.ofEpochMilli(1_700_000_000_000L - i * 86_400_001L),
                LocalDate.of(1999, 12, 31).plusDays(i),
                new byte[] {(byte) i, 0, (byte) -i},
                "c" + (i % 10)));

    final List<String> columns;
    final List<DataType> types;
    final IntFunction<List<Object>> key;

    KeyKind(List<String> columns, List<DataType> types, IntFunction<List<Object>> key) {
      this.columns = columns;
      this.types = types;
      this.key = key;
    }

    private static Object edge(int i, Object first, Object second, Object otherwise) {
      return i == 0 ? first : i == 1 ? second : otherwise;
    }
  }

  static Stream<Arguments> tables() {
    List<Arguments> out = new ArrayList<>();
    for (KeyKind k : KeyKind.values()) {
      for (KvFormat f : KvFormat.values()) {
        out.add(Arguments.of(k, f));
      }
    }
    return out.stream();
  }

  private static Schema schema(KeyKind kind) {
    Schema.Builder b = Schema.newBuilder();
    for (int c = 0; c < kind.columns.size(); c++) {
      b.column(kind.columns.get(c), kind.types.get(c).notNull());
    }
    return InteropSupport.addScalarColumns(b).primaryKey(kind.columns).build();
  }

  /**
   * Key number {@code key} with the scalar values of row {@code values} (rows 0..4 are the edge
   * rows); for the INDEXED KV format without BINARY values ending in a zero byte, which the server
   * rejects from any client (see {@link InteropSupport#indexedKvWritable}).
   */
  private static List<Object> row(KeyKind kind, KvFormat kvFormat, int key, int values, long seed) {
    List<Object> row = new ArrayList<>(kind.key.apply(key));
    row.addAll(scalarValues(values, seed));
    int binary = kind.columns.size() + BINARY_VALUE_INDEX;
    return kvFormat == KvFormat.INDEXED ? InteropSupport.indexedKvWritable(row, binary) : row;
  }

  /** What a delete carries: the key, nulls elsewhere. */
  private static List<Object> keyOnly(KeyKind kind, int key, int width) {
    List<Object> row = new ArrayList<>(kind.key.apply(key));
    while (row.size() < width) {
      row.add(null);
    }
    return row;
  }

  /**
   * A row with only the key and {@code columns} set to their values in {@code source}, the rest
   * null.
   */
  private static List<Object> partialRow(
      List<String> allColumns, List<Object> source, List<String> columns) {
    List<Object> out = new ArrayList<>();
    for (int c = 0; c < allColumns.size(); c++) {
      out.add(columns.contains(allColumns.get(c)) ? source.get(c) : null);
    }
    return out;
  }

  /** Copies {@code columns} of {@code update} into {@code target} (a partial update's effect). */
  private static List<Object> applyPartial(
      List<String> allColumns, List<Object> target, List<Object> update, List<String> columns) {
    List<Object> out =
        new ArrayList<>(target == null ? Arrays.asList(new Object[allColumns.size()]) : target);
    for (int c = 0; c < allColumns.size(); c++) {
      if (columns.contains(allColumns.get(c))) {
        out.set(c, update.get(c));
      }
    }
    return out;
  }

  @ParameterizedTest(name = "{0} key, {1}")
  @MethodSource("tables")
  void upsertsDeletesAndPartialUpdatesOfEachClientAreFoundByTheOthersLookups(
      KeyKind kind, KvFormat kvFormat) throws Exception {
    String name = ("kv_" + kind + "_" + kvFormat).toLowerCase(Locale.ROOT);
    Schema schema = schema(kind);
    List<String> columns = schema.getColumnNames();
    TablePath path = TablePath.of(db, name);
    connection
        .getAdmin()
        .createTable(
            path,
            TableDescriptor.builder().schema(schema).distributedBy(3).kvFormat(kvFormat).build(),
            false);
    Table table = connection.getTable(path);
    Map<Integer, List<Object>> expected =
        new LinkedHashMap<>(); // key number -> current row (null: absent)

    // 1. fluss-java: insert 0..39, update 30..39 (with the edge rows' values), delete 10..14.
    UpsertWriter writer = table.newUpsert().createWriter();
    for (int i = 0; i < 40; i++) {
      expected.put(i, row(kind, kvFormat, i, i, 1));
      writer.upsert(expected.get(i));
    }
    for (int i = 30; i < 40; i++) {
      expected.put(i, row(kind, kvFormat, i, i - 30, 2));
      writer.upsert(expected.get(i));
    }
    for (int i = 10; i < 15; i++) {
      writer.delete(keyOnly(kind, i, columns.size()));
      expected.put(i, null);
    }
    writer.flush();
    expected.put(200, null); // never written
    assertOfficialLookups(name, kind, kvFormat, expected, columns);

    // 2. official client: insert 40..79, update 0..4 (fluss-java's; again with edge values), delete
    // 40..44 and
    //    15..17 (fluss-java's).
    List<List<Object>> ops = new ArrayList<>();
    for (int i = 40; i < 80; i++) {
      expected.put(i, row(kind, kvFormat, i, i, 3));
      ops.add(OfficialClient.op("upsert", expected.get(i)));
    }
    for (int i = 0; i < 5; i++) {
      expected.put(i, row(kind, kvFormat, i, i, 4));
      ops.add(OfficialClient.op("upsert", expected.get(i)));
    }
    for (int i : new int[] {40, 41, 42, 43, 44, 15, 16, 17}) {
      ops.add(OfficialClient.op("delete", keyOnly(kind, i, columns.size())));
      expected.put(i, null);
    }
    OfficialClient.write(bootstrap(), db, name, ops, null);
    expected.put(201, null);
    assertFlussJavaLookups(table, kind, expected, columns);

    // 3. partial updates: fluss-java writes (key, c_string, c_int), the official client (key,
    // c_double, c_date);
    //    on keys of both writers and on a new key each.
    List<String> ourColumns = new ArrayList<>(kind.columns);
    ourColumns.addAll(List.of("c_string", "c_int"));
    List<String> theirColumns = new ArrayList<>(kind.columns);
    theirColumns.addAll(List.of("c_double", "c_date"));
    UpsertWriter partial =
        table.newUpsert().partialUpdate(ourColumns.toArray(new String[0])).createWriter();
    for (int i : new int[] {20, 21, 22, 50, 51, 52, 90}) {
      List<Object> update = partialRow(columns, row(kind, kvFormat, i, i + 100, 5), ourColumns);
      partial.upsert(update);
      expected.put(i, applyPartial(columns, expected.get(i), update, ourColumns));
    }
    partial.flush();
    List<List<Object>> theirPartial = new ArrayList<>();
    for (int i : new int[] {23, 24, 53, 54, 91}) {
      List<Object> update = partialRow(columns, row(kind, kvFormat, i, i + 100, 6), theirColumns);
      theirPartial.add(OfficialClient.op("upsert", update));
      expected.put(i, applyPartial(columns, expected.get(i), update, theirColumns));
    }
    OfficialClient.write(bootstrap(), db, name, theirPartial, theirColumns);

    assertOfficialLookups(name, kind, kvFormat, expected, columns);
    assertFlussJavaLookups(table, kind, expected, columns);
  }

  private static void assertOfficialLookups(
      String name,
      KeyKind kind,
      KvFormat kvFormat,
      Map<Integer, List<Object>> expected,
      List<String> columns)
      throws Exception {
    List<List<Object>> keys = new ArrayList<>();
    List<List<Object>> want = new ArrayList<>();
    int binary = columns.indexOf("c_binary");
    for (Map.Entry<Integer, List<Object>> e : expected.entrySet()) {
      keys.add(kind.key.apply(e.getKey()));
      List<Object> row = e.getValue();
      want.add(
          row != null && kvFormat == KvFormat.INDEXED
              ? InteropSupport.officialIndexedView(row, binary)
              : row);
    }
    List<List<Object>> found = OfficialClient.lookup(bootstrap(), db, name, keys);
    assertRowsEqual(normalizeAll(found), normalizeAll(want), columns);
  }

  private static void assertFlussJavaLookups(
      Table table, KeyKind kind, Map<Integer, List<Object>> expected, List<String> columns) {
    List<List<Object>> keys = new ArrayList<>();
    List<List<Object>> want = new ArrayList<>();
    for (Map.Entry<Integer, List<Object>> e : expected.entrySet()) {
      keys.add(kind.key.apply(e.getKey()));
      want.add(e.getValue());
    }
    try (Lookuper lookuper = table.newLookup().createLookuper()) {
      assertRowsEqual(normalizeAll(lookuper.lookupAll(keys)), normalizeAll(want), columns);
      // and one by one, with the key as varargs
      List<List<Object>> single = new ArrayList<>();
      for (List<Object> key : keys.subList(0, 12)) {
        single.add(lookuper.lookup(key.toArray()));
      }
      assertRowsEqual(normalizeAll(single), normalizeAll(want.subList(0, 12)), columns);
    }
  }

  // ------------------------------------------------------------------------------------------
  // changelog

  private static final List<String> CHANGELOG_COLUMNS = List.of("id", "v", "n");

  private static List<List<Object>> changelogOps() {
    return List.of(
        OfficialClient.op("upsert", List.of(1, "a", 10L)),
        OfficialClient.op("upsert", List.of(2, "b", 20L)),
        OfficialClient.op("upsert", List.of(1, "a2", 11L)),
        OfficialClient.op("delete", Arrays.asList(2, null, null)),
        OfficialClient.op("upsert", List.of(3, "c", 30L)),
        OfficialClient.op("delete", Arrays.asList(99, null, null)), // absent: no change
        OfficialClient.op("delete", Arrays.asList(3, null, null)),
        OfficialClient.op("upsert", List.of(2, "b2", 21L)),
        OfficialClient.op("upsert", List.of(1, "a3", 12L)));
  }

  private static final List<String> EXPECTED_CHANGELOG =
      List.of(
          "+I[1, a, 10]",
          "+I[2, b, 20]",
          "-U[1, a, 10]",
          "+U[1, a2, 11]",
          "-D[2, b, 20]",
          "+I[3, c, 30]",
          "-D[3, c, 30]",
          "+I[2, b2, 21]",
          "-U[1, a2, 11]",
          "+U[1, a3, 12]");

  private static Table createChangelogTable(String name, KvFormat kvFormat) {
    Schema schema =
        Schema.newBuilder()
            .column("id", DataTypes.INT().notNull())
            .column("v", DataTypes.STRING())
            .column("n", DataTypes.BIGINT())
            .primaryKey("id")
            .build();
    TablePath path = TablePath.of(db, name);
    connection
        .getAdmin()
        .createTable(
            path,
            TableDescriptor.builder().schema(schema).distributedBy(1).kvFormat(kvFormat).build(),
            false);
    return connection.getTable(path);
  }

  @ParameterizedTest
  @EnumSource(KvFormat.class)
  void changelogOfTheOfficialClientsWritesReadsInFlussJava(KvFormat kvFormat) throws Exception {
    String name = "changelog_theirs_" + kvFormat.name().toLowerCase(Locale.ROOT);
    Table table = createChangelogTable(name, kvFormat);
    OfficialClient.write(bootstrap(), db, name, changelogOps(), null);

    List<String> changes = new ArrayList<>();
    for (ScanRecord r : scanWithFlussJava(table, null, EXPECTED_CHANGELOG.size())) {
      changes.add(r.changeType().shortString() + r.getRow());
    }
    assertThat(changes).isEqualTo(EXPECTED_CHANGELOG);
  }

  @ParameterizedTest
  @EnumSource(KvFormat.class)
  void changelogOfFlussJavasWritesReadsInTheOfficialClient(KvFormat kvFormat) throws Exception {
    String name = "changelog_ours_" + kvFormat.name().toLowerCase(Locale.ROOT);
    Table table = createChangelogTable(name, kvFormat);
    UpsertWriter writer = table.newUpsert().createWriter();
    for (List<Object> op : changelogOps()) {
      @SuppressWarnings("unchecked")
      List<Object> row = (List<Object>) op.get(1);
      if (op.get(0).equals("upsert")) {
        writer.upsert(row);
      } else {
        writer.delete(row);
      }
    }
    writer.flush();

    List<String> changes = new ArrayList<>();
    for (Map<String, Object> r :
        OfficialClient.scan(bootstrap(), db, name, EXPECTED_CHANGELOG.size(), null, SCAN_TIMEOUT)) {
      changes.add(r.get("changeType") + rowOf(r).toString());
    }
    assertThat(changes).isEqualTo(EXPECTED_CHANGELOG);
    assertThat(CHANGELOG_COLUMNS).isEqualTo(table.getTableInfo().getSchema().getColumnNames());
  }
}
