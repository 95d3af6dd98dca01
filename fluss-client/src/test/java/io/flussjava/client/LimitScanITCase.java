package io.flussjava.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flussjava.client.admin.DatabaseDescriptor;
import io.flussjava.client.admin.KvFormat;
import io.flussjava.client.admin.OffsetSpec;
import io.flussjava.client.admin.PartitionSpec;
import io.flussjava.client.admin.TableChange;
import io.flussjava.client.admin.TableDescriptor;
import io.flussjava.client.admin.TablePath;
import io.flussjava.client.scan.BoundedReader;
import io.flussjava.client.scan.ScanRecord;
import io.flussjava.client.write.AppendWriter;
import io.flussjava.client.write.UpsertWriter;
import io.flussjava.log.ChangeType;
import io.flussjava.types.DataTypes;
import io.flussjava.types.Schema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Limit scans: {@code limit(n)} returns current rows of a primary-key table (after updates and
 * deletes, never changelog records) and the last records of a log table.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class LimitScanITCase extends ClientTestBase {
  private static final int BUCKETS = 3;
  private static String db;

  @BeforeAll
  static void createDatabase() {
    db = uniqueName("limit_db");
    connection.getAdmin().createDatabase(db, DatabaseDescriptor.EMPTY, false);
  }

  private static Table create(String name, TableDescriptor descriptor) {
    TablePath path = TablePath.of(db, name);
    connection.getAdmin().createTable(path, descriptor, false);
    return connection.getTable(path);
  }

  /** A primary-key table (id INT, name STRING) of {@code buckets} buckets in {@code format}. */
  private static Table keyedTable(String name, int buckets, KvFormat format) {
    return create(
        name,
        TableDescriptor.builder()
            .schema(
                Schema.newBuilder()
                    .column("id", DataTypes.INT().notNull())
                    .column("name", DataTypes.STRING())
                    .primaryKey("id")
                    .build())
            .distributedBy(buckets)
            .kvFormat(format)
            .build());
  }

  private static List<ScanRecord> readAll(BoundedReader reader) {
    List<ScanRecord> out = new ArrayList<>();
    reader.forEachRemaining(out::add);
    return out;
  }

  /**
   * Upserts keys 0..199, updates the even ones, deletes those divisible by 5; returns the state.
   */
  private static Map<Integer, String> writeState(Table table) {
    Map<Integer, String> state = new HashMap<>();
    try (UpsertWriter writer = table.newUpsert().createWriter()) {
      for (int id = 0; id < 200; id++) {
        writer.upsert(id, "v1-" + id);
        state.put(id, "v1-" + id);
      }
      for (int id = 0; id < 200; id += 2) {
        writer.upsert(id, "v2-" + id);
        state.put(id, "v2-" + id);
      }
      for (int id = 0; id < 200; id += 5) {
        writer.delete(id, null);
        state.remove(id);
      }
      writer.flush();
    }
    return state;
  }

  /**
   * The rows a limit scan of n returns, once the store shows everything acknowledged: a tablet
   * server applies acknowledged writes to its key-value store as the high watermark moves on, so
   * the first scan may still miss the last of them.
   */
  private static List<ScanRecord> currentRows(Table table, int n, int expected, String... columns) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      var scan = columns.length == 0 ? table.newScan() : table.newScan().project(columns);
      try (BoundedReader reader = scan.limit(n).createBoundedReader()) {
        List<ScanRecord> rows = readAll(reader);
        if (rows.size() == expected || System.nanoTime() > deadline) {
          return rows;
        }
      }
    }
  }

  @ParameterizedTest
  @EnumSource(KvFormat.class)
  void limitReturnsCurrentRowsOfAPrimaryKeyTable(KvFormat format) {
    Table table = keyedTable("pk_" + format.name().toLowerCase(), BUCKETS, format);
    Map<Integer, String> state = writeState(table);

    // More than the table holds: exactly its state, each row once, as inserts without offsets.
    List<ScanRecord> all = currentRows(table, 1_000, state.size());
    Map<Integer, String> read = new HashMap<>();
    for (ScanRecord r : all) {
      assertThat(r.changeType()).isEqualTo(ChangeType.INSERT);
      assertThat(r.offset()).isEqualTo(-1);
      assertThat(read.put((Integer) r.getValue(0), (String) r.getValue(1)))
          .as("key read twice: %s", r)
          .isNull();
    }
    assertThat(read).isEqualTo(state);
    assertThat(all.stream().map(ScanRecord::bucket).distinct()).hasSize(BUCKETS);

    // Fewer: n distinct current rows.
    try (BoundedReader reader = table.newScan().limit(25).createBoundedReader()) {
      List<ScanRecord> some = readAll(reader);
      assertThat(some).hasSize(25);
      some.forEach(
          r -> assertThat(state).containsEntry((Integer) r.getValue(0), (String) r.getValue(1)));
      assertThat(some.stream().map(r -> r.getValue(0)).distinct()).hasSize(25);
    }
    // Projected, in the asked order.
    List<ScanRecord> projected = currentRows(table, 1_000, state.size(), "name", "id");
    projected.forEach(
        r -> {
          assertThat(r.size()).isEqualTo(2);
          assertThat(state).containsEntry((Integer) r.getValue(1), (String) r.getValue(0));
        });
    try (BoundedReader reader = table.newScan().limit(0).createBoundedReader()) {
      assertThat(reader.hasNext()).isFalse();
    }
  }

  @ParameterizedTest
  @EnumSource(KvFormat.class)
  void limitReadsRowsOfEverySchemaVersionInTheCurrentSchema(KvFormat format) {
    Table before = keyedTable("pk_altered_" + format.name().toLowerCase(), 2, format);
    try (UpsertWriter writer = before.newUpsert().createWriter()) {
      for (int id = 0; id < 10; id++) {
        writer.upsert(id, "old" + id);
      }
    }
    TablePath path = before.getTableInfo().getTablePath();
    connection
        .getAdmin()
        .alterTable(path, List.of(TableChange.addColumn("score", DataTypes.BIGINT())), false);
    Table after = connection.getTable(path);
    try (UpsertWriter writer = after.newUpsert().createWriter()) {
      for (int id = 10; id < 20; id++) {
        writer.upsert(id, "new" + id, (long) id * 100);
      }
    }
    // A fresh Table reads values of schema 1 and 2 in schema 2: the added column is null in old
    // rows.
    List<ScanRecord> rows = currentRows(connection.getTable(path), 100, 20);
    assertThat(rows).hasSize(20);
    for (ScanRecord r : rows) {
      int id = (Integer) r.getValue(0);
      assertThat(r.getRow())
          .as("key %s", id)
          .containsExactly(id, (id < 10 ? "old" : "new") + id, id < 10 ? null : (long) id * 100);
    }
    // The Table from before the change keeps its schema: new rows lose the column it does not know.
    try (BoundedReader reader = before.newScan().limit(100).createBoundedReader()) {
      assertThat(readAll(reader)).hasSize(20).allSatisfy(r -> assertThat(r.size()).isEqualTo(2));
    }
  }

  @Test
  void limitReadsEveryPartitionOfAPartitionedPrimaryKeyTable() {
    TablePath path = TablePath.of(db, "pk_partitioned");
    connection
        .getAdmin()
        .createTable(
            path,
            TableDescriptor.builder()
                .schema(
                    Schema.newBuilder()
                        .column("id", DataTypes.INT().notNull())
                        .column("region", DataTypes.STRING().notNull())
                        .column("name", DataTypes.STRING())
                        .primaryKey("id", "region")
                        .build())
                .distributedBy(2)
                .partitionedBy("region")
                .build(),
            false);
    connection.getAdmin().createPartition(path, PartitionSpec.of("region", "eu"), false);
    connection.getAdmin().createPartition(path, PartitionSpec.of("region", "us"), false);
    Table table = connection.getTable(path);
    try (UpsertWriter writer = table.newUpsert().createWriter()) {
      for (int id = 0; id < 60; id++) {
        writer.upsert(id, id % 2 == 0 ? "eu" : "us", "n" + id);
      }
      writer.delete(0, "eu", null);
      writer.upsert(1, "us", "updated");
      writer.flush();
    }
    List<ScanRecord> rows = currentRows(table, 100, 59);
    assertThat(rows).hasSize(59);
    assertThat(rows.stream().map(ScanRecord::partitionId).distinct()).hasSize(2);
    assertThat(rows)
        .anySatisfy(r -> assertThat(r.getRow()).containsExactly(1, "us", "updated"))
        .noneSatisfy(r -> assertThat(r.getValue(0)).isEqualTo(0));
  }

  @Test
  void limitReturnsTheLastRecordsOfALogTable() {
    Table one =
        create(
            "log_one_bucket",
            TableDescriptor.builder()
                .schema(
                    Schema.newBuilder()
                        .column("id", DataTypes.INT())
                        .column("name", DataTypes.STRING())
                        .build())
                .distributedBy(1)
                .build());
    try (AppendWriter writer = one.newAppend().createWriter()) {
      for (int id = 0; id < 1_000; id++) {
        writer.append(id, "n" + id);
      }
    }
    try (BoundedReader reader = one.newScan().limit(10).createBoundedReader()) {
      List<ScanRecord> last = readAll(reader);
      assertThat(last)
          .extracting(r -> r.getValue(0))
          .containsExactly(990, 991, 992, 993, 994, 995, 996, 997, 998, 999);
      assertThat(last)
          .extracting(ScanRecord::offset)
          .containsExactly(990L, 991L, 992L, 993L, 994L, 995L, 996L, 997L, 998L, 999L);
      assertThat(last)
          .allSatisfy(r -> assertThat(r.changeType()).isEqualTo(ChangeType.APPEND_ONLY));
    }
    try (BoundedReader reader = one.newScan().project("name").limit(3).createBoundedReader()) {
      assertThat(readAll(reader))
          .extracting(ScanRecord::getRow)
          .containsExactly(List.of("n997"), List.of("n998"), List.of("n999"));
    }

    Table spread =
        create(
            "log_buckets",
            TableDescriptor.builder()
                .schema(
                    Schema.newBuilder()
                        .column("id", DataTypes.INT())
                        .column("name", DataTypes.STRING())
                        .build())
                .distributedBy(BUCKETS, "id")
                .build());
    try (AppendWriter writer = spread.newAppend().createWriter()) {
      for (int id = 0; id < 600; id++) {
        writer.append(id, "n" + id);
      }
    }
    Map<Integer, Long> ends =
        connection
            .getAdmin()
            .listOffsets(
                spread.getTableInfo().getTablePath(), List.of(0, 1, 2), OffsetSpec.latest());
    try (BoundedReader reader = spread.newScan().limit(20).createBoundedReader()) {
      List<ScanRecord> last = readAll(reader);
      assertThat(last).hasSize(20);
      // each one among its bucket's last 20
      last.forEach(r -> assertThat(r.offset()).isGreaterThanOrEqualTo(ends.get(r.bucket()) - 20));
    }
    Table empty =
        create(
            "log_empty",
            TableDescriptor.builder()
                .schema(Schema.newBuilder().column("id", DataTypes.INT()).build())
                .distributedBy(2)
                .build());
    try (BoundedReader reader = empty.newScan().limit(5).createBoundedReader()) {
      assertThat(reader.hasNext()).isFalse();
    }
  }

  @Test
  void limitIsNotAScannerCap() {
    Table table =
        create(
            "log_no_scanner",
            TableDescriptor.builder()
                .schema(Schema.newBuilder().column("id", DataTypes.INT()).build())
                .distributedBy(1)
                .build());
    assertThatThrownBy(() -> table.newScan().limit(5).createLogScanner())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("maxRecords");
    assertThatThrownBy(() -> table.newScan().limit(5).createBoundedArrowReader())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> table.newScan().limit(-1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
