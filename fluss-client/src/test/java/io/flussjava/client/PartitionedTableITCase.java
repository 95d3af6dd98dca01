package io.flussjava.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flussjava.client.admin.Admin;
import io.flussjava.client.admin.DatabaseDescriptor;
import io.flussjava.client.admin.OffsetSpec;
import io.flussjava.client.admin.PartitionInfo;
import io.flussjava.client.admin.PartitionSpec;
import io.flussjava.client.admin.TableDescriptor;
import io.flussjava.client.admin.TableInfo;
import io.flussjava.client.admin.TablePath;
import io.flussjava.client.lookup.Lookuper;
import io.flussjava.client.lookup.PrefixLookuper;
import io.flussjava.client.scan.LogScanner;
import io.flussjava.client.scan.ScanRecord;
import io.flussjava.client.scan.ScanRecords;
import io.flussjava.client.write.AppendWriter;
import io.flussjava.client.write.UpsertWriter;
import io.flussjava.config.Configuration;
import io.flussjava.exception.InvalidRowException;
import io.flussjava.exception.PartitionAlreadyExistsException;
import io.flussjava.exception.PartitionNotExistException;
import io.flussjava.exception.PartitionSpecInvalidException;
import io.flussjava.exception.TableNotPartitionedException;
import io.flussjava.log.ChangeType;
import io.flussjava.types.DataTypes;
import io.flussjava.types.Schema;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Partitioned tables end to end against a real cluster: partition admin, auto-partitioning, routing
 * writes to partitions (and creating them on demand), scanning and looking up per partition, and
 * the errors for bad input.
 */
class PartitionedTableITCase extends ClientTestBase {
  private static String db;
  private static Admin admin;

  @BeforeAll
  static void createDatabase() {
    db = uniqueName("part_db");
    admin = connection.getAdmin();
    admin.createDatabase(db, DatabaseDescriptor.EMPTY, false);
  }

  private static TablePath path(String name) {
    return TablePath.of(db, name);
  }

  /** A log table (id INT, msg STRING, dt STRING) partitioned by dt, bucketed by id. */
  private static TablePath createLogTable(String name) {
    Schema schema =
        Schema.newBuilder()
            .column("id", DataTypes.INT())
            .column("msg", DataTypes.STRING())
            .column("dt", DataTypes.STRING())
            .build();
    TablePath path = path(name);
    admin.createTable(
        path,
        TableDescriptor.builder().schema(schema).distributedBy(3, "id").partitionedBy("dt").build(),
        false);
    return path;
  }

  /** A PK table (id INT, name STRING, day DATE) with primary key (id, day), partitioned by day. */
  private static TablePath createPkTable(String name) {
    Schema schema =
        Schema.newBuilder()
            .column("id", DataTypes.INT())
            .column("name", DataTypes.STRING())
            .column("day", DataTypes.DATE())
            .primaryKey("id", "day")
            .build();
    TablePath path = path(name);
    admin.createTable(
        path,
        TableDescriptor.builder().schema(schema).distributedBy(2).partitionedBy("day").build(),
        false);
    return path;
  }

  private static Map<String, Long> partitionIds(TablePath path) {
    return admin.listPartitionInfos(path).stream()
        .collect(Collectors.toMap(PartitionInfo::getPartitionName, PartitionInfo::getPartitionId));
  }

  /**
   * Subscribes every bucket of one partition from the beginning and polls until {@code expected}
   * records came.
   */
  private static List<ScanRecord> scanPartition(Table table, long partitionId, int expected) {
    try (LogScanner scanner = table.newScan().createLogScanner()) {
      for (int b = 0; b < table.getTableInfo().getNumBuckets(); b++) {
        scanner.subscribeFromBeginning(partitionId, b);
      }
      List<ScanRecord> out = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (out.size() < expected && System.nanoTime() < deadline) {
        ScanRecords records = scanner.poll(Duration.ofMillis(500));
        for (TableBucket bucket : records.buckets()) {
          assertThat(bucket.partitionId()).isEqualTo(partitionId);
          for (ScanRecord r : records.records(bucket)) {
            assertThat(r.partitionId()).isEqualTo(partitionId);
            assertThat(r.bucket()).isEqualTo(bucket.bucket());
            out.add(r);
          }
        }
      }
      assertThat(scanner.poll(Duration.ofMillis(300)).count()).isZero();
      return out;
    }
  }

  @Test
  void adminCreatesListsAndDropsPartitions() {
    Schema schema =
        Schema.newBuilder()
            .column("id", DataTypes.BIGINT())
            .column("dt", DataTypes.STRING())
            .column("region", DataTypes.STRING())
            .build();
    TablePath path = path("two_keys");
    admin.createTable(
        path,
        TableDescriptor.builder()
            .schema(schema)
            .distributedBy(1)
            .partitionedBy("dt", "region")
            .build(),
        false);

    TableInfo info = admin.getTableInfo(path);
    assertThat(info.isPartitioned()).isTrue();
    assertThat(info.getPartitionKeys()).containsExactly("dt", "region");
    assertThat(connection.getTable(path).getTableInfo().getPartitionKeys())
        .containsExactly("dt", "region");
    assertThat(admin.listTables(db)).contains("two_keys");
    assertThat(admin.listPartitionInfos(path)).isEmpty();

    admin.createPartition(path, PartitionSpec.of("dt", "2024-06-01", "region", "EU"), false);
    admin.createPartition(
        path, PartitionSpec.of("region", "US", "dt", "2024-06-01"), false); // key order is free
    admin.createPartition(path, PartitionSpec.of("dt", "2024-06-02", "region", "EU"), false);
    admin.createPartition(
        path, PartitionSpec.of("dt", "2024-06-02", "region", "EU"), true); // ignoreIfExists
    assertThatThrownBy(
            () ->
                admin.createPartition(
                    path, PartitionSpec.of("dt", "2024-06-02", "region", "EU"), false))
        .isInstanceOf(PartitionAlreadyExistsException.class);

    List<PartitionInfo> all = admin.listPartitionInfos(path);
    assertThat(all)
        .extracting(PartitionInfo::getPartitionName)
        .containsExactly("2024-06-01$EU", "2024-06-01$US", "2024-06-02$EU");
    assertThat(all.get(0).getPartitionSpec())
        .isEqualTo(PartitionSpec.of("dt", "2024-06-01", "region", "EU"));
    assertThat(all.get(0).getPartitionSpec().getSpecMap().keySet()).containsExactly("dt", "region");
    assertThat(all).extracting(PartitionInfo::getPartitionId).doesNotHaveDuplicates();

    assertThat(admin.listPartitionInfos(path, PartitionSpec.of("region", "EU")))
        .extracting(PartitionInfo::getPartitionName)
        .containsExactlyInAnyOrder("2024-06-01$EU", "2024-06-02$EU");
    assertThat(admin.listPartitionInfos(path, PartitionSpec.of("dt", "2024-06-01")))
        .extracting(PartitionInfo::getPartitionName)
        .containsExactlyInAnyOrder("2024-06-01$EU", "2024-06-01$US");

    admin.dropPartition(path, PartitionSpec.of("dt", "2024-06-01", "region", "US"), false);
    admin.dropPartition(
        path, PartitionSpec.of("dt", "2024-06-01", "region", "US"), true); // ignoreIfNotExists
    assertThatThrownBy(
            () ->
                admin.dropPartition(
                    path, PartitionSpec.of("dt", "2024-06-01", "region", "US"), false))
        .isInstanceOf(PartitionNotExistException.class);
    assertThat(admin.listPartitionInfosAsync(path).join())
        .extracting(PartitionInfo::getPartitionName)
        .containsExactly("2024-06-01$EU", "2024-06-02$EU");
  }

  @Test
  void partitionedLogTableRoutesScansAndListsOffsetsPerPartition() {
    TablePath path = createLogTable("events");
    List<String> days = List.of("2024-01-01", "2024-01-02", "2024-01-03");
    for (String day : days) {
      admin.createPartition(path, PartitionSpec.of("dt", day), false);
    }
    Table table = connection.getTable(path);
    int perDay = 40;
    try (AppendWriter writer = table.newAppend().createWriter()) {
      for (int i = 0; i < perDay * days.size(); i++) {
        writer.append(i, "event-" + i, days.get(i % days.size()));
      }
      writer.flush();
    }

    Map<String, Long> ids = partitionIds(path);
    assertThat(ids.keySet()).containsExactlyInAnyOrderElementsOf(days);
    for (String day : days) {
      List<ScanRecord> records = scanPartition(table, ids.get(day), perDay);
      assertThat(records).hasSize(perDay);
      assertThat(records)
          .allMatch(r -> r.getValue(2).equals(day) && r.changeType() == ChangeType.APPEND_ONLY);
      assertThat(records)
          .extracting(r -> (Integer) r.getValue(0))
          .allMatch(id -> days.get(id % days.size()).equals(day));
    }

    // Offsets per partition: 40 rows over 3 buckets.
    Map<Integer, Long> ends =
        admin.listOffsets(path, "2024-01-02", List.of(0, 1, 2), OffsetSpec.latest());
    assertThat(ends.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(perDay);
    assertThatThrownBy(() -> admin.listOffsets(path, "1999-01-01", List.of(0), OffsetSpec.latest()))
        .isInstanceOf(PartitionNotExistException.class);

    // From a timestamp, per partition: only what was appended after it.
    long since = System.currentTimeMillis() + 1;
    sleepPast(since);
    try (AppendWriter writer = table.newAppend().createWriter()) {
      for (int i = 0; i < 10; i++) {
        writer.append(1000 + i, "late-" + i, "2024-01-02");
      }
      writer.flush();
    }
    try (LogScanner scanner = table.newScan().createLogScanner()) {
      for (int b = 0; b < table.getTableInfo().getNumBuckets(); b++) {
        scanner.subscribeFromTimestamp(ids.get("2024-01-02"), b, since);
      }
      List<ScanRecord> late = LogTableITCase.pollUntil(scanner, 10);
      assertThat(late)
          .extracting(r -> (Integer) r.getValue(0))
          .containsExactlyInAnyOrder(1000, 1001, 1002, 1003, 1004, 1005, 1006, 1007, 1008, 1009);
    }
  }

  private static void sleepPast(long epochMillis) {
    while (System.currentTimeMillis() <= epochMillis) {
      Thread.onSpinWait();
    }
  }

  @Test
  void partitionedPrimaryKeyTableUpsertsLooksUpAndScansPerPartition() {
    TablePath path = createPkTable("users_by_day");
    LocalDate d1 = LocalDate.of(2024, 6, 1);
    LocalDate d2 = LocalDate.of(2024, 6, 2);
    admin.createPartition(path, PartitionSpec.of("day", "2024-06-01"), false);
    admin.createPartition(path, PartitionSpec.of("day", "2024-06-02"), false);
    Table table = connection.getTable(path);

    try (UpsertWriter writer = table.newUpsert().createWriter()) {
      for (int i = 0; i < 20; i++) {
        writer.upsert(i, "a" + i, d1);
        writer.upsert(i, "b" + i, d2); // same id, other partition: another row
      }
      writer.upsert(3, "a3-updated", d1);
      writer.delete(4, null, d2);
      writer.flush();
    }

    try (Lookuper lookuper = table.newLookup().createLookuper()) {
      assertThat(lookuper.lookup(1, d1)).containsExactly(1, "a1", d1);
      assertThat(lookuper.lookup(1, d2)).containsExactly(1, "b1", d2);
      assertThat(lookuper.lookup(3, d1)).containsExactly(3, "a3-updated", d1);
      assertThat(lookuper.lookup(3, d2)).containsExactly(3, "b3", d2);
      assertThat(lookuper.lookup(4, d1)).containsExactly(4, "a4", d1);
      assertThat(lookuper.lookup(4, d2)).isNull();
      assertThat(lookuper.lookup(99, d1)).isNull();
      // A partition that does not exist holds no rows: null, not an error.
      assertThat(lookuper.lookup(1, LocalDate.of(1999, 1, 1))).isNull();
      List<List<Object>> many =
          lookuper.lookupAll(
              List.of(List.of(5, d1), List.of(5, d2), List.of(5, LocalDate.of(2000, 1, 1))));
      assertThat(many.get(0)).containsExactly(5, "a5", d1);
      assertThat(many.get(1)).containsExactly(5, "b5", d2);
      assertThat(many.get(2)).isNull();
    }

    // DATE partition values become yyyy-MM-dd partition names.
    Map<String, Long> ids = partitionIds(path);
    assertThat(ids.keySet()).containsExactlyInAnyOrder("2024-06-01", "2024-06-02");
    List<ScanRecord> changelog = scanPartition(table, ids.get("2024-06-02"), 21);
    assertThat(changelog).filteredOn(r -> r.changeType() == ChangeType.INSERT).hasSize(20);
    assertThat(changelog)
        .filteredOn(r -> r.changeType() == ChangeType.DELETE)
        .singleElement()
        .satisfies(r -> assertThat(r.getRow()).containsExactly(4, "b4", d2));
  }

  @Test
  void prefixLookupOnPartitionedTableNamesBucketKeyAndPartitionKeys() {
    Schema schema =
        Schema.newBuilder()
            .column("user_id", DataTypes.BIGINT())
            .column("item", DataTypes.STRING())
            .column("dt", DataTypes.STRING())
            .column("qty", DataTypes.INT())
            .primaryKey("user_id", "item", "dt")
            .build();
    TablePath path = path("carts");
    admin.createTable(
        path,
        TableDescriptor.builder()
            .schema(schema)
            .distributedBy(3, "user_id")
            .partitionedBy("dt")
            .build(),
        false);
    admin.createPartition(path, PartitionSpec.of("dt", "d1"), false);
    admin.createPartition(path, PartitionSpec.of("dt", "d2"), false);
    Table table = connection.getTable(path);
    try (UpsertWriter writer = table.newUpsert().createWriter()) {
      writer.upsert(1L, "apple", "d1", 1);
      writer.upsert(1L, "pear", "d1", 2);
      writer.upsert(1L, "plum", "d2", 3);
      writer.upsert(2L, "apple", "d1", 4);
      writer.flush();
    }
    assertThatThrownBy(() -> table.newLookup().lookupBy("user_id"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("partition keys [dt]");
    PrefixLookuper carts = table.newLookup().lookupBy("user_id", "dt").createLookuper();
    assertThat(carts.lookup(1L, "d1"))
        .extracting(r -> r.get(1))
        .containsExactlyInAnyOrder("apple", "pear");
    assertThat(carts.lookup(1L, "d2")).extracting(r -> r.get(1)).containsExactly("plum");
    assertThat(carts.lookup(2L, "d2")).isEmpty();
    assertThat(carts.lookup(1L, "no_such_day")).isEmpty();
    try (Lookuper lookuper = table.newLookup().createLookuper()) {
      assertThat(lookuper.lookup(1L, "pear", "d1")).containsExactly(1L, "pear", "d1", 2);
    }
  }

  @Test
  void autoPartitionedTablePrecreatesPartitions() throws Exception {
    Schema schema =
        Schema.newBuilder().column("id", DataTypes.INT()).column("dt", DataTypes.STRING()).build();
    TablePath path = path("auto_daily");
    admin.createTable(
        path,
        TableDescriptor.builder()
            .schema(schema)
            .distributedBy(1)
            .partitionedBy("dt")
            .property("table.auto-partition.enabled", "true")
            .property("table.auto-partition.time-unit", "DAY")
            .property("table.auto-partition.num-precreate", "3")
            .property("table.auto-partition.num-retention", "2")
            .build(),
        false);
    assertThat(admin.getTableInfo(path).getProperties())
        .containsEntry("table.auto-partition.enabled", "true")
        .containsEntry("table.auto-partition.time-unit", "DAY");

    List<PartitionInfo> partitions = List.of();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (partitions.size() < 3 && System.nanoTime() < deadline) {
      partitions = admin.listPartitionInfos(path);
      if (partitions.size() < 3) {
        Thread.sleep(200);
      }
    }
    assertThat(partitions).hasSize(3);
    assertThat(partitions)
        .extracting(PartitionInfo::getPartitionName)
        .allMatch(n -> n.matches("\\d{8}"));

    // Rows of a precreated day go in without any partition admin by the client.
    String first = partitions.get(0).getPartitionName();
    Table table = connection.getTable(path);
    try (AppendWriter writer = table.newAppend().createWriter()) {
      writer.append(1, first);
      writer.flush();
    }
    assertThat(scanPartition(table, partitions.get(0).getPartitionId(), 1).get(0).getRow())
        .containsExactly(1, first);
    String today = LocalDate.now().format(DateTimeFormatter.BASIC_ISO_DATE);
    String tomorrow = LocalDate.now().plusDays(1).format(DateTimeFormatter.BASIC_ISO_DATE);
    // The server's clock decides "today"; allow for the test running around midnight.
    assertThat(partitions)
        .extracting(PartitionInfo::getPartitionName)
        .containsAnyOf(today, tomorrow);
  }

  @Test
  void writingToAMissingPartitionFailsUnlessDynamicCreationIsOn() {
    TablePath path = createLogTable("dynamic");
    Table table = connection.getTable(path);
    try (AppendWriter writer = table.newAppend().createWriter()) {
      assertThatThrownBy(() -> writer.append(1, "x", "2030-01-01"))
          .isInstanceOf(PartitionNotExistException.class)
          .hasMessageContaining("2030-01-01")
          .hasMessageContaining("admin.createPartition")
          .hasMessageContaining("client.writer.dynamic-create-partition.enabled");
    }
    assertThat(admin.listPartitionInfos(path)).isEmpty();

    Configuration conf = clientConf();
    conf.setString("client.writer.dynamic-create-partition.enabled", "true");
    try (Connection dynamic = Connection.create(conf)) {
      Table t = dynamic.getTable(path);
      try (AppendWriter writer = t.newAppend().createWriter()) {
        for (int i = 0; i < 30; i++) {
          writer.append(i, "m" + i, i % 2 == 0 ? "2030-01-01" : "2030-01-02");
        }
        writer.flush();
      }
      Map<String, Long> ids = partitionIds(path);
      assertThat(ids.keySet()).containsExactlyInAnyOrder("2030-01-01", "2030-01-02");
      assertThat(scanPartition(t, ids.get("2030-01-01"), 15)).hasSize(15);
      assertThat(scanPartition(t, ids.get("2030-01-02"), 15)).hasSize(15);
    }
  }

  @Test
  void writesAndLookupsOfADroppedPartition() {
    TablePath path = createPkTable("dropped");
    LocalDate day = LocalDate.of(2024, 7, 1);
    admin.createPartition(path, PartitionSpec.of("day", "2024-07-01"), false);
    Table table = connection.getTable(path);
    try (UpsertWriter writer = table.newUpsert().createWriter();
        Lookuper lookuper = table.newLookup().createLookuper()) {
      writer.upsert(1, "one", day);
      writer.flush();
      assertThat(lookuper.lookup(1, day)).containsExactly(1, "one", day);

      admin.dropPartition(path, PartitionSpec.of("day", "2024-07-01"), false);

      assertThatThrownBy(() -> writer.upsert(2, "two", day))
          .isInstanceOf(PartitionNotExistException.class)
          .hasMessageContaining("2024-07-01");
      assertThat(lookuper.lookup(1, day)).isNull();
    }
  }

  @Test
  void badPartitionSpecsAndValuesFailWithTypedErrors() {
    TablePath path = createLogTable("bad_input");
    Table table = connection.getTable(path);

    // A key that is not a partition key of the table.
    assertThatThrownBy(
            () -> admin.createPartition(path, PartitionSpec.of("day", "2024-01-01"), false))
        .isInstanceOf(PartitionSpecInvalidException.class)
        .hasMessageContaining("'day'")
        .hasMessageContaining("[dt]");
    assertThatThrownBy(() -> admin.listPartitionInfos(path, PartitionSpec.of("id", "1")))
        .isInstanceOf(PartitionSpecInvalidException.class)
        .hasMessageContaining("'id'");
    assertThatThrownBy(() -> admin.dropPartition(path, PartitionSpec.of("nope", "x"), false))
        .isInstanceOf(PartitionSpecInvalidException.class);

    // Values that cannot be partition names.
    assertThatThrownBy(() -> PartitionSpec.of("dt", "2024/01/01"))
        .isInstanceOf(PartitionSpecInvalidException.class)
        .hasMessageContaining("'/'");
    assertThatThrownBy(() -> PartitionSpec.of("dt", ""))
        .isInstanceOf(PartitionSpecInvalidException.class);
    assertThatThrownBy(() -> PartitionSpec.of("dt"))
        .isInstanceOf(PartitionSpecInvalidException.class);
    try (AppendWriter writer = table.newAppend().createWriter()) {
      assertThatThrownBy(() -> writer.append(1, "x", "a b"))
          .isInstanceOf(InvalidRowException.class)
          .hasMessageContaining("'dt'")
          .hasMessageContaining("' '");
      assertThatThrownBy(() -> writer.append(1, "x", null))
          .isInstanceOf(InvalidRowException.class)
          .hasMessageContaining("dt");
    }

    // Partition operations on an unpartitioned table, and unpartitioned ones on a partitioned
    // table.
    TablePath plain = path("plain");
    admin.createTable(
        plain,
        TableDescriptor.builder()
            .schema(Schema.newBuilder().column("id", DataTypes.INT()).build())
            .distributedBy(1)
            .build(),
        false);
    assertThatThrownBy(() -> admin.listPartitionInfos(plain))
        .isInstanceOf(TableNotPartitionedException.class);
    assertThatThrownBy(() -> admin.createPartition(plain, PartitionSpec.of("id", "1"), false))
        .isInstanceOf(TableNotPartitionedException.class);
    try (LogScanner scanner = table.newScan().createLogScanner()) {
      assertThatThrownBy(() -> scanner.subscribeFromBeginning(0))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("partitioned");
      assertThatThrownBy(() -> scanner.subscribe(987654L, 0, 0L))
          .isInstanceOf(PartitionNotExistException.class);
    }
    try (LogScanner scanner = connection.getTable(plain).newScan().createLogScanner()) {
      assertThatThrownBy(() -> scanner.subscribe(0L, 0, 0L))
          .isInstanceOf(TableNotPartitionedException.class);
    }
  }

  @Test
  void partitionValuesOfEveryKindOfColumnNameTheirPartitionLikeTheOfficialClient() {
    Schema schema =
        Schema.newBuilder()
            .column("id", DataTypes.INT())
            .column("n", DataTypes.BIGINT())
            .column("flag", DataTypes.BOOLEAN())
            .column("ts", DataTypes.TIMESTAMP(3))
            .build();
    TablePath path = path("typed_keys");
    admin.createTable(
        path,
        TableDescriptor.builder()
            .schema(schema)
            .distributedBy(1)
            .partitionedBy("n", "flag", "ts")
            .build(),
        false);
    Configuration conf = clientConf();
    conf.setString("client.writer.dynamic-create-partition.enabled", "true");
    try (Connection dynamic = Connection.create(conf)) {
      try (AppendWriter writer = dynamic.getTable(path).newAppend().createWriter()) {
        writer.append(1, -7L, true, java.time.LocalDateTime.of(2024, 1, 2, 3, 4, 5, 120_000_000));
        writer.append(2, 8L, false, java.time.LocalDateTime.of(2024, 1, 2, 3, 4, 5));
        writer.flush();
      }
    }
    Map<String, Long> ids = new HashMap<>(partitionIds(path));
    assertThat(ids.keySet())
        .containsExactlyInAnyOrder(
            "-7$true$2024-01-02-03-04-05_12", "8$false$2024-01-02-03-04-05_");
  }
}
