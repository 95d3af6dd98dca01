package io.flussjava.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flussjava.client.admin.Admin;
import io.flussjava.client.admin.DatabaseDescriptor;
import io.flussjava.client.admin.KvFormat;
import io.flussjava.client.admin.LogFormat;
import io.flussjava.client.admin.PartitionSpec;
import io.flussjava.client.admin.SchemaInfo;
import io.flussjava.client.admin.TableChange;
import io.flussjava.client.admin.TableDescriptor;
import io.flussjava.client.admin.TablePath;
import io.flussjava.client.lookup.Lookuper;
import io.flussjava.client.lookup.PrefixLookuper;
import io.flussjava.client.scan.ArrowScanBatch;
import io.flussjava.client.scan.BoundedArrowReader;
import io.flussjava.client.scan.BoundedReader;
import io.flussjava.client.scan.ScanRecord;
import io.flussjava.client.write.AppendWriter;
import io.flussjava.client.write.UpsertWriter;
import io.flussjava.exception.InvalidAlterTableException;
import io.flussjava.exception.SchemaNotExistException;
import io.flussjava.exception.TableNotExistException;
import io.flussjava.types.DataTypes;
import io.flussjava.types.Schema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Tables altered with fluss-java's own {@code alterTable}: rows written before and after an added
 * column read, look up and keep being written correctly, in every log and kv format.
 */
class SchemaEvolutionITCase extends ClientTestBase {
  private static final Schema LOG_SCHEMA =
      Schema.newBuilder().column("id", DataTypes.INT()).column("name", DataTypes.STRING()).build();
  private static final Schema PK_SCHEMA =
      Schema.newBuilder()
          .column("k", DataTypes.INT())
          .column("id", DataTypes.INT())
          .column("name", DataTypes.STRING())
          .primaryKey("k", "id")
          .build();
  private static final List<TableChange> ADD_EMAIL =
      List.of(TableChange.addColumn("email", DataTypes.STRING(), "added later"));

  private static String db;
  private static Admin admin;

  @BeforeAll
  static void createDatabase() {
    db = uniqueName("schema_db");
    admin = connection.getAdmin();
    admin.createDatabase(db, DatabaseDescriptor.EMPTY, false);
  }

  private static List<List<Object>> readAll(Table table, String... columns) {
    List<List<Object>> out = new ArrayList<>();
    try (BoundedReader reader =
        columns.length == 0
            ? table.newScan().createBoundedReader()
            : table.newScan().project(columns).createBoundedReader()) {
      reader.forEachRemaining(r -> out.add(r.getRow()));
    }
    out.sort(Comparator.comparing(r -> String.valueOf(r)));
    return out;
  }

  private static List<Object> row(Object... values) {
    return Arrays.asList(values);
  }

  @ParameterizedTest
  @EnumSource(LogFormat.class)
  void aLogTableReadsAndWritesAcrossAnAddedColumn(LogFormat format) {
    TablePath path = TablePath.of(db, "log_" + format.name().toLowerCase());
    admin.createTable(
        path,
        TableDescriptor.builder().schema(LOG_SCHEMA).distributedBy(2).logFormat(format).build(),
        false);
    Table before = connection.getTable(path);
    assertThat(before.getTableInfo().getSchemaId()).isEqualTo(1);
    try (AppendWriter oldWriter = before.newAppend().createWriter()) {
      oldWriter.append(1, "a");
      oldWriter.flush();

      admin.alterTable(path, ADD_EMAIL, false);

      SchemaInfo latest = admin.getTableSchema(path);
      assertThat(latest.getSchemaId()).isEqualTo(2);
      assertThat(latest.getSchema().getColumnNames()).containsExactly("id", "name", "email");
      assertThat(admin.getTableSchema(path, 1).getSchema().getColumnNames())
          .containsExactly("id", "name");
      Table after = connection.getTable(path);
      assertThat(after.getTableInfo().getSchemaId()).isEqualTo(2);

      // The writer made before the change keeps writing rows of its schema, which the server takes.
      oldWriter.append(2, "b");
      oldWriter.flush();
      try (AppendWriter newWriter = after.newAppend().createWriter()) {
        newWriter.append(3, "c", "c@x");
        newWriter.flush();
      }

      assertThat(readAll(after))
          .containsExactly(row(1, "a", null), row(2, "b", null), row(3, "c", "c@x"));
      assertThat(readAll(after, "email", "id"))
          .containsExactly(row("c@x", 3), row(null, 1), row(null, 2));
      assertThat(readAll(after, "email"))
          .containsExactly(row("c@x"), row((Object) null), row((Object) null));
      // A scanner of the table as it was keeps its schema: the new column is left out.
      assertThat(readAll(before)).containsExactly(row(1, "a"), row(2, "b"), row(3, "c"));
      assertThat(readAll(before, "name")).containsExactly(row("a"), row("b"), row("c"));
      if (format == LogFormat.ARROW) {
        assertArrowBatchesHaveTheNewColumn(after);
      }
    }
  }

  private static void assertArrowBatchesHaveTheNewColumn(Table after) {
    List<String> emails = new ArrayList<>();
    try (BoundedArrowReader reader = after.newScan().createBoundedArrowReader()) {
      while (reader.hasNext()) {
        ArrowScanBatch batch = reader.next();
        assertThat(batch.root().getSchema().getFields())
            .extracting(f -> f.getName())
            .containsExactly("id", "name", "email");
        FieldVector email = batch.root().getVector("email");
        for (int i = 0; i < batch.root().getRowCount(); i++) {
          Object v = email.getObject(i);
          emails.add(v == null ? null : v.toString());
        }
      }
    }
    assertThat(emails).containsExactlyInAnyOrder(null, null, "c@x");
  }

  @ParameterizedTest
  @EnumSource(KvFormat.class)
  void aPrimaryKeyTableLooksUpAndUpsertsAcrossAnAddedColumn(KvFormat format) {
    TablePath path = TablePath.of(db, "pk_" + format.name().toLowerCase());
    admin.createTable(
        path,
        TableDescriptor.builder().schema(PK_SCHEMA).distributedBy(2, "k").kvFormat(format).build(),
        false);
    Table before = connection.getTable(path);
    try (UpsertWriter oldWriter = before.newUpsert().createWriter();
        Lookuper oldLookuper = before.newLookup().createLookuper()) {
      oldWriter.upsert(1, 1, "a");
      oldWriter.upsert(1, 2, "b");
      oldWriter.flush();

      admin.alterTable(path, ADD_EMAIL, false);
      Table after = connection.getTable(path);

      oldWriter.upsert(1, 3, "c");
      oldWriter.flush();
      try (UpsertWriter newWriter = after.newUpsert().createWriter()) {
        newWriter.upsert(1, 4, "d", "d@x");
        newWriter.upsert(1, 2, "b2", "b@x"); // an old row updated with the new column
        newWriter.flush();
      }

      try (Lookuper lookuper = after.newLookup().createLookuper();
          PrefixLookuper prefix = after.newLookup().lookupBy("k").createLookuper()) {
        assertThat(lookuper.lookup(1, 1)).isEqualTo(row(1, 1, "a", null));
        assertThat(lookuper.lookup(1, 2)).isEqualTo(row(1, 2, "b2", "b@x"));
        assertThat(lookuper.lookup(1, 3)).isEqualTo(row(1, 3, "c", null));
        assertThat(lookuper.lookup(1, 4)).isEqualTo(row(1, 4, "d", "d@x"));
        assertThat(lookuper.lookupAll(List.of(List.of(1, 1), List.of(1, 4))))
            .containsExactly(row(1, 1, "a", null), row(1, 4, "d", "d@x"));
        assertThat(prefix.lookup(1))
            .containsExactlyInAnyOrder(
                row(1, 1, "a", null),
                row(1, 2, "b2", "b@x"),
                row(1, 3, "c", null),
                row(1, 4, "d", "d@x"));
      }
      // The lookuper made before the change keeps its schema.
      assertThat(oldLookuper.lookup(1, 4)).isEqualTo(row(1, 4, "d"));
      assertThat(oldLookuper.lookupAsync(1, 1).join()).isEqualTo(row(1, 1, "a"));

      // The changelog holds batches of both versions.
      assertThat(readAll(after, "id", "email"))
          .contains(row(1, null), row(2, "b@x"), row(4, "d@x"));
    }
  }

  @Test
  void refusedChangesFailTyped() {
    TablePath path = TablePath.of(db, "refused");
    admin.createTable(path, TableDescriptor.builder().schema(LOG_SCHEMA).build(), false);

    assertThatThrownBy(
            () ->
                admin.alterTable(
                    path, List.of(TableChange.addColumn("must", DataTypes.INT().notNull())), false))
        .isInstanceOf(InvalidAlterTableException.class);
    assertThatThrownBy(
            () ->
                admin.alterTable(
                    path, List.of(TableChange.addColumn("name", DataTypes.STRING())), false))
        .isInstanceOf(InvalidAlterTableException.class);
    assertThatThrownBy(
            () ->
                admin.alterTable(
                    path, List.of(TableChange.set("table.replication.factor", "2")), false))
        .isInstanceOf(InvalidAlterTableException.class)
        .hasMessageContaining("table.replication.factor");
    assertThat(admin.getTableSchema(path.toString()).getSchemaId()).isEqualTo(1);
    assertThatThrownBy(() -> admin.getTableSchema(path, 99))
        .isInstanceOf(SchemaNotExistException.class);

    TablePath missing = TablePath.of(db, "missing");
    admin.alterTable(missing.toString(), ADD_EMAIL, true);
    assertThatThrownBy(() -> admin.alterTable(missing, ADD_EMAIL, false))
        .isInstanceOf(TableNotExistException.class);
    assertThatThrownBy(() -> admin.alterTable(path, List.of(), false))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void optionsAreSetAndReset() {
    TablePath path = TablePath.of(db, "options");
    admin.createTable(path, TableDescriptor.builder().schema(LOG_SCHEMA).build(), false);

    admin
        .alterTableAsync(
            path,
            List.of(
                TableChange.set("table.log.tiered.local-segments", "3"),
                TableChange.set("owner", "team-a")),
            false)
        .join();
    var info = admin.getTableInfo(path);
    assertThat(info.getProperties()).containsEntry("table.log.tiered.local-segments", "3");
    assertThat(info.getCustomProperties()).containsEntry("owner", "team-a");
    assertThat(info.getSchemaId()).isEqualTo(1); // options make no new schema

    admin.alterTable(
        path,
        List.of(TableChange.reset("table.log.tiered.local-segments"), TableChange.reset("owner")),
        false);
    info = admin.getTableInfo(path);
    assertThat(info.getProperties()).doesNotContainKey("table.log.tiered.local-segments");
    assertThat(info.getCustomProperties()).doesNotContainKey("owner");
  }

  @Test
  void aScannerSubscribedBeforeTheChangeReadsRowsWrittenAfterIt() {
    TablePath path = TablePath.of(db, "live");
    admin.createTable(
        path, TableDescriptor.builder().schema(LOG_SCHEMA).distributedBy(1).build(), false);
    Table before = connection.getTable(path);
    try (var scanner = before.newScan().createLogScanner();
        AppendWriter oldWriter = before.newAppend().createWriter()) {
      scanner.subscribeFromBeginning(0);
      oldWriter.append(1, "a").join();
      admin.alterTable(path, ADD_EMAIL, false);
      try (AppendWriter newWriter = connection.getTable(path).newAppend().createWriter()) {
        newWriter.append(2, "b", "b@x").join();
      }
      List<List<Object>> seen = new ArrayList<>();
      long deadline = System.nanoTime() + 30_000_000_000L;
      while (seen.size() < 2 && System.nanoTime() < deadline) {
        for (ScanRecord r : scanner.poll(java.time.Duration.ofMillis(200))) {
          seen.add(r.getRow());
        }
      }
      assertThat(seen).containsExactly(row(1, "a"), row(2, "b"));
    }
  }

  @Test
  void aPartitionedTableReadsAndLooksUpAcrossAnAddedColumn() {
    TablePath path = TablePath.of(db, "partitioned");
    Schema schema =
        Schema.newBuilder()
            .column("id", DataTypes.INT())
            .column("dt", DataTypes.STRING())
            .column("name", DataTypes.STRING())
            .primaryKey("id", "dt")
            .build();
    admin.createTable(
        path,
        TableDescriptor.builder().schema(schema).distributedBy(2).partitionedBy("dt").build(),
        false);
    admin.createPartition(path, PartitionSpec.of("dt", "a"), false);
    admin.createPartition(path, PartitionSpec.of("dt", "b"), false);
    try (UpsertWriter oldWriter = connection.getTable(path).newUpsert().createWriter()) {
      oldWriter.upsert(1, "a", "one");
      oldWriter.flush();
      admin.alterTable(path, ADD_EMAIL, false);
      oldWriter.upsert(2, "b", "two");
      oldWriter.flush();
    }
    Table after = connection.getTable(path);
    try (UpsertWriter newWriter = after.newUpsert().createWriter()) {
      newWriter.upsert(3, "a", "three", "3@x");
      newWriter.flush();
    }
    try (Lookuper lookuper = after.newLookup().createLookuper()) {
      assertThat(lookuper.lookup(1, "a")).isEqualTo(row(1, "a", "one", null));
      assertThat(lookuper.lookup(2, "b")).isEqualTo(row(2, "b", "two", null));
      assertThat(lookuper.lookup(3, "a")).isEqualTo(row(3, "a", "three", "3@x"));
    }
    assertThat(readAll(after, "id", "email"))
        .containsExactly(row(1, null), row(2, null), row(3, "3@x"));
  }
}
