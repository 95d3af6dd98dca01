package io.flussjava.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.flussjava.client.admin.DatabaseDescriptor;
import io.flussjava.client.admin.TableDescriptor;
import io.flussjava.client.admin.TablePath;
import io.flussjava.client.lookup.Lookuper;
import io.flussjava.client.scan.LogScanner;
import io.flussjava.client.scan.ScanRecord;
import io.flussjava.client.write.AppendWriter;
import io.flussjava.client.write.UpsertWriter;
import io.flussjava.types.DataTypes;
import io.flussjava.types.Schema;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A temporal value reads back the same from lookups and scans: cut to its column's precision on the
 * way in.
 */
class TemporalPrecisionITCase extends ClientTestBase {
  private static final LocalDateTime NANOS = LocalDateTime.of(2024, 6, 1, 12, 30, 15, 123_456_789);
  private static final Instant LTZ_NANOS = Instant.ofEpochSecond(1_700_000_000L, 987_654_321);
  private static final LocalTime TIME_MILLIS = LocalTime.of(8, 15, 30, 250_000_000);

  private static Schema schema(boolean withKey) {
    Schema.Builder b =
        Schema.newBuilder()
            .column("id", DataTypes.INT())
            .column("ts", DataTypes.TIMESTAMP(6))
            .column("ltz", DataTypes.TIMESTAMP_LTZ(3))
            .column("t", DataTypes.TIME(0));
    return withKey ? b.primaryKey("id").build() : b.build();
  }

  private static final List<Object> EXPECTED =
      List.of(
          1,
          LocalDateTime.of(2024, 6, 1, 12, 30, 15, 123_456_000),
          Instant.ofEpochSecond(1_700_000_000L, 987_000_000),
          LocalTime.of(8, 15, 30));

  @ParameterizedTest
  @ValueSource(strings = {"COMPACTED", "INDEXED"})
  void lookupsAndTheChangelogAgree(String kvFormat) {
    String db = uniqueName("precision_db");
    connection.getAdmin().createDatabase(db, DatabaseDescriptor.EMPTY, false);
    TablePath path = TablePath.of(db, "pk");
    connection
        .getAdmin()
        .createTable(
            path,
            TableDescriptor.builder()
                .schema(schema(true))
                .distributedBy(1)
                .kvFormat(io.flussjava.client.admin.KvFormat.valueOf(kvFormat))
                .build(),
            false);
    Table table = connection.getTable(path);
    try (UpsertWriter writer = table.newUpsert().createWriter()) {
      writer.upsert(1, NANOS, LTZ_NANOS, TIME_MILLIS);
    }
    try (Lookuper lookuper = table.newLookup().createLookuper()) {
      assertThat(lookuper.lookup(1)).isEqualTo(EXPECTED);
    }
    try (LogScanner scanner = table.newScan().createLogScanner()) {
      List<ScanRecord> records = LogTableITCase.scanAll(scanner, 1, 1);
      assertThat(records.get(0).getRow()).isEqualTo(EXPECTED);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"ARROW", "COMPACTED", "INDEXED"})
  void logScansKeepThePrecisionInEveryFormat(String logFormat) {
    String db = uniqueName("precision_db");
    connection.getAdmin().createDatabase(db, DatabaseDescriptor.EMPTY, false);
    TablePath path = TablePath.of(db, "log");
    connection
        .getAdmin()
        .createTable(
            path,
            TableDescriptor.builder()
                .schema(schema(false))
                .distributedBy(1)
                .property("table.log.format", logFormat)
                .build(),
            false);
    Table table = connection.getTable(path);
    try (AppendWriter writer = table.newAppend().createWriter()) {
      writer.append(1, NANOS, LTZ_NANOS, TIME_MILLIS);
    }
    try (LogScanner scanner = table.newScan().createLogScanner()) {
      assertThat(LogTableITCase.scanAll(scanner, 1, 1).get(0).getRow()).isEqualTo(EXPECTED);
    }
  }

  @org.junit.jupiter.api.Test
  void aTemporalKeyGivenWithMoreDigitsFindsItsRow() {
    String db = uniqueName("precision_db");
    connection.getAdmin().createDatabase(db, DatabaseDescriptor.EMPTY, false);
    TablePath path = TablePath.of(db, "ts_key");
    Schema schema =
        Schema.newBuilder()
            .column("ts", DataTypes.TIMESTAMP(3))
            .column("v", DataTypes.STRING())
            .primaryKey("ts")
            .build();
    connection
        .getAdmin()
        .createTable(
            path, TableDescriptor.builder().schema(schema).distributedBy(3).build(), false);
    Table table = connection.getTable(path);
    try (UpsertWriter writer = table.newUpsert().createWriter()) {
      writer.upsert(NANOS, "v");
    }
    LocalDateTime millis = LocalDateTime.of(2024, 6, 1, 12, 30, 15, 123_000_000);
    try (Lookuper lookuper = table.newLookup().createLookuper()) {
      assertThat(lookuper.lookup(NANOS)).isEqualTo(List.of(millis, "v"));
      assertThat(lookuper.lookup(millis)).isEqualTo(List.of(millis, "v"));
    }
  }
}
