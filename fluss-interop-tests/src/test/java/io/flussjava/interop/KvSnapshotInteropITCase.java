package io.flussjava.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.flussjava.client.Connection;
import io.flussjava.client.admin.Admin;
import io.flussjava.client.admin.DatabaseDescriptor;
import io.flussjava.client.admin.KvSnapshot;
import io.flussjava.client.admin.KvSnapshots;
import io.flussjava.client.admin.OffsetSpec;
import io.flussjava.client.admin.TableDescriptor;
import io.flussjava.client.admin.TablePath;
import io.flussjava.config.Configuration;
import io.flussjava.kvsnapshot.KvSnapshotReadOptions;
import io.flussjava.kvsnapshot.KvSnapshotReader;
import io.flussjava.testkit.FlussCluster;
import io.flussjava.types.DataTypes;
import io.flussjava.types.Schema;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * KV snapshots of tables the official client wrote (upserts, updates, deletes, partial updates)
 * read with fluss-java's KvSnapshotReader exactly as the official client's lookups see them, in
 * both kv formats. Needs a cluster that snapshots every second, so it starts one of its own (the
 * shared one snapshots every 10 minutes) and stops it at the end.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class KvSnapshotInteropITCase {
  private static final String DB = "kv_snapshot_interop";
  private static final int IDS = 600;
  private static FlussCluster cluster;
  private static Connection connection;

  @TempDir Path tmp;

  @BeforeAll
  static void start() {
    cluster = FlussCluster.builder().tabletServers(1).fastLogTiering().build().start();
    Configuration conf = new Configuration();
    conf.setString("bootstrap.servers", cluster.bootstrapServers());
    connection = Connection.create(conf);
    connection.getAdmin().createDatabase(DB, DatabaseDescriptor.EMPTY, true);
  }

  @AfterAll
  static void stop() {
    try {
      if (connection != null) {
        connection.close();
      }
    } finally {
      if (cluster != null) {
        cluster.close();
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"COMPACTED", "INDEXED"})
  void snapshotsOfOfficiallyWrittenRowsReadAsOfficialLookupsSeeThem(String kvFormat)
      throws Exception {
    TablePath path = TablePath.of(DB, "t_" + kvFormat.toLowerCase());
    connection
        .getAdmin()
        .createTable(
            path,
            TableDescriptor.builder()
                .schema(
                    Schema.newBuilder()
                        .column("id", DataTypes.INT().notNull())
                        .column("name", DataTypes.STRING())
                        .column("amount", DataTypes.BIGINT())
                        .column("note", DataTypes.STRING())
                        .primaryKey("id")
                        .build())
                .distributedBy(2)
                .property("table.kv.format", kvFormat)
                .build(),
            false);
    String bootstrap = cluster.bootstrapServers();
    List<List<Object>> ops = new ArrayList<>();
    for (int id = 0; id < IDS; id++) {
      ops.add(OfficialClient.op("upsert", Arrays.asList(id, "n" + id, (long) id, "first")));
    }
    for (int id = 0; id < IDS; id += 2) {
      ops.add(OfficialClient.op("upsert", Arrays.asList(id, "u" + id, id * 10L, "second")));
    }
    for (int id = 0; id < IDS; id += 5) {
      ops.add(OfficialClient.op("delete", Arrays.asList(id, null, null, null)));
    }
    OfficialClient.write(bootstrap, DB, path.getTableName(), ops, null);
    List<List<Object>> notes = new ArrayList<>();
    for (int id = 0; id < IDS; id += 3) {
      notes.add(OfficialClient.op("upsert", Arrays.asList(id, null, null, "partial" + id)));
    }
    OfficialClient.write(bootstrap, DB, path.getTableName(), notes, List.of("id", "note"));
    awaitSnapshotsCoveringEverything(path);

    Map<Object, List<Object>> read = new HashMap<>();
    try (KvSnapshotReader reader =
        KvSnapshotReader.open(
            connection,
            connection.getTable(path),
            KvSnapshotReadOptions.defaults().withTempDirectory(tmp))) {
      reader.forEachRemaining(r -> read.put(r.getValue(0), r.getRow()));
    }
    List<List<Object>> keys = new ArrayList<>();
    for (int id = 0; id < IDS; id++) {
      keys.add(List.of(id));
    }
    List<List<Object>> found = OfficialClient.lookup(bootstrap, DB, path.getTableName(), keys);
    Map<Object, List<Object>> expected = new HashMap<>();
    for (List<Object> row : found) {
      if (row != null) {
        expected.put(row.get(0), row);
      }
    }
    assertThat(expected).hasSize(IDS - IDS / 5 + IDS / 15);
    assertThat(read).isEqualTo(expected);
  }

  private static void awaitSnapshotsCoveringEverything(TablePath path) throws InterruptedException {
    Admin admin = connection.getAdmin();
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (true) {
      Map<Integer, Long> ends = admin.listOffsets(path, List.of(0, 1), OffsetSpec.latest());
      KvSnapshots snapshots = admin.getLatestKvSnapshots(path);
      boolean covered = true;
      for (int b = 0; b < 2; b++) {
        long offset = snapshots.latest(b).map(KvSnapshot::logOffset).orElse(0L);
        covered &= offset == ends.get(b);
      }
      if (covered) {
        return;
      }
      assertThat(System.nanoTime() - deadline).as("snapshots covering " + path).isNegative();
      Thread.sleep(200); // the server snapshots on its own timer: nothing to be notified by
    }
  }
}
