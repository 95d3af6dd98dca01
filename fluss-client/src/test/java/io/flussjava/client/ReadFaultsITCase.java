package io.flussjava.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.flussjava.client.admin.DatabaseDescriptor;
import io.flussjava.client.admin.TableDescriptor;
import io.flussjava.client.admin.TablePath;
import io.flussjava.client.lookup.Lookuper;
import io.flussjava.client.scan.LogScanner;
import io.flussjava.client.scan.ScanRecord;
import io.flussjava.client.write.UpsertWriter;
import io.flussjava.config.Configuration;
import io.flussjava.exception.FlussException;
import io.flussjava.testkit.FaultProxy;
import io.flussjava.testkit.FlussCluster;
import io.flussjava.types.DataTypes;
import io.flussjava.types.Schema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Reads through fault proxies: a scanner and a lookuper over slow, narrow links whose connections
 * are reset in the middle of fetches and lookups. The scanner must hand out every changelog record
 * exactly once, in offset order per bucket; every lookup answer must be right, a failed lookup must
 * fail with a typed error (never hang), and once the faults stop every lookup must succeed.
 */
@ExtendWith(FaultCluster.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ReadFaultsITCase {
  private static final String DB = "read_faults";
  private static final int BUCKETS = 3;
  private static final int ROWS = 3_000;
  private static Connection connection;
  private static Table table;

  @BeforeAll
  static void createAndFill() {
    Configuration conf = FaultCluster.clientConf();
    connection = Connection.create(conf);
    connection.getAdmin().createDatabase(DB, DatabaseDescriptor.EMPTY, true);
    TablePath path = TablePath.of(DB, "state");
    connection
        .getAdmin()
        .createTable(
            path,
            TableDescriptor.builder()
                .schema(
                    Schema.newBuilder()
                        .column("id", DataTypes.BIGINT())
                        .column("v", DataTypes.STRING())
                        .primaryKey("id")
                        .build())
                .distributedBy(BUCKETS, "id")
                .build(),
            false);
    table = connection.getTable(path);
    try (UpsertWriter writer = table.newUpsert().createWriter()) {
      for (long id = 0; id < ROWS; id++) {
        writer.upsert(id, "v" + id);
      }
    }
  }

  @AfterAll
  static void close() {
    if (connection != null) {
      connection.close();
    }
  }

  @AfterEach
  void clearFaults() {
    FaultCluster.clearFaults();
  }

  private static void onEveryTabletServer(Consumer<FaultProxy> fault) {
    FlussCluster cluster = FaultCluster.cluster();
    for (int id = 0; id < cluster.tabletServerCount(); id++) {
      fault.accept(cluster.tabletServerProxy(id));
    }
  }

  @Test
  void aScannerReadsEveryRecordOnceOverSlowLinksResetMidFetch() {
    onEveryTabletServer(p -> p.latency(Duration.ofMillis(20)).bandwidth(256 * 1024));
    Map<Integer, Long> nextOffset = new HashMap<>();
    Set<Long> ids = new HashSet<>();
    int resets = 0;
    try (LogScanner scanner = table.newScan().createLogScanner()) {
      for (int b = 0; b < BUCKETS; b++) {
        scanner.subscribeFromBeginning(b);
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (ids.size() < ROWS) {
        assertThat(System.nanoTime())
            .as("read %s of %s rows", ids.size(), ROWS)
            .isLessThan(deadline);
        for (ScanRecord r : scanner.poll(Duration.ofMillis(200))) {
          long expected = nextOffset.getOrDefault(r.bucket(), 0L);
          assertThat(r.offset()).as("offset order of bucket %s", r.bucket()).isEqualTo(expected);
          nextOffset.put(r.bucket(), expected + 1);
          assertThat(ids.add((Long) r.getValue(0))).as("id read twice: %s", r).isTrue();
          assertThat(r.getValue(1)).isEqualTo("v" + r.getValue(0));
        }
        // Cut every connection a few times while fetches are under way.
        if (resets < 3 && ids.size() > (resets + 1) * ROWS / 5) {
          onEveryTabletServer(FaultProxy::resetConnections);
          resets++;
        }
      }
    }
    assertThat(resets).isEqualTo(3);
  }

  @Test
  void lookupsAreRightOrFailTypedWhileLinksAreResetAndAllSucceedAfterwards() throws Exception {
    onEveryTabletServer(p -> p.latency(Duration.ofMillis(10)));
    List<Throwable> failures = new ArrayList<>();
    int answered = 0;
    try (Lookuper lookuper = table.newLookup().createLookuper()) {
      for (long id = 0; id < 600; id++) {
        if (id % 150 == 75) {
          onEveryTabletServer(FaultProxy::resetConnections);
        }
        try {
          List<Object> row = lookuper.lookup(id);
          assertThat(row).as("key %s", id).containsExactly(id, "v" + id);
          answered++;
        } catch (FlussException e) {
          failures.add(e); // typed: the caller may retry
        }
      }
      FaultCluster.clearFaults();
      for (long id = 0; id < ROWS; id += 7) {
        assertThat(lookuper.lookup(id)).as("key %s", id).containsExactly(id, "v" + id);
      }
    }
    assertThat(answered).as("lookups answered during the faults").isGreaterThan(500);
    assertThat(failures).as("failed lookups").hasSizeLessThan(100);
  }
}
