package io.flussjava.interop;

import static io.flussjava.interop.InteropSupport.bootstrap;
import static org.assertj.core.api.Assertions.assertThat;

import io.flussjava.client.Connection;
import io.flussjava.client.Table;
import io.flussjava.client.admin.PartitionInfo;
import io.flussjava.client.admin.TableDescriptor;
import io.flussjava.client.admin.TablePath;
import io.flussjava.client.lookup.Lookuper;
import io.flussjava.client.scan.LogScanner;
import io.flussjava.client.scan.ScanRecord;
import io.flussjava.client.scan.ScanRecords;
import io.flussjava.client.write.AppendWriter;
import io.flussjava.client.write.UpsertWriter;
import io.flussjava.testkit.FlussClusterTest;
import io.flussjava.types.DataTypes;
import io.flussjava.types.Schema;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Partitioned tables shared with the official client: partitions the official writer creates (its
 * dynamic creation is on by default) are exactly the partitions fluss-java routes the same values
 * to, for partition columns of every supported kind; rows written by either client to a partitioned
 * primary-key table are found by the other's lookups.
 */
@FlussClusterTest
class PartitionInteropITCase {
  private static final List<String> PARTITION_KEYS =
      List.of("p_int", "p_date", "p_bool", "p_ts", "p_ltz", "p_time", "p_dbl", "p_bin", "p_str");

  private static Connection connection;
  private static String db;

  @BeforeAll
  static void setUp() {
    connection = InteropSupport.connect();
    db = InteropSupport.createUniqueDatabase(connection, "interop_part");
  }

  @AfterAll
  static void tearDown() {
    try {
      InteropSupport.dropDatabase(connection, db);
    } finally {
      if (connection != null) {
        connection.close();
      }
    }
  }

  /** Partition values number {@code v}, in {@link #PARTITION_KEYS} order. */
  private static List<Object> partitionValues(int v) {
    return Arrays.asList(
        -7 + v,
        LocalDate.of(2024, 6, 1).plusDays(v),
        v % 2 == 0,
        LocalDateTime.of(2024, 1, 2, 3, 4, 5, v == 0 ? 0 : 123_456_000 * v % 1_000_000_000),
        Instant.parse("2024-03-04T05:06:07.890Z").plusSeconds(v * 3600L),
        LocalTime.of(1, 2, 3, 4_000_000 * (v + 1)),
        v == 3 ? Double.NEGATIVE_INFINITY : 1.5 * v - 2,
        new byte[] {(byte) v, (byte) 0xAB},
        "EU-" + v);
  }

  private static List<Object> logRow(int id, int v) {
    List<Object> row = new ArrayList<>(List.of(id, "msg-" + id));
    row.addAll(partitionValues(v));
    return row;
  }

  @Test
  void officialWriterCreatesThePartitionsFlussJavaRoutesTheSameValuesTo() throws Exception {
    Schema.Builder schema =
        Schema.newBuilder()
            .column("id", DataTypes.INT())
            .column("msg", DataTypes.STRING())
            .column("p_int", DataTypes.INT())
            .column("p_date", DataTypes.DATE())
            .column("p_bool", DataTypes.BOOLEAN())
            .column("p_ts", DataTypes.TIMESTAMP(6))
            .column("p_ltz", DataTypes.TIMESTAMP_LTZ(3))
            .column("p_time", DataTypes.TIME())
            .column("p_dbl", DataTypes.DOUBLE())
            .column("p_bin", DataTypes.BYTES())
            .column("p_str", DataTypes.STRING());
    TablePath path = TablePath.of(db, "typed_partitions");
    connection
        .getAdmin()
        .createTable(
            path,
            TableDescriptor.builder()
                .schema(schema.build())
                .distributedBy(2, "id")
                .partitionedBy(PARTITION_KEYS)
                .build(),
            false);

    int values = 4;
    int perPartition = 5;
    List<List<Object>> official = new ArrayList<>();
    for (int i = 0; i < values * perPartition; i++) {
      official.add(logRow(i, i % values));
    }
    OfficialClient.append(bootstrap(), db, path.getTableName(), official);

    List<PartitionInfo> created = connection.getAdmin().listPartitionInfos(path);
    assertThat(created).hasSize(values);
    assertThat(created)
        .extracting(PartitionInfo::getPartitionName)
        .contains(
            "-7$2024-06-01$true$2024-01-02-03-04-05_$2024-03-04-05-06-07_89$01-02-03_004$-2_0$00ab$EU-0");

    // fluss-java routes the same values into those partitions: none is missing (dynamic creation is
    // off here).
    Table table = connection.getTable(path);
    try (AppendWriter writer = table.newAppend().createWriter()) {
      for (int i = 0; i < values * perPartition; i++) {
        writer.append(logRow(1000 + i, i % values));
      }
      writer.flush();
    }
    assertThat(connection.getAdmin().listPartitionInfos(path)).hasSize(values);

    List<String> tuplesSeen = new ArrayList<>();
    for (PartitionInfo p : created) {
      List<ScanRecord> records = scanPartition(table, p.getPartitionId(), 2 * perPartition);
      assertThat(records).hasSize(2 * perPartition);
      // Both clients' rows are in the partition, and all of them carry the same partition values.
      assertThat(records)
          .extracting(r -> (Integer) r.getValue(0))
          .anyMatch(id -> id < 1000)
          .anyMatch(id -> id >= 1000);
      List<String> tuples =
          records.stream()
              .map(r -> partitionTuple(r.getRow()))
              .distinct()
              .collect(Collectors.toList());
      assertThat(tuples).hasSize(1);
      tuplesSeen.add(tuples.get(0));
    }
    assertThat(tuplesSeen).doesNotHaveDuplicates();
  }

  /** A row's partition values as comparable text (byte arrays by content). */
  private static String partitionTuple(List<Object> row) {
    StringBuilder out = new StringBuilder();
    for (Object o : row.subList(2, row.size())) {
      out.append(o instanceof byte[] ? Arrays.toString((byte[]) o) : String.valueOf(o)).append('|');
    }
    return out.toString();
  }

  private static List<ScanRecord> scanPartition(Table table, long partitionId, int expected) {
    List<ScanRecord> out = new ArrayList<>();
    try (LogScanner scanner = table.newScan().createLogScanner()) {
      for (int b = 0; b < table.getTableInfo().getNumBuckets(); b++) {
        scanner.subscribeFromBeginning(partitionId, b);
      }
      long deadline = System.nanoTime() + InteropSupport.SCAN_TIMEOUT.toNanos();
      while (System.nanoTime() < deadline) {
        boolean reached = out.size() >= expected;
        ScanRecords records = scanner.poll(Duration.ofMillis(reached ? 300 : 200));
        records.forEach(out::add);
        if (reached && records.isEmpty()) {
          break;
        }
      }
    }
    return out;
  }

  @Test
  void partitionedPrimaryKeyRowsAreFoundByTheOtherClient() throws Exception {
    Schema schema =
        Schema.newBuilder()
            .column("id", DataTypes.BIGINT())
            .column("name", DataTypes.STRING())
            .column("dt", DataTypes.DATE())
            .primaryKey("id", "dt")
            .build();
    TablePath path = TablePath.of(db, "pk_by_day");
    connection
        .getAdmin()
        .createTable(
            path,
            TableDescriptor.builder().schema(schema).distributedBy(3).partitionedBy("dt").build(),
            false);
    List<LocalDate> days = List.of(LocalDate.of(2024, 2, 28), LocalDate.of(2024, 2, 29));

    List<List<Object>> officialRows = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      officialRows.add(Arrays.asList((long) i, "official-" + i, days.get(i % 2)));
    }
    OfficialClient.upsert(bootstrap(), db, path.getTableName(), officialRows);

    Table table = connection.getTable(path);
    try (Lookuper lookuper = table.newLookup().createLookuper()) {
      for (List<Object> row : officialRows) {
        assertThat(lookuper.lookup(row.get(0), row.get(2))).as("key %s", row).isEqualTo(row);
        assertThat(lookuper.lookup(row.get(0), ((LocalDate) row.get(2)).plusDays(5))).isNull();
      }
    }

    List<List<Object>> ours = new ArrayList<>();
    try (UpsertWriter writer = table.newUpsert().createWriter()) {
      for (int i = 0; i < 30; i++) {
        List<Object> row = Arrays.asList(100L + i, "fluss-java-" + i, days.get(i % 2));
        ours.add(row);
        writer.upsert(row);
      }
      writer.flush();
    }
    List<List<Object>> keys =
        ours.stream().map(r -> Arrays.asList(r.get(0), r.get(2))).collect(Collectors.toList());
    assertThat(OfficialClient.lookup(bootstrap(), db, path.getTableName(), keys)).isEqualTo(ours);
  }
}
