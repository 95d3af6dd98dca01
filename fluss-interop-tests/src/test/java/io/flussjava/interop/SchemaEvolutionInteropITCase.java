package io.flussjava.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.flussjava.client.Table;
import io.flussjava.client.admin.KvFormat;
import io.flussjava.client.admin.LogFormat;
import io.flussjava.client.admin.TableChange;
import io.flussjava.client.admin.TableDescriptor;
import io.flussjava.client.admin.TablePath;
import io.flussjava.client.lookup.Lookuper;
import io.flussjava.client.lookup.PrefixLookuper;
import io.flussjava.client.scan.BoundedReader;
import io.flussjava.client.write.AppendWriter;
import io.flussjava.client.write.UpsertWriter;
import io.flussjava.testkit.FlussClusterExtension;
import io.flussjava.types.DataTypes;
import io.flussjava.types.Schema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A column added by one client, rows of both schema versions written by both: each client reads,
 * looks up and writes the other's rows of either version, in every log format and both kv formats.
 */
class SchemaEvolutionInteropITCase extends InteropTestBase {
  private static final Schema LOG_SCHEMA =
      Schema.newBuilder().column("id", DataTypes.INT()).column("name", DataTypes.STRING()).build();
  private static final Schema PK_SCHEMA =
      Schema.newBuilder()
          .column("k", DataTypes.INT())
          .column("id", DataTypes.INT())
          .column("name", DataTypes.STRING())
          .primaryKey("k", "id")
          .build();

  /** Who runs the ALTER TABLE. */
  enum Alterer {
    OFFICIAL,
    FLUSS_JAVA
  }

  static Stream<Arguments> logCases() {
    return Stream.of(LogFormat.values())
        .flatMap(f -> Stream.of(Alterer.values()).map(a -> Arguments.of(f, a)));
  }

  static Stream<Arguments> kvCases() {
    return Stream.of(KvFormat.values())
        .flatMap(f -> Stream.of(Alterer.values()).map(a -> Arguments.of(f, a)));
  }

  private static String bootstrap() {
    return FlussClusterExtension.sharedCluster().bootstrapServers();
  }

  private static void addEmail(TablePath path, Alterer alterer) throws Exception {
    if (alterer == Alterer.OFFICIAL) {
      Map<String, Object> theirs =
          OfficialClient.addStringColumn(bootstrap(), db, path.getTableName(), "email");
      assertThat(theirs.get("schemaId")).isEqualTo(2);
    } else {
      connection
          .getAdmin()
          .alterTable(path, List.of(TableChange.addColumn("email", DataTypes.STRING())), false);
    }
    assertThat(connection.getAdmin().getTableSchema(path).getSchema().getColumnNames())
        .endsWith("email");
  }

  private static Table create(String name, TableDescriptor descriptor) {
    TablePath path = TablePath.of(db, name);
    connection.getAdmin().createTable(path, descriptor, false);
    return connection.getTable(path);
  }

  private static List<Object> row(Object... values) {
    return Arrays.asList(values);
  }

  @ParameterizedTest(name = "{0}, altered by {1}")
  @MethodSource("logCases")
  void logRowsOfBothVersionsReadTheSameInBothClients(LogFormat format, Alterer alterer)
      throws Exception {
    String name = ("log_" + format + "_" + alterer).toLowerCase(Locale.ROOT);
    Table before =
        create(
            name,
            TableDescriptor.builder()
                .schema(LOG_SCHEMA)
                .distributedBy(1)
                .logFormat(format)
                .build());
    TablePath path = before.getTableInfo().getTablePath();
    try (AppendWriter oldWriter = before.newAppend().createWriter()) {
      oldWriter.append(1, "a");
      oldWriter.flush();
      OfficialClient.append(bootstrap(), db, name, List.of(List.of(2, "b")));

      addEmail(path, alterer);

      OfficialClient.append(bootstrap(), db, name, List.of(row(3, "c", "c@x")));
      oldWriter.append(4, "d"); // fluss-java's writer of the old schema
      oldWriter.flush();
      try (AppendWriter newWriter = connection.getTable(path).newAppend().createWriter()) {
        newWriter.append(5, "e", "e@x");
        newWriter.flush();
      }
    }
    List<List<Object>> expected =
        List.of(
            row(1, "a", null),
            row(2, "b", null),
            row(3, "c", "c@x"),
            row(4, "d", null),
            row(5, "e", "e@x"));

    List<List<Object>> ours = new ArrayList<>();
    try (BoundedReader reader = connection.getTable(path).newScan().createBoundedReader()) {
      reader.forEachRemaining(r -> ours.add(r.getRow()));
    }
    assertThat(ours).containsExactlyElementsOf(expected); // one bucket: offset order
    if (format == LogFormat.COMPACTED) {
      // The official 0.9.1 client cannot scan these: its COMPACTED read context has no schema
      // getter, so a batch of another schema id fails with a NullPointerException in
      // LogRecordReadContext.getRowType (whoever wrote or altered).
      return;
    }
    List<List<Object>> theirs = new ArrayList<>();
    for (Map<String, Object> r :
        OfficialClient.scan(bootstrap(), db, name, 5, null, Duration.ofSeconds(60))) {
      @SuppressWarnings("unchecked")
      List<Object> values = (List<Object>) r.get("row");
      theirs.add(values);
    }
    assertThat(theirs).containsExactlyElementsOf(expected);
  }

  @ParameterizedTest(name = "{0}, altered by {1}")
  @MethodSource("kvCases")
  void keyedRowsOfBothVersionsLookUpTheSameInBothClients(KvFormat format, Alterer alterer)
      throws Exception {
    String name = ("pk_" + format + "_" + alterer).toLowerCase(Locale.ROOT);
    Table before =
        create(
            name,
            TableDescriptor.builder()
                .schema(PK_SCHEMA)
                .distributedBy(2, "k")
                .kvFormat(format)
                .build());
    TablePath path = before.getTableInfo().getTablePath();
    try (UpsertWriter oldWriter = before.newUpsert().createWriter()) {
      oldWriter.upsert(1, 1, "a");
      oldWriter.flush();
      OfficialClient.upsert(bootstrap(), db, name, List.of(List.of(1, 2, "b")));

      addEmail(path, alterer);

      OfficialClient.upsert(bootstrap(), db, name, List.of(row(1, 3, "c", "c@x")));
      oldWriter.upsert(1, 4, "d");
      oldWriter.flush();
      try (UpsertWriter newWriter = connection.getTable(path).newUpsert().createWriter()) {
        newWriter.upsert(1, 5, "e", "e@x");
        newWriter.flush();
      }
    }
    List<List<Object>> keys = new ArrayList<>();
    for (int id = 1; id <= 5; id++) {
      keys.add(List.of(1, id));
    }
    List<List<Object>> expected =
        List.of(
            row(1, 1, "a", null),
            row(1, 2, "b", null),
            row(1, 3, "c", "c@x"),
            row(1, 4, "d", null),
            row(1, 5, "e", "e@x"));

    Table after = connection.getTable(path);
    try (Lookuper lookuper = after.newLookup().createLookuper();
        PrefixLookuper prefix = after.newLookup().lookupBy("k").createLookuper()) {
      assertThat(lookuper.lookupAll(keys)).containsExactlyElementsOf(expected);
      assertThat(prefix.lookup(1)).containsExactlyInAnyOrderElementsOf(expected);
    }
    assertThat(OfficialClient.lookup(bootstrap(), db, name, keys))
        .containsExactlyElementsOf(expected);
    assertThat(
            OfficialClient.prefixLookup(bootstrap(), db, name, List.of("k"), List.of(List.of(1))))
        .singleElement()
        .satisfies(rows -> assertThat(rows).containsExactlyInAnyOrderElementsOf(expected));
  }
}
