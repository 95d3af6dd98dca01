package io.flussjava.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.flussjava.client.admin.DatabaseDescriptor;
import io.flussjava.client.admin.TableDescriptor;
import io.flussjava.client.admin.TablePath;
import io.flussjava.client.scan.BoundedArrowReader;
import io.flussjava.client.scan.BoundedReader;
import io.flussjava.client.scan.LogScanner;
import io.flussjava.client.scan.ScanRecord;
import io.flussjava.client.write.AppendWriter;
import io.flussjava.client.write.UpsertWriter;
import io.flussjava.log.ChangeType;
import io.flussjava.testkit.FlussCluster;
import io.flussjava.types.DataTypes;
import io.flussjava.types.Schema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reading a log whose beginning the tablet server holds only in tiered (remote) segments: every row
 * exactly once and in order, across the switch from remote segments to local fetches, in every log
 * format, projected, and bounded readers end.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES) // a scan that loops fails instead of hanging
class TieredLogScanITCase {
  private static final int ROWS = 60_000;
  private static final List<String> FORMATS = List.of("ARROW", "INDEXED", "COMPACTED");
  private static final String DB = "tiered_scan";
  private static final TablePath CHANGELOG = TablePath.of(DB, "changelog");
  private static final int KEYS = 10_000;
  private static Connection connection;

  @BeforeAll
  static void writeAndTier() {
    connection = Connection.create(TieredCluster.clientConf());
    connection.getAdmin().createDatabase(DB, DatabaseDescriptor.EMPTY, true);
    for (String format : FORMATS) {
      Table table = createTable(format);
      try (AppendWriter writer = table.newAppend().createWriter()) {
        for (int id = 0; id < ROWS; id++) {
          writer.append(id, name(id), amount(id));
        }
      }
    }
    writeChangelog();
    for (String format : FORMATS) {
      TieredCluster.awaitTiered(path(format), 10);
    }
    TieredCluster.awaitTiered(CHANGELOG, 3);
  }

  // A primary-key table whose changelog is tiered: keys inserted, then each updated once.
  private static void writeChangelog() {
    connection
        .getAdmin()
        .createTable(
            CHANGELOG,
            TableDescriptor.builder()
                .schema(
                    Schema.newBuilder()
                        .column("id", DataTypes.INT().notNull())
                        .column("name", DataTypes.STRING())
                        .primaryKey("id")
                        .build())
                .distributedBy(1)
                .properties(FlussCluster.FAST_TIERING_TABLE_PROPERTIES)
                .build(),
            false);
    try (UpsertWriter writer = connection.getTable(CHANGELOG).newUpsert().createWriter()) {
      for (int round = 0; round < 2; round++) {
        for (int id = 0; id < KEYS; id++) {
          writer.upsert(id, name(id + round));
        }
      }
    }
  }

  @AfterAll
  static void disconnect() {
    if (connection != null) {
      connection.close();
    }
  }

  private static Table createTable(String format) {
    Schema schema =
        Schema.newBuilder()
            .column("id", DataTypes.INT().notNull())
            .column("name", DataTypes.STRING())
            .column("amount", DataTypes.BIGINT())
            .build();
    connection
        .getAdmin()
        .createTable(
            path(format),
            TableDescriptor.builder()
                .schema(schema)
                .distributedBy(1)
                .property("table.log.format", format)
                .properties(FlussCluster.FAST_TIERING_TABLE_PROPERTIES)
                .build(),
            false);
    return connection.getTable(path(format));
  }

  static TablePath path(String format) {
    return TablePath.of(DB, "events_" + format.toLowerCase());
  }

  // Hex of a scrambled id: values that do not compress away, so that segments fill with rows.
  static String name(int id) {
    long h = id * 0x9E3779B97F4A7C15L;
    return Long.toHexString(h) + Long.toHexString(Long.rotateLeft(h, 17));
  }

  static long amount(int id) {
    return id * 7L - 3;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"ARROW", "INDEXED", "COMPACTED"})
  void scanFromTheBeginningReadsEveryRowOnceInOrderProjected(String format) {
    Table table = connection.getTable(path(format));
    List<ScanRecord> records = new ArrayList<>(ROWS);
    try (LogScanner scanner = table.newScan().project("amount", "id").createLogScanner()) {
      scanner.subscribeFromBeginning(0);
      long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
      while (records.size() < ROWS && System.nanoTime() < deadline) {
        scanner.poll(Duration.ofSeconds(1)).forEach(records::add);
      }
      assertThat(scanner.poll(Duration.ofMillis(200)).isEmpty())
          .as("nothing past the end")
          .isTrue();
    }
    assertThat(records).hasSize(ROWS);
    for (int i = 0; i < ROWS; i++) {
      ScanRecord r = records.get(i);
      assertThat(r.offset()).as("offset of record " + i).isEqualTo(i);
      assertThat(r.changeType()).isEqualTo(ChangeType.APPEND_ONLY);
      assertThat(r.getRow()).as("record " + i).containsExactly(amount(i), i);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"ARROW", "INDEXED", "COMPACTED"})
  void boundedReaderReadsEverythingThenEnds(String format) {
    Table table = connection.getTable(path(format));
    int next = 0;
    try (BoundedReader reader = table.newScan().project("name").createBoundedReader()) {
      while (reader.hasNext()) {
        ScanRecord r = reader.next();
        assertThat(r.offset()).isEqualTo(next);
        assertThat(r.getRow()).containsExactly(name(next));
        next++;
      }
    }
    assertThat(next).isEqualTo(ROWS);
  }

  @Test
  void aTieredChangelogKeepsItsChangeTypes() {
    List<ScanRecord> records = new ArrayList<>();
    try (BoundedReader reader = connection.getTable(CHANGELOG).newScan().createBoundedReader()) {
      reader.forEachRemaining(records::add);
    }
    assertThat(records).hasSize(3 * KEYS);
    for (int id = 0; id < KEYS; id++) {
      ScanRecord insert = records.get(id);
      assertThat(insert.offset()).isEqualTo(id);
      assertThat(insert.changeType()).isEqualTo(ChangeType.INSERT);
      assertThat(insert.getRow()).containsExactly(id, name(id));
      ScanRecord before = records.get(KEYS + 2 * id);
      ScanRecord after = records.get(KEYS + 2 * id + 1);
      assertThat(before.changeType()).isEqualTo(ChangeType.UPDATE_BEFORE);
      assertThat(before.getRow()).containsExactly(id, name(id));
      assertThat(after.changeType()).isEqualTo(ChangeType.UPDATE_AFTER);
      assertThat(after.getRow()).containsExactly(id, name(id + 1));
    }
  }

  @Test
  void boundedArrowReaderReadsEveryRow() {
    Table table = connection.getTable(path("ARROW"));
    long rows = 0;
    try (BoundedArrowReader reader = table.newScan().project("id").createBoundedArrowReader()) {
      while (reader.hasNext()) {
        rows += reader.next().rowCount();
      }
    }
    assertThat(rows).isEqualTo(ROWS);
  }
}
