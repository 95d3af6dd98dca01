package io.flussjava.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flussjava.client.admin.Admin;
import io.flussjava.client.admin.DatabaseDescriptor;
import io.flussjava.client.admin.OffsetSpec;
import io.flussjava.client.admin.TableDescriptor;
import io.flussjava.client.admin.TablePath;
import io.flussjava.client.scan.LogScanner;
import io.flussjava.client.scan.ScanRecord;
import io.flussjava.client.scan.ScanRecords;
import io.flussjava.client.write.AppendWriter;
import io.flussjava.client.write.WriteResult;
import io.flussjava.exception.InvalidRowException;
import io.flussjava.exception.InvalidTableOperationException;
import io.flussjava.log.ChangeType;
import io.flussjava.types.DataTypes;
import io.flussjava.types.Schema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Log tables end to end: append with every type, scan back (full and projected), offsets and bad
 * input.
 */
class LogTableITCase extends ClientTestBase {
  private static String db;

  @BeforeAll
  static void createDatabase() {
    db = uniqueName("log_db");
    connection.getAdmin().createDatabase(db, DatabaseDescriptor.EMPTY, false);
  }

  private static Table createTable(
      String name, Schema schema, int buckets, String format, String compression) {
    TableDescriptor.Builder d = TableDescriptor.builder().schema(schema).distributedBy(buckets);
    d.property("table.log.format", format);
    if (compression != null) {
      d.property("table.log.arrow.compression.type", compression);
    }
    TablePath path = TablePath.of(db, name);
    connection.getAdmin().createTable(path, d.build(), false);
    return connection.getTable(path);
  }

  /**
   * Subscribes every bucket from the beginning and polls until {@code expected} records arrived.
   */
  static List<ScanRecord> scanAll(LogScanner scanner, int buckets, int expected) {
    for (int b = 0; b < buckets; b++) {
      scanner.subscribeFromBeginning(b);
    }
    return pollUntil(scanner, expected);
  }

  static List<ScanRecord> pollUntil(LogScanner scanner, int expected) {
    List<ScanRecord> out = new ArrayList<>();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (out.size() < expected && System.nanoTime() < deadline) {
      ScanRecords records = scanner.poll(Duration.ofMillis(500));
      for (TableBucket bucket : records.buckets()) {
        for (ScanRecord r : records.records(bucket)) {
          assertThat(r.tableBucket()).isEqualTo(bucket);
          out.add(r);
        }
      }
    }
    // Nothing more than expected arrives.
    assertThat(scanner.poll(Duration.ofMillis(300)).count()).isZero();
    return out;
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"ARROW, ZSTD", "ARROW, LZ4_FRAME", "ARROW, NONE", "COMPACTED,", "INDEXED,"})
  void everyTypeRoundTripsThroughAppendAndScan(String format, String compression) {
    Table table =
        createTable(
            ("types_" + format + "_" + compression).toLowerCase(),
            ScalarRows.schema(),
            3,
            format,
            compression);
    int n = 2_000;
    List<CompletableFuture<WriteResult>> futures = new ArrayList<>();
    try (AppendWriter writer = table.newAppend().createWriter()) {
      for (Object[] row : ScalarRows.rows(n)) {
        futures.add(writer.append(row));
      }
      writer.flush();
    }
    Map<Integer, List<Long>> offsetsByBucket = new HashMap<>();
    for (CompletableFuture<WriteResult> f : futures) {
      assertThat(f).isCompleted();
      WriteResult r = f.join();
      offsetsByBucket.computeIfAbsent(r.bucket(), b -> new ArrayList<>()).add(r.offset());
    }
    // Offsets in each bucket are 0, 1, 2, ... in write order.
    offsetsByBucket
        .values()
        .forEach(
            offsets -> {
              for (int i = 0; i < offsets.size(); i++) {
                assertThat(offsets.get(i)).isEqualTo(i);
              }
            });

    try (LogScanner scanner = table.newScan().createLogScanner()) {
      List<ScanRecord> records = scanAll(scanner, 3, n);
      assertThat(records).hasSize(n);
      Map<String, Integer> expected = new HashMap<>();
      ScalarRows.rows(n).forEach(r -> expected.merge(ScalarRows.text(r), 1, Integer::sum));
      Map<String, Integer> actual = new HashMap<>();
      for (ScanRecord r : records) {
        assertThat(r.changeType()).isEqualTo(ChangeType.APPEND_ONLY);
        assertThat(r.timestamp()).isPositive();
        actual.merge(ScalarRows.text(r.getRow()), 1, Integer::sum);
      }
      assertThat(actual).isEqualTo(expected);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"ARROW", "COMPACTED"})
  void projectionReturnsExactlyTheAskedColumns(String format) {
    Table table =
        createTable("projected_" + format.toLowerCase(), ScalarRows.schema(), 1, format, null);
    try (AppendWriter writer = table.newAppend().createWriter()) {
      for (int i = 0; i < 100; i++) {
        writer.append(ScalarRows.row(i));
      }
    }
    try (LogScanner scanner = table.newScan().project("c_string", "id").createLogScanner()) {
      List<ScanRecord> records = scanAll(scanner, 1, 100);
      for (ScanRecord r : records) {
        Object[] full = ScalarRows.row((Integer) r.getValue(1));
        assertThat(r.size()).isEqualTo(2);
        assertThat(r.getRow()).containsExactly(full[10], full[0]);
        assertThat(r.offset()).isEqualTo(((Integer) r.getValue(1)).longValue());
      }
    }
  }

  @Test
  void offsetsLatestAndTimestampSubscriptions() throws Exception {
    Schema schema =
        Schema.newBuilder().column("k", DataTypes.BIGINT()).column("v", DataTypes.STRING()).build();
    Table table = createTable("offsets", schema, 1, "ARROW", null);
    Admin admin = connection.getAdmin();
    TablePath path = table.getTablePath();
    assertThat(admin.listOffsets(path, List.of(0), OffsetSpec.latest())).containsEntry(0, 0L);
    try (AppendWriter writer = table.newAppend().createWriter()) {
      for (long i = 0; i < 10; i++) {
        writer.append(i, "first-" + i);
      }
    }
    assertThat(admin.listOffsets(path, List.of(0), OffsetSpec.earliest())).containsEntry(0, 0L);
    assertThat(admin.listOffsets(path, List.of(0), OffsetSpec.latest())).containsEntry(0, 10L);
    Thread.sleep(50);
    long between = System.currentTimeMillis();
    Thread.sleep(50);

    try (LogScanner fromLatest = table.newScan().createLogScanner();
        LogScanner fromTime = table.newScan().createLogScanner();
        LogScanner fromFive = table.newScan().createLogScanner()) {
      fromLatest.subscribeFromLatest(0);
      fromFive.subscribe(0, 5);
      try (AppendWriter writer = table.newAppend().createWriter()) {
        for (long i = 10; i < 15; i++) {
          writer.append(i, "second-" + i);
        }
      }
      fromTime.subscribeFromTimestamp(0, between);
      assertThat(pollUntil(fromLatest, 5))
          .extracting(ScanRecord::offset)
          .containsExactly(10L, 11L, 12L, 13L, 14L);
      assertThat(pollUntil(fromTime, 5))
          .extracting(r -> r.getValue(1))
          .allMatch(v -> ((String) v).startsWith("second-"));
      assertThat(pollUntil(fromFive, 10))
          .extracting(ScanRecord::offset)
          .containsExactly(5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L);
    }
  }

  @Test
  void badRowsFailAtAppendNamingTheColumnAndLoseNothingElse() {
    Schema schema =
        Schema.newBuilder()
            .column("id", DataTypes.INT().notNull())
            .column("name", DataTypes.STRING())
            .column("score", DataTypes.DOUBLE())
            .build();
    Table table = createTable("bad_input", schema, 1, "ARROW", null);
    try (AppendWriter writer = table.newAppend().createWriter()) {
      writer.append(1, "a", 1.0);
      assertThatThrownBy(() -> writer.append(2, "b"))
          .isInstanceOf(InvalidRowException.class)
          .hasMessageContaining("expected 3 values");
      assertThatThrownBy(() -> writer.append(3, 42, 1.0))
          .isInstanceOf(InvalidRowException.class)
          .hasMessageContaining("'name'")
          .hasMessageContaining("java.lang.Integer");
      assertThatThrownBy(() -> writer.append(null, "c", 1.0))
          .isInstanceOf(InvalidRowException.class)
          .hasMessageContaining("'id'")
          .hasMessageContaining("NOT NULL");
      writer.append(List.of(4, "d", 4.0));
      writer.append(5, null, null);
      writer.flush();
    }
    try (LogScanner scanner = table.newScan().createLogScanner()) {
      assertThat(scanAll(scanner, 1, 3)).extracting(r -> r.getValue(0)).containsExactly(1, 4, 5);
    }
  }

  @Test
  void appendWriterOnPrimaryKeyTableAndMissingBucketAreRejected() {
    Schema pk =
        Schema.newBuilder()
            .column("id", DataTypes.INT())
            .column("v", DataTypes.STRING())
            .primaryKey("id")
            .build();
    TablePath path = TablePath.of(db, "pk_not_log");
    connection
        .getAdmin()
        .createTable(path, TableDescriptor.builder().schema(pk).distributedBy(1).build(), false);
    assertThatThrownBy(() -> connection.getTable(path).newAppend().createWriter())
        .isInstanceOf(InvalidTableOperationException.class)
        .hasMessageContaining("primary key")
        .hasMessageContaining("newUpsert()");

    Table log =
        createTable(
            "two_buckets",
            Schema.newBuilder().column("x", DataTypes.INT()).build(),
            2,
            "ARROW",
            null);
    try (LogScanner scanner = log.newScan().createLogScanner()) {
      assertThatThrownBy(() -> scanner.subscribe(2, 0))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("bucket 2 does not exist");
      assertThatThrownBy(() -> log.newScan().project("nope"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'nope'");
    }
  }
}
