package io.flussjava.interop;

import static io.flussjava.interop.InteropSupport.bootstrap;
import static io.flussjava.interop.InteropSupport.normalizeAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.flussjava.client.Table;
import io.flussjava.client.admin.KvFormat;
import io.flussjava.client.admin.TableDescriptor;
import io.flussjava.client.admin.TablePath;
import io.flussjava.client.lookup.PrefixLookuper;
import io.flussjava.client.write.UpsertWriter;
import io.flussjava.types.DataType;
import io.flussjava.types.DataTypes;
import io.flussjava.types.Schema;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.function.IntFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Prefix lookups on a table with primary key (a, b) bucketed by a: fluss-java's {@code
 * lookupBy("a")} returns exactly the rows the official client upserted (and did not delete) with
 * that a, and the reverse.
 */
class PrefixLookupInteropITCase extends InteropTestBase {
  private static final int PREFIXES = 12;

  private static DataType prefixType(String kind) {
    return kind.equals("INT") ? DataTypes.INT() : DataTypes.STRING();
  }

  private static IntFunction<Object> prefixValue(String kind) {
    return kind.equals("INT") ? i -> i * 1009 - 5000 : i -> "user-" + i + (i % 2 == 0 ? "-ü" : "");
  }

  private static Table createTable(String name, String kind, KvFormat kvFormat) {
    Schema schema =
        Schema.newBuilder()
            .column("a", prefixType(kind).notNull())
            .column("b", DataTypes.STRING().notNull())
            .column("amount", DataTypes.DECIMAL(12, 2))
            .column("at", DataTypes.TIMESTAMP(6))
            .column("note", DataTypes.STRING())
            .primaryKey("a", "b")
            .build();
    TablePath path = TablePath.of(db, name);
    connection
        .getAdmin()
        .createTable(
            path,
            TableDescriptor.builder()
                .schema(schema)
                .distributedBy(3, "a")
                .kvFormat(kvFormat)
                .build(),
            false);
    return connection.getTable(path);
  }

  /**
   * Rows for prefix {@code i}: {@code i % 5} of them (prefixes with none exist too), then the
   * writes: upserts of all, an update of the first, a delete of the second. Returns the writes as
   * ops and fills {@code expected}.
   */
  private static List<List<Object>> writes(
      IntFunction<Object> prefix, TreeMap<Integer, List<List<Object>>> expected) {
    List<List<Object>> ops = new ArrayList<>();
    for (int i = 0; i < PREFIXES; i++) {
      List<List<Object>> rows = new ArrayList<>();
      for (int j = 0; j < i % 5; j++) {
        List<Object> row =
            Arrays.asList(
                prefix.apply(i),
                "b" + j + "-" + "x".repeat(j * 3),
                new BigDecimal(i * 100 + j + ".5" + j),
                LocalDateTime.of(2025, 1, 1, 0, 0).plusNanos(i * 1_000_000_000L + j * 1_000L),
                j == 2 ? null : "n" + j);
        ops.add(OfficialClient.op("upsert", row));
        rows.add(row);
      }
      if (rows.size() >= 1) {
        List<Object> updated = new ArrayList<>(rows.get(0));
        updated.set(4, "updated");
        ops.add(OfficialClient.op("upsert", updated));
        rows.set(0, updated);
      }
      if (rows.size() >= 2) {
        ops.add(
            OfficialClient.op(
                "delete", Arrays.asList(prefix.apply(i), rows.get(1).get(1), null, null, null)));
        rows.remove(1);
      }
      expected.put(i, rows);
    }
    return ops;
  }

  private static List<List<Object>> sortedByB(List<? extends List<?>> rows) {
    List<List<Object>> out = normalizeAll(rows);
    out.sort(Comparator.comparing(r -> (String) r.get(1)));
    return out;
  }

  @ParameterizedTest(name = "{0} prefix, {1}")
  @CsvSource({"INT, COMPACTED", "STRING, INDEXED"})
  void prefixLookupsFindExactlyTheRowsTheOtherClientWrote(String kind, KvFormat kvFormat)
      throws Exception {
    IntFunction<Object> prefix = prefixValue(kind);

    // the official client writes, fluss-java looks up by prefix
    String theirs = ("prefix_theirs_" + kind + "_" + kvFormat).toLowerCase(Locale.ROOT);
    Table theirTable = createTable(theirs, kind, kvFormat);
    TreeMap<Integer, List<List<Object>>> expectedTheirs = new TreeMap<>();
    OfficialClient.write(bootstrap(), db, theirs, writes(prefix, expectedTheirs), null);
    try (PrefixLookuper lookuper = theirTable.newLookup().lookupBy("a").createLookuper()) {
      for (int i = 0; i < PREFIXES; i++) {
        assertThat(sortedByB(lookuper.lookup(prefix.apply(i))))
            .as("rows with a = %s", prefix.apply(i))
            .isEqualTo(sortedByB(expectedTheirs.get(i)));
      }
      assertThat(lookuper.lookup(prefix.apply(PREFIXES + 100))).as("an absent prefix").isEmpty();
    }

    // fluss-java writes the same, the official client looks up by prefix
    String ours = ("prefix_ours_" + kind + "_" + kvFormat).toLowerCase(Locale.ROOT);
    Table ourTable = createTable(ours, kind, kvFormat);
    TreeMap<Integer, List<List<Object>>> expectedOurs = new TreeMap<>();
    UpsertWriter writer = ourTable.newUpsert().createWriter();
    for (List<Object> op : writes(prefix, expectedOurs)) {
      @SuppressWarnings("unchecked")
      List<Object> row = (List<Object>) op.get(1);
      if (op.get(0).equals("upsert")) {
        writer.upsert(row);
      } else {
        writer.delete(row);
      }
    }
    writer.flush();
    List<List<Object>> prefixes = new ArrayList<>();
    for (int i = 0; i <= PREFIXES; i++) {
      prefixes.add(List.of(prefix.apply(i)));
    }
    List<List<List<Object>>> found =
        OfficialClient.prefixLookup(bootstrap(), db, ours, List.of("a"), prefixes);
    for (int i = 0; i < PREFIXES; i++) {
      assertThat(sortedByB(found.get(i)))
          .as("rows with a = %s", prefix.apply(i))
          .isEqualTo(sortedByB(expectedOurs.get(i)));
    }
    assertThat(found.get(PREFIXES)).as("an absent prefix").isEmpty();
    assertThat(expectedOurs.values().stream().mapToInt(List::size).sum())
        .as("rows expected in all")
        .isGreaterThan(10);
  }
}
