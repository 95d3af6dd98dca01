package io.flussjava.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flussjava.client.admin.DatabaseDescriptor;
import io.flussjava.client.admin.KvFormat;
import io.flussjava.client.admin.TableDescriptor;
import io.flussjava.client.admin.TablePath;
import io.flussjava.client.lookup.Lookuper;
import io.flussjava.client.scan.LogScanner;
import io.flussjava.client.scan.ScanRecord;
import io.flussjava.client.write.AppendWriter;
import io.flussjava.client.write.UpsertWriter;
import io.flussjava.exception.InvalidRowException;
import io.flussjava.exception.InvalidTableException;
import io.flussjava.log.ChangeType;
import io.flussjava.types.DataTypes;
import io.flussjava.types.Schema;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * ARRAY, MAP and ROW columns on the real cluster: log tables in each format, primary-key tables in
 * each kv format.
 */
class NestedTypesITCase extends ClientTestBase {
  private static String db;

  @BeforeAll
  static void createDatabase() {
    db = uniqueName("nested_db");
    connection.getAdmin().createDatabase(db, DatabaseDescriptor.EMPTY, false);
  }

  private static Table create(String name, TableDescriptor descriptor) {
    TablePath path = TablePath.of(db, name);
    connection.getAdmin().createTable(path, descriptor, false);
    return connection.getTable(path);
  }

  private static Map<String, Integer> texts(List<Object[]> rows) {
    Map<String, Integer> counts = new HashMap<>();
    rows.forEach(r -> counts.merge(NestedRows.text(r), 1, Integer::sum));
    return counts;
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"ARROW, ZSTD", "ARROW, LZ4_FRAME", "ARROW, NONE", "COMPACTED,", "INDEXED,"})
  void nestedValuesRoundTripThroughAppendAndScan(String format, String compression) {
    TableDescriptor.Builder d =
        TableDescriptor.builder()
            .schema(NestedRows.schema())
            .distributedBy(2)
            .property("table.log.format", format);
    if (compression != null) {
      d.property("table.log.arrow.compression.type", compression);
    }
    Table table = create(("log_" + format + "_" + compression).toLowerCase(), d.build());
    int n = 500;
    try (AppendWriter writer = table.newAppend().createWriter()) {
      NestedRows.rows(n).forEach(writer::append);
      writer.flush();
    }
    try (LogScanner scanner = table.newScan().createLogScanner()) {
      List<ScanRecord> records = LogTableITCase.scanAll(scanner, 2, n);
      Map<String, Integer> actual = new HashMap<>();
      records.forEach(r -> actual.merge(NestedRows.text(r.getRow()), 1, Integer::sum));
      assertThat(actual).isEqualTo(texts(NestedRows.rows(n)));
    }
  }

  @Test
  void projectionOfNestedColumnsIsPushedToTheServer() {
    Table table =
        create(
            "projected",
            TableDescriptor.builder().schema(NestedRows.schema()).distributedBy(1).build());
    try (AppendWriter writer = table.newAppend().createWriter()) {
      NestedRows.rows(100).forEach(writer::append);
    }
    try (LogScanner scanner =
        table.newScan().project("events", "id", "address").createLogScanner()) {
      for (ScanRecord r : LogTableITCase.scanAll(scanner, 1, 100)) {
        Object[] full = NestedRows.row((Integer) r.getValue(1));
        assertThat(NestedRows.text(r.getRow()))
            .isEqualTo(NestedRows.text(new Object[] {full[7], full[0], full[6]}));
      }
    }
  }

  @ParameterizedTest
  @EnumSource(KvFormat.class)
  void nestedValuesRoundTripThroughUpsertLookupAndTheChangelog(KvFormat format) {
    Schema schema = Schema.newBuilder().fromSchema(NestedRows.schema()).primaryKey("id").build();
    Table table =
        create(
            "pk_" + format.name().toLowerCase(),
            TableDescriptor.builder().schema(schema).distributedBy(2).kvFormat(format).build());
    int n = 200;
    try (UpsertWriter writer = table.newUpsert().createWriter()) {
      NestedRows.rows(n).forEach(writer::upsert);
      // Overwrite one row with another's nested values: the lookup must see the new ones.
      Object[] replaced = NestedRows.row(8).clone();
      replaced[0] = 1;
      writer.upsert(replaced);
      writer.flush();
    }
    try (Lookuper lookuper = table.newLookup().createLookuper()) {
      for (int i = 0; i < n; i++) {
        Object[] expected = NestedRows.row(i == 1 ? 8 : i).clone();
        expected[0] = i;
        assertThat(NestedRows.text(lookuper.lookup(i)))
            .as("key %d", i)
            .isEqualTo(NestedRows.text(expected));
      }
    }
    // The server turns our kv rows into its changelog: it must have decoded the nested values the
    // way we wrote them.
    try (LogScanner scanner = table.newScan().createLogScanner()) {
      List<ScanRecord> records = LogTableITCase.scanAll(scanner, 2, n + 2);
      Map<String, Integer> inserted = new HashMap<>();
      for (ScanRecord r : records) {
        if (r.changeType() == ChangeType.INSERT) {
          inserted.merge(NestedRows.text(r.getRow()), 1, Integer::sum);
        }
      }
      assertThat(inserted).isEqualTo(texts(NestedRows.rows(n)));
    }
  }

  @Test
  void badNestedValuesAreRejectedNamingThePlace() {
    Table table =
        create(
            "bad_values",
            TableDescriptor.builder().schema(NestedRows.schema()).distributedBy(1).build());
    try (AppendWriter writer = table.newAppend().createWriter()) {
      Object[] nullScore = NestedRows.row(3).clone();
      nullScore[2] = Arrays.asList(1.0, null);
      assertThatThrownBy(() -> writer.append(nullScore))
          .isInstanceOf(InvalidRowException.class)
          .hasMessageContaining("scores")
          .hasMessageContaining("element 1");
      Object[] shortAddress = NestedRows.row(3).clone();
      shortAddress[6] = List.of("street only");
      assertThatThrownBy(() -> writer.append(shortAddress))
          .isInstanceOf(InvalidRowException.class)
          .hasMessageContaining("address");
      Object[] wrongKey = NestedRows.row(3).clone();
      wrongKey[4] = Map.of(1, 2);
      assertThatThrownBy(() -> writer.append(wrongKey))
          .isInstanceOf(InvalidRowException.class)
          .hasMessageContaining("attrs");
      writer.append(NestedRows.row(3)).join();
    }
  }

  @Test
  void theServerRefusesNestedKeyColumns() {
    Schema schema =
        Schema.newBuilder()
            .column("k", DataTypes.ARRAY(DataTypes.INT()).notNull())
            .column("v", DataTypes.STRING())
            .primaryKey("k")
            .build();
    assertThatThrownBy(
            () ->
                connection
                    .getAdmin()
                    .createTable(
                        TablePath.of(db, "nested_key"),
                        TableDescriptor.builder().schema(schema).distributedBy(1).build(),
                        false))
        .isInstanceOf(InvalidTableException.class)
        .hasMessageContaining("'k'");
  }
}
