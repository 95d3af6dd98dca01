package io.flussjava.kvsnapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.flussjava.client.Connection;
import io.flussjava.client.Table;
import io.flussjava.client.admin.Admin;
import io.flussjava.client.admin.DatabaseDescriptor;
import io.flussjava.client.admin.KvSnapshot;
import io.flussjava.client.admin.KvSnapshots;
import io.flussjava.client.admin.OffsetSpec;
import io.flussjava.client.admin.PartitionSpec;
import io.flussjava.client.admin.TableDescriptor;
import io.flussjava.client.admin.TablePath;
import io.flussjava.client.lookup.Lookuper;
import io.flussjava.client.scan.ScanRecord;
import io.flussjava.client.write.UpsertWriter;
import io.flussjava.log.ChangeType;
import io.flussjava.types.DataTypes;
import io.flussjava.types.Schema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * A primary-key table of the integration tests: {@code id INT, [dt STRING,] name STRING, amount
 * BIGINT, note STRING}, 2 buckets, in a kv format, optionally partitioned by {@code dt} (two
 * partitions; a key's partition follows from its id). Knows its rows' keys, writes them, and tells
 * the table's state as lookups of every key see it.
 */
final class StateTable implements AutoCloseable {
  static final String DB = "kv_snapshot";
  static final int BUCKETS = 2;
  static final List<String> PARTITIONS = List.of("2024-06-01", "2024-06-02");

  final Connection connection;
  final TablePath path;
  final boolean partitioned;
  final Table table;

  private StateTable(Connection connection, TablePath path, boolean partitioned) {
    this.connection = connection;
    this.path = path;
    this.partitioned = partitioned;
    this.table = connection.getTable(path);
  }

  static StateTable create(
      Connection connection, String name, String kvFormat, boolean partitioned) {
    Admin admin = connection.getAdmin();
    admin.createDatabase(DB, DatabaseDescriptor.EMPTY, true);
    Schema.Builder schema = Schema.newBuilder().column("id", DataTypes.INT().notNull());
    if (partitioned) {
      schema.column("dt", DataTypes.STRING().notNull());
    }
    schema
        .column("name", DataTypes.STRING())
        .column("amount", DataTypes.BIGINT())
        .column("note", DataTypes.STRING());
    if (partitioned) {
      schema.primaryKey("id", "dt");
    } else {
      schema.primaryKey("id");
    }
    TableDescriptor.Builder descriptor =
        TableDescriptor.builder()
            .schema(schema.build())
            .distributedBy(BUCKETS)
            .property("table.kv.format", kvFormat);
    if (partitioned) {
      descriptor.partitionedBy("dt");
    }
    TablePath path =
        TablePath.of(DB, name + "_" + kvFormat.toLowerCase() + (partitioned ? "_p" : ""));
    admin.createTable(path, descriptor.build(), false);
    if (partitioned) {
      for (String dt : PARTITIONS) {
        admin.createPartition(path, PartitionSpec.of("dt", dt), false);
      }
    }
    return new StateTable(connection, path, partitioned);
  }

  /**
   * Drops the table: the one tablet server snapshots every bucket of every table each second, so
   * tables left behind slow down the tests after them.
   */
  @Override
  public void close() {
    connection.getAdmin().dropTable(path, true);
  }

  /** The primary key of the row with this id. */
  List<Object> key(int id) {
    return partitioned ? List.of(id, PARTITIONS.get(id % 2)) : List.of(id);
  }

  /** A full row of the table. */
  Object[] row(int id, String name, long amount, String note) {
    return partitioned
        ? new Object[] {id, PARTITIONS.get(id % 2), name, amount, note}
        : new Object[] {id, name, amount, note};
  }

  /** A row with only the key and the note set, for a partial update of the note. */
  Object[] noteOnly(int id, String note) {
    return partitioned
        ? new Object[] {id, PARTITIONS.get(id % 2), null, null, note}
        : new Object[] {id, null, null, note};
  }

  UpsertWriter writer() {
    return table.newUpsert().createWriter();
  }

  UpsertWriter noteWriter() {
    return partitioned
        ? table.newUpsert().partialUpdate("id", "dt", "note").createWriter()
        : table.newUpsert().partialUpdate("id", "note").createWriter();
  }

  /** The key of a full row as scanned. */
  List<Object> keyOf(List<Object> row) {
    return partitioned ? List.of(row.get(0), row.get(1)) : List.of(row.get(0));
  }

  /** Every row of ids {@code 0..ids-1} that lookups find, by key. */
  Map<List<Object>, List<Object>> lookupAll(int ids) {
    List<List<Object>> keys = new ArrayList<>();
    for (int id = 0; id < ids; id++) {
      keys.add(key(id));
    }
    Map<List<Object>, List<Object>> rows = new HashMap<>();
    try (Lookuper lookuper = table.newLookup().createLookuper()) {
      List<List<Object>> found = lookuper.lookupAll(keys);
      for (int i = 0; i < keys.size(); i++) {
        if (found.get(i) != null) {
          rows.put(keys.get(i), found.get(i));
        }
      }
    }
    return rows;
  }

  /** Applies a state or changelog record of full rows to {@code state}. */
  void apply(Map<List<Object>, List<Object>> state, ScanRecord r) {
    List<Object> row = r.getRow();
    if (r.changeType() == ChangeType.DELETE || r.changeType() == ChangeType.UPDATE_BEFORE) {
      state.remove(keyOf(row));
    } else {
      state.put(keyOf(row), row);
    }
  }

  /** Partition names to read the table by: the partitions, or a single null when unpartitioned. */
  List<String> partitionNames() {
    return partitioned ? PARTITIONS : Arrays.asList((String) null);
  }

  /**
   * Waits until every bucket's latest snapshot covers the whole changelog, and returns the
   * snapshots' log offsets by bucket and partition name.
   */
  Map<String, Map<Integer, Long>> awaitSnapshotsOfEverything() {
    Admin admin = connection.getAdmin();
    List<Integer> buckets = List.of(0, 1);
    Map<String, Map<Integer, Long>> offsets = new HashMap<>();
    await(
        "snapshots of " + path + " covering its whole changelog",
        () -> {
          offsets.clear();
          for (String p : partitionNames()) {
            Map<Integer, Long> ends =
                p == null
                    ? admin.listOffsets(path, buckets, OffsetSpec.latest())
                    : admin.listOffsets(path, p, buckets, OffsetSpec.latest());
            KvSnapshots snapshots =
                p == null ? admin.getLatestKvSnapshots(path) : admin.getLatestKvSnapshots(path, p);
            for (int b : buckets) {
              long snapshotOffset = snapshots.latest(b).map(KvSnapshot::logOffset).orElse(0L);
              if (snapshotOffset != ends.get(b)) {
                return false;
              }
            }
            offsets.put(String.valueOf(p), ends);
          }
          return true;
        });
    return offsets;
  }

  /** Waits until at least one bucket of the table has a snapshot. */
  void awaitAnySnapshot() {
    Admin admin = connection.getAdmin();
    await(
        "a snapshot of " + path,
        () -> {
          String p = partitionNames().get(0);
          KvSnapshots s =
              p == null ? admin.getLatestKvSnapshots(path) : admin.getLatestKvSnapshots(path, p);
          return !s.snapshots().isEmpty();
        });
  }

  static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime() - deadline).as("timed out waiting for " + what).isNegative();
      try {
        Thread.sleep(200); // snapshots are taken on the server's timer: nothing to be notified by
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what, e);
      }
    }
  }
}
