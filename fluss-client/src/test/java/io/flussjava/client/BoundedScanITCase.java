package io.flussjava.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flussjava.client.admin.Admin;
import io.flussjava.client.admin.DatabaseDescriptor;
import io.flussjava.client.admin.OffsetSpec;
import io.flussjava.client.admin.PartitionSpec;
import io.flussjava.client.admin.TableDescriptor;
import io.flussjava.client.admin.TablePath;
import io.flussjava.client.scan.ArrowScanBatch;
import io.flussjava.client.scan.ArrowScanBatches;
import io.flussjava.client.scan.BoundedArrowReader;
import io.flussjava.client.scan.BoundedReader;
import io.flussjava.client.scan.LogScanner;
import io.flussjava.client.scan.ScanRecord;
import io.flussjava.client.write.AppendWriter;
import io.flussjava.types.DataTypes;
import io.flussjava.types.Schema;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.arrow.vector.IntVector;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bounded reads: maxRecords(n) on scanners and readers, and readers that end at the offsets seen at
 * their start.
 */
@Timeout(
    value = 5,
    unit = TimeUnit.MINUTES) // a reader that never ends fails instead of hanging the build
class BoundedScanITCase extends ClientTestBase {
  private static final int BUCKETS = 3;
  private static final List<Integer> ALL_BUCKETS = List.of(0, 1, 2);
  private static String db;

  @BeforeAll
  static void createDatabase() {
    db = uniqueName("bounded_db");
    connection.getAdmin().createDatabase(db, DatabaseDescriptor.EMPTY, false);
  }

  private static Table createTable(String name, String format) {
    Schema schema =
        Schema.newBuilder()
            .column("id", DataTypes.INT().notNull())
            .column("name", DataTypes.STRING())
            .build();
    TablePath path = TablePath.of(db, name);
    connection
        .getAdmin()
        .createTable(
            path,
            // bucketed by id, so rows spread over every bucket
            TableDescriptor.builder()
                .schema(schema)
                .distributedBy(BUCKETS, "id")
                .property("table.log.format", format)
                .build(),
            false);
    return connection.getTable(path);
  }

  private static void append(Table table, int from, int to) {
    try (AppendWriter writer = table.newAppend().createWriter()) {
      for (int id = from; id < to; id++) {
        writer.append(id, "name-" + id);
      }
    }
  }

  private static List<ScanRecord> readAll(BoundedReader reader) {
    List<ScanRecord> out = new ArrayList<>();
    reader.forEachRemaining(out::add);
    assertThat(reader.hasNext()).isFalse();
    return out;
  }

  private static Set<Integer> ids(List<ScanRecord> records) {
    Set<Integer> ids = new HashSet<>();
    records.forEach(
        r -> assertThat(ids.add((Integer) r.getValue(0))).as("id read twice: " + r).isTrue());
    return ids;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"ARROW", "INDEXED"})
  void boundedReaderReadsEverythingThenEnds(String format) {
    Table table = createTable("everything_" + format.toLowerCase(), format);
    append(table, 0, 1_000);
    try (BoundedReader reader = table.newScan().createBoundedReader()) {
      List<ScanRecord> records = readAll(reader);
      assertThat(records).hasSize(1_000);
      assertThat(ids(records)).hasSize(1_000);
      assertThat(records.get(0).getValue(1)).isEqualTo("name-" + records.get(0).getValue(0));
    }
    // projected, and an empty table ends at once
    try (BoundedReader reader = table.newScan().project("name").createBoundedReader()) {
      assertThat(readAll(reader)).hasSize(1_000).allSatisfy(r -> assertThat(r.size()).isEqualTo(1));
    }
    Table empty = createTable("empty_" + format.toLowerCase(), format);
    try (BoundedReader reader = empty.newScan().createBoundedReader()) {
      assertThat(reader.hasNext()).isFalse();
    }
  }

  @Test
  void maxRecordsReturnsExactlyNWhenMoreExistAndAllWhenFewerExist() {
    Table table = createTable("limit", "ARROW");
    append(table, 0, 500);
    try (BoundedReader reader = table.newScan().maxRecords(123).createBoundedReader()) {
      assertThat(ids(readAll(reader))).hasSize(123);
    }
    try (BoundedReader reader = table.newScan().maxRecords(10_000).createBoundedReader()) {
      assertThat(ids(readAll(reader))).hasSize(500);
    }
    try (BoundedReader reader = table.newScan().maxRecords(0).createBoundedReader()) {
      assertThat(reader.hasNext()).isFalse();
    }
    try (BoundedArrowReader reader = table.newScan().maxRecords(77).createBoundedArrowReader()) {
      int rows = 0;
      while (reader.hasNext()) {
        rows += reader.next().rowCount();
      }
      assertThat(rows).isEqualTo(77);
    }
    assertThatThrownBy(() -> table.newScan().maxRecords(-1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void limitedLogScannerEndsAfterNRecords() {
    Table table = createTable("limit_scanner", "ARROW");
    append(table, 0, 300);
    try (LogScanner scanner = table.newScan().maxRecords(250).createLogScanner()) {
      ALL_BUCKETS.forEach(scanner::subscribeFromBeginning);
      int read = 0;
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (!scanner.isEndReached() && System.nanoTime() < deadline) {
        read += scanner.poll(Duration.ofMillis(500)).count();
      }
      assertThat(read).isEqualTo(250);
      long start = System.nanoTime();
      assertThat(scanner.poll(Duration.ofSeconds(5)).isEmpty()).isTrue();
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .isLessThan(Duration.ofSeconds(2)); // ended: no wait
    }
    try (LogScanner scanner = table.newScan().maxRecords(100).createLogScanner()) {
      ALL_BUCKETS.forEach(scanner::subscribeFromBeginning);
      int read = 0;
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (!scanner.isEndReached() && System.nanoTime() < deadline) {
        try (ArrowScanBatches batches = scanner.pollBatches(Duration.ofMillis(500))) {
          read += batches.recordCount();
        }
      }
      assertThat(read).isEqualTo(100);
    }
    try (LogScanner scanner = table.newScan().createLogScanner()) {
      assertThat(scanner.isEndReached()).isFalse();
    }
  }

  /**
   * While a writer keeps appending, a bounded reader returns exactly each bucket's records up to an
   * end offset between the latest offsets listed just before it was created and just after: offsets
   * 0..end-1, each once.
   */
  @ParameterizedTest(name = "arrow={0}")
  @ValueSource(booleans = {false, true})
  void boundedReaderEndsAtTheOffsetsOfItsStartWhileAWriterAppends(boolean arrow) throws Exception {
    Table table = createTable("moving_" + arrow, "ARROW");
    append(table, 0, 2_000);
    Admin admin = connection.getAdmin();
    AtomicBoolean stop = new AtomicBoolean();
    CompletableFuture<Void> writing =
        CompletableFuture.runAsync(
            () -> {
              try (AppendWriter writer = table.newAppend().createWriter()) {
                for (int id = 1_000_000; !stop.get(); id++) {
                  writer.append(id, "late");
                  if (id % 200 == 0) {
                    writer.flush();
                  }
                }
              }
            });
    try {
      waitForGrowth(table, admin);
      Map<Integer, Long> before =
          admin.listOffsets(table.getTablePath(), ALL_BUCKETS, OffsetSpec.latest());
      Map<Integer, List<Long>> offsets = new TreeMap<>();
      if (arrow) {
        try (BoundedArrowReader reader = table.newScan().createBoundedArrowReader()) {
          Map<Integer, Long> after =
              admin.listOffsets(table.getTablePath(), ALL_BUCKETS, OffsetSpec.latest());
          while (reader.hasNext()) {
            ArrowScanBatch batch = reader.next();
            IntVector ids = (IntVector) batch.root().getVector("id");
            for (int row = 0; row < batch.rowCount(); row++) {
              assertThat(ids.isNull(row)).isFalse();
              offsets
                  .computeIfAbsent(batch.bucket(), b -> new ArrayList<>())
                  .add(batch.offsetOf(row));
            }
          }
          assertEnds(offsets, before, after);
        }
      } else {
        try (BoundedReader reader = table.newScan().createBoundedReader()) {
          Map<Integer, Long> after =
              admin.listOffsets(table.getTablePath(), ALL_BUCKETS, OffsetSpec.latest());
          readAll(reader)
              .forEach(
                  r -> offsets.computeIfAbsent(r.bucket(), b -> new ArrayList<>()).add(r.offset()));
          assertEnds(offsets, before, after);
        }
      }
      // The reader ended although the writer goes on appending past what it returned.
      long read = offsets.values().stream().mapToLong(List::size).sum();
      waitUntilMoreThan(table, admin, read);
    } finally {
      stop.set(true);
      writing.get();
    }
  }

  private static void waitForGrowth(Table table, Admin admin) throws InterruptedException {
    waitUntilMoreThan(table, admin, recordCount(table, admin));
  }

  private static void waitUntilMoreThan(Table table, Admin admin, long records)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      if (recordCount(table, admin) > records) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the writer appended nothing after " + records + " records");
  }

  private static long recordCount(Table table, Admin admin) {
    return admin
        .listOffsets(table.getTablePath(), ALL_BUCKETS, OffsetSpec.latest())
        .values()
        .stream()
        .mapToLong(Long::longValue)
        .sum();
  }

  private static void assertEnds(
      Map<Integer, List<Long>> offsets, Map<Integer, Long> before, Map<Integer, Long> after) {
    for (int bucket : ALL_BUCKETS) {
      List<Long> read = offsets.getOrDefault(bucket, List.of());
      for (int i = 0; i < read.size(); i++) {
        assertThat(read.get(i)).as("offset %d of bucket %d", i, bucket).isEqualTo(i);
      }
      assertThat((long) read.size())
          .as("end of bucket %d", bucket)
          .isBetween(before.get(bucket), after.get(bucket));
    }
  }

  @Test
  void boundedReaderReadsEveryPartitionExistingAtItsStart() {
    Admin admin = connection.getAdmin();
    TablePath path = TablePath.of(db, "by_day");
    Schema schema =
        Schema.newBuilder().column("id", DataTypes.INT()).column("day", DataTypes.DATE()).build();
    admin.createTable(
        path,
        TableDescriptor.builder().schema(schema).distributedBy(2).partitionedBy("day").build(),
        false);
    admin.createPartition(path, PartitionSpec.of("day", "2024-06-01"), false);
    admin.createPartition(path, PartitionSpec.of("day", "2024-06-02"), false);
    Table table = connection.getTable(path);
    try (AppendWriter writer = table.newAppend().createWriter()) {
      for (int id = 0; id < 100; id++) {
        writer.append(id, LocalDate.of(2024, 6, 1 + id % 2));
      }
    }
    try (BoundedReader reader = table.newScan().createBoundedReader()) {
      List<ScanRecord> records = readAll(reader);
      assertThat(ids(records)).hasSize(100);
      assertThat(records).allSatisfy(r -> assertThat(r.partitionId()).isNotNegative());
    }
    try (BoundedReader reader = table.newScan().maxRecords(30).createBoundedReader()) {
      assertThat(readAll(reader)).hasSize(30);
    }
  }
}
