package io.flussjava.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flussjava.arrow.ArrowSchemas;
import io.flussjava.client.admin.DatabaseDescriptor;
import io.flussjava.client.admin.OffsetSpec;
import io.flussjava.client.admin.TableDescriptor;
import io.flussjava.client.admin.TablePath;
import io.flussjava.client.scan.ArrowScanBatch;
import io.flussjava.client.scan.ArrowScanBatches;
import io.flussjava.client.scan.LogScanner;
import io.flussjava.client.scan.ScanRecord;
import io.flussjava.client.scan.ScanRecords;
import io.flussjava.client.write.AppendWriter;
import io.flussjava.client.write.UpsertWriter;
import io.flussjava.client.write.WriteResult;
import io.flussjava.exception.InvalidRowException;
import io.flussjava.exception.InvalidTableOperationException;
import io.flussjava.exception.SchemaMismatchException;
import io.flussjava.types.DataTypes;
import io.flussjava.types.RowType;
import io.flussjava.types.Schema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Arrow in and out: appendBatch of a VectorSchemaRoot, and pollBatches giving what poll() gives.
 */
@Timeout(
    value = 5,
    unit = TimeUnit.MINUTES) // a reader that never ends fails instead of hanging the build
class ArrowBatchITCase extends ClientTestBase {
  private static final int BUCKETS = 3;
  private static String db;
  private BufferAllocator allocator;

  @BeforeAll
  static void createDatabase() {
    db = uniqueName("arrow_db");
    connection.getAdmin().createDatabase(db, DatabaseDescriptor.EMPTY, false);
  }

  @BeforeEach
  void openAllocator() {
    allocator = new RootAllocator();
  }

  @AfterEach
  void closeAllocator() {
    allocator.close(); // fails the test if a root leaked
  }

  private static Table createTable(String name, Schema schema, String format) {
    TablePath path = TablePath.of(db, name);
    connection
        .getAdmin()
        .createTable(
            path,
            TableDescriptor.builder()
                .schema(schema)
                .distributedBy(BUCKETS)
                .property("table.log.format", format)
                .build(),
            false);
    return connection.getTable(path);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"ARROW", "INDEXED", "COMPACTED"})
  void appendBatchRoundTripsEveryScalarTypeAndNull(String format) {
    Table table = createTable("batch_" + format.toLowerCase(), ScalarRows.schema(), format);
    RowType rowType = table.getTableInfo().getRowType();
    int n = 1_000;
    List<Object[]> rows = ScalarRows.rows(n);
    List<WriteResult> results;
    try (AppendWriter writer = table.newAppend().createWriter();
        VectorSchemaRoot root = ArrowRows.toRoot(rowType, rows, allocator)) {
      results = writer.appendBatch(root).join();
    }
    assertThat(results).hasSize(n);
    Map<Integer, List<Long>> offsetsByBucket = new HashMap<>();
    results.forEach(
        r -> offsetsByBucket.computeIfAbsent(r.bucket(), b -> new ArrayList<>()).add(r.offset()));
    offsetsByBucket
        .values()
        .forEach(offsets -> assertThat(offsets).isSorted().doesNotHaveDuplicates());

    try (LogScanner scanner = table.newScan().createLogScanner()) {
      List<ScanRecord> records = LogTableITCase.scanAll(scanner, BUCKETS, n);
      assertThat(texts(records.stream().map(r -> r.getRow().toArray()).toList()))
          .isEqualTo(texts(rows));
    }
  }

  @Test
  void nullInNotNullColumnFailsNamingTheColumnAndWritesNothing() {
    Table table = createTable("not_null", ScalarRows.schema(), "ARROW");
    List<Object[]> rows = ScalarRows.rows(5);
    rows.get(3)[0] = null; // id is INT NOT NULL
    try (AppendWriter writer = table.newAppend().createWriter();
        VectorSchemaRoot root =
            ArrowRows.toRoot(table.getTableInfo().getRowType(), rows, allocator)) {
      assertThatThrownBy(() -> writer.appendBatch(root))
          .isInstanceOf(InvalidRowException.class)
          .hasMessageContaining("'id'")
          .hasMessageContaining("NOT NULL")
          .hasMessageContaining("row 3");
      writer.flush();
    }
    assertThat(
            connection
                .getAdmin()
                .listOffsets(table.getTablePath(), List.of(0, 1, 2), OffsetSpec.latest()))
        .containsOnly(Map.entry(0, 0L), Map.entry(1, 0L), Map.entry(2, 0L));
  }

  @Test
  void rootOfAnotherSchemaFailsWithSchemaMismatch() {
    Schema schema =
        Schema.newBuilder()
            .column("id", DataTypes.INT().notNull())
            .column("name", DataTypes.STRING())
            .build();
    Table table = createTable("mismatch", schema, "ARROW");
    RowType rowType = table.getTableInfo().getRowType();
    List<Object[]> rows = List.<Object[]>of(new Object[] {1, "a"});
    try (AppendWriter writer = table.newAppend().createWriter()) {
      // id is BIGINT instead of INT
      RowType wrongType =
          DataTypes.ROW(
              DataTypes.FIELD("id", DataTypes.BIGINT()),
              DataTypes.FIELD("name", DataTypes.STRING()));
      try (VectorSchemaRoot root =
          ArrowRows.toRoot(
              new org.apache.arrow.vector.types.pojo.Schema(
                  List.of(
                      ArrowSchemas.toArrowField("id", DataTypes.BIGINT()),
                      ArrowSchemas.toArrowField("name", DataTypes.STRING()))),
              wrongType,
              List.<Object[]>of(new Object[] {1L, "a"}),
              allocator)) {
        assertThatThrownBy(() -> writer.appendBatch(root))
            .isInstanceOf(SchemaMismatchException.class)
            .hasMessageContaining("'id'")
            .hasMessageContaining("INT")
            .hasMessageContaining("Int(64");
      }
      // columns in another order
      List<Field> swapped = new ArrayList<>(ArrowSchemas.toArrowSchema(rowType).getFields());
      java.util.Collections.reverse(swapped);
      try (VectorSchemaRoot root =
          ArrowRows.toRoot(
              new org.apache.arrow.vector.types.pojo.Schema(swapped),
              DataTypes.ROW(
                  DataTypes.FIELD("name", DataTypes.STRING()),
                  DataTypes.FIELD("id", DataTypes.INT())),
              List.<Object[]>of(new Object[] {"a", 1}),
              allocator)) {
        assertThatThrownBy(() -> writer.appendBatch(root))
            .isInstanceOf(SchemaMismatchException.class)
            .hasMessageContaining("'name'")
            .hasMessageContaining("'id'");
      }
      // a column missing
      try (VectorSchemaRoot root =
          VectorSchemaRoot.create(
              new org.apache.arrow.vector.types.pojo.Schema(
                  List.of(ArrowSchemas.toArrowField("id", DataTypes.INT()))),
              allocator)) {
        assertThatThrownBy(() -> writer.appendBatch(root))
            .isInstanceOf(SchemaMismatchException.class)
            .hasMessageContaining("1 columns [id]");
      }
      // the right schema works, and an empty root writes nothing
      try (VectorSchemaRoot root = ArrowRows.toRoot(rowType, rows, allocator)) {
        assertThat(writer.appendBatch(root).join()).hasSize(1);
        root.setRowCount(0);
        assertThat(writer.appendBatch(root).join()).isEmpty();
      }
    }
  }

  @Test
  void pollBatchesGivesWhatPollGivesFullAndProjected() {
    Table table = createTable("poll_batches", ScalarRows.schema(), "ARROW");
    int n = 3_000;
    appendRows(table, ScalarRows.rows(n));
    RowType rowType = table.getTableInfo().getRowType();

    assertSameRecords(table, null, rowType, n, 0);
    int[] projection = {10, 0, 18}; // c_string, id, c_ts9: not in table order
    assertSameRecords(table, projection, rowType.project(projection), n, 0);
    // from the middle of a batch: the rows before the offset are cut off
    assertSameRecords(table, projection, rowType.project(projection), n, 7);
  }

  private void assertSameRecords(
      Table table, int[] projection, RowType scanType, int n, long fromOffset) {
    Map<String, String> byPoll = new TreeMap<>();
    Map<String, String> byBatches = new TreeMap<>();
    Map<Integer, Long> ends =
        connection
            .getAdmin()
            .listOffsets(table.getTablePath(), List.of(0, 1, 2), OffsetSpec.latest());
    assertThat(ends.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(n);
    Map<Integer, Long> starts = new HashMap<>();
    ends.forEach(
        (b, end) -> starts.put(b, Math.min(fromOffset, end))); // rows spread unevenly over buckets
    long expected = n - starts.values().stream().mapToLong(Long::longValue).sum();
    try (LogScanner scanner = scanner(table, projection)) {
      starts.forEach(scanner::subscribe);
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (byPoll.size() < expected && System.nanoTime() < deadline) {
        ScanRecords records = scanner.poll(Duration.ofSeconds(1));
        records.forEach(
            r ->
                byPoll.put(
                    key(r.bucket(), r.offset()), r.changeType() + ScalarRows.text(r.getRow())));
      }
    }
    try (LogScanner scanner = scanner(table, projection)) {
      starts.forEach(scanner::subscribe);
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (byBatches.size() < byPoll.size() && System.nanoTime() < deadline) {
        try (ArrowScanBatches batches = scanner.pollBatches(Duration.ofSeconds(1))) {
          for (ArrowScanBatch batch : batches) {
            assertThat(batch.root().getSchema().getFields().stream().map(Field::getName).toList())
                .isEqualTo(scanType.getFieldNames());
            assertThat(batch.commitTimestamp()).isPositive();
            List<Object[]> rows = ArrowRows.rowsOf(batch, scanType);
            for (int row = 0; row < rows.size(); row++) {
              assertThat(batch.offsetOf(row)).isGreaterThanOrEqualTo(fromOffset);
              String previous =
                  byBatches.put(
                      key(batch.bucket(), batch.offsetOf(row)),
                      batch.changeType(row) + ScalarRows.text(rows.get(row)));
              assertThat(previous).as("offset read twice").isNull();
            }
          }
        }
      }
      assertThat(scanner.pollBatches(Duration.ofMillis(300)).isEmpty()).isTrue();
    } // closing the scanner closes its allocator, which fails on a leak
    assertThat(byPoll).hasSize((int) expected);
    assertThat(byBatches).isEqualTo(byPoll);
  }

  @Test
  void pollBatchesKeepsResultsUntilTheNextPollAndFreesThem() {
    Table table = createTable("ownership", ScalarRows.schema(), "ARROW");
    appendRows(table, ScalarRows.rows(100));
    try (LogScanner scanner = table.newScan().maxRecords(100).createLogScanner()) {
      for (int b = 0; b < BUCKETS; b++) {
        scanner.subscribeFromBeginning(b);
      }
      ArrowScanBatches first = ArrowScanBatches.empty();
      for (int i = 0; i < 100 && first.isEmpty(); i++) {
        first = scanner.pollBatches(Duration.ofMillis(100));
      }
      assertThat(first.recordCount()).isPositive();
      assertThat(first.isClosed()).isFalse();
      ArrowScanBatches second =
          scanner.pollBatches(Duration.ofMillis(100)); // frees the first result
      assertThat(first.isClosed()).isTrue();
      first.close(); // idempotent
      assertThat(second.isClosed()).isFalse(); // left for the scanner's close() to free
    }
  }

  @Test
  void pollBatchesCarriesTheChangelogOfPrimaryKeyTables() {
    TablePath path = TablePath.of(db, "pk_changelog");
    Schema schema =
        Schema.newBuilder()
            .column("id", DataTypes.INT().notNull())
            .column("v", DataTypes.STRING())
            .primaryKey("id")
            .build();
    connection
        .getAdmin()
        .createTable(
            path, TableDescriptor.builder().schema(schema).distributedBy(1).build(), false);
    Table table = connection.getTable(path);
    try (UpsertWriter writer = table.newUpsert().createWriter()) {
      writer.upsert(1, "a");
      writer.flush();
      writer.upsert(1, "b");
      writer.flush();
      writer.delete(1, null);
      writer.flush();
    }
    List<String> changes = new ArrayList<>();
    try (LogScanner scanner = table.newScan().project("v").createLogScanner()) {
      scanner.subscribeFromBeginning(0);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (changes.size() < 4 && System.nanoTime() < deadline) {
        for (ArrowScanBatch batch : scanner.pollBatches(Duration.ofSeconds(1))) {
          List<Object[]> rows =
              ArrowRows.rowsOf(batch, table.getTableInfo().getRowType().project(new int[] {1}));
          for (int row = 0; row < batch.rowCount(); row++) {
            changes.add(batch.changeType(row).shortString() + rows.get(row)[0]);
          }
        }
      }
    }
    assertThat(changes).containsExactly("+Ia", "-Ua", "+Ub", "-Db");
  }

  @Test
  void pollBatchesOnARowFormatTableNamesTheFormat() {
    Table table = createTable("indexed_poll", ScalarRows.schema(), "INDEXED");
    try (LogScanner scanner = table.newScan().createLogScanner()) {
      scanner.subscribeFromBeginning(0);
      assertThatThrownBy(() -> scanner.pollBatches(Duration.ofMillis(10)))
          .isInstanceOf(InvalidTableOperationException.class)
          .hasMessageContaining("INDEXED")
          .hasMessageContaining("poll()");
    }
    assertThatThrownBy(() -> table.newScan().createBoundedArrowReader())
        .isInstanceOf(InvalidTableOperationException.class)
        .hasMessageContaining("INDEXED");
  }

  private static LogScanner scanner(Table table, int[] projection) {
    return projection == null
        ? table.newScan().createLogScanner()
        : table.newScan().project(projection).createLogScanner();
  }

  private void appendRows(Table table, List<Object[]> rows) {
    try (AppendWriter writer = table.newAppend().createWriter();
        VectorSchemaRoot root =
            ArrowRows.toRoot(table.getTableInfo().getRowType(), rows, allocator)) {
      writer.appendBatch(root).join();
    }
  }

  private static String key(int bucket, long offset) {
    return String.format("%d/%08d", bucket, offset);
  }

  private static Map<String, Integer> texts(List<Object[]> rows) {
    Map<String, Integer> out = new HashMap<>();
    rows.forEach(r -> out.merge(ScalarRows.text(r), 1, Integer::sum));
    return out;
  }
}
