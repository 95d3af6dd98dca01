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
import io.flussjava.client.write.WriteResult;
import io.flussjava.config.Configuration;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Writers and a scanner keep going while a tablet server is killed with SIGKILL and restarted (3
 * tablet servers, replication 3): every acknowledged row is there exactly once, and no write is
 * left hanging.
 */
class FailoverITCase {
  private static final int THREADS = 3;
  private static final int ROWS_PER_THREAD = 6_000;
  private static FlussCluster cluster;
  private static Connection connection;

  @BeforeAll
  static void start() {
    cluster =
        FlussCluster.builder()
            .tabletServers(3)
            .defaultBuckets(3)
            .replicationFactor(3)
            .tabletServerHeap("512m")
            .build();
    cluster.start();
    Configuration conf = new Configuration();
    conf.setString("bootstrap.servers", cluster.bootstrapServers());
    conf.setString("client.request-timeout", "10s");
    conf.setString("client.writer.delivery-timeout", "120s");
    conf.setString("client.writer.batch-size", "64kb");
    conf.setString("client.writer.batch-timeout", "5ms");
    connection = Connection.create(conf);
  }

  @AfterAll
  static void stop() {
    if (connection != null) {
      connection.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @ParameterizedTest(name = "kill after {0} ms")
  @ValueSource(ints = {300, 1500})
  void acknowledgedRowsSurviveALeaderKilledMidStream(int killAfterMillis) throws Exception {
    String db = "failover_" + killAfterMillis;
    connection.getAdmin().createDatabase(db, DatabaseDescriptor.EMPTY, false);
    TablePath logPath = TablePath.of(db, "events");
    TablePath pkPath = TablePath.of(db, "state");
    connection
        .getAdmin()
        .createTable(
            logPath,
            TableDescriptor.builder()
                .schema(
                    Schema.newBuilder()
                        .column("id", DataTypes.BIGINT())
                        .column("payload", DataTypes.STRING())
                        .build())
                .distributedBy(3)
                .build(),
            false);
    connection
        .getAdmin()
        .createTable(
            pkPath,
            TableDescriptor.builder()
                .schema(
                    Schema.newBuilder()
                        .column("id", DataTypes.BIGINT())
                        .column("v", DataTypes.BIGINT())
                        .primaryKey("id")
                        .build())
                .distributedBy(3)
                .build(),
            false);
    Table log = connection.getTable(logPath);
    Table pk = connection.getTable(pkPath);

    // A scanner reads the log the whole time.
    Map<Long, Integer> scanned = new ConcurrentHashMap<>();
    AtomicBoolean scanning = new AtomicBoolean(true);
    Thread scanner =
        new Thread(
            () -> {
              try (LogScanner s = log.newScan().createLogScanner()) {
                for (int b = 0; b < 3; b++) {
                  s.subscribe(b, 0);
                }
                while (scanning.get()) {
                  for (ScanRecord r : s.poll(Duration.ofMillis(200))) {
                    scanned.merge((Long) r.getValue(0), 1, Integer::sum);
                  }
                }
              }
            },
            "failover-scanner");
    scanner.start();

    List<List<CompletableFuture<WriteResult>>> appendsByThread = new ArrayList<>();
    List<List<CompletableFuture<WriteResult>>> upsertsByThread = new ArrayList<>();
    List<Thread> writers = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      List<CompletableFuture<WriteResult>> mine = new ArrayList<>();
      List<CompletableFuture<WriteResult>> mineKv = new ArrayList<>();
      appendsByThread.add(mine);
      upsertsByThread.add(mineKv);
      Thread w =
          new Thread(
              () -> {
                AppendWriter appender = log.newAppend().createWriter();
                UpsertWriter upserter = pk.newUpsert().createWriter();
                for (int i = 0; i < ROWS_PER_THREAD; i++) {
                  long id = thread * 1_000_000L + i;
                  mine.add(appender.append(id, "p" + id));
                  if (i % 4 == 0) {
                    mineKv.add(upserter.upsert(id, id * 2));
                  }
                  if (i % 25 == 0) {
                    sleep(10); // spread the writes (~3 s) over the kill and the restart
                  }
                }
              },
              "failover-writer-" + t);
      w.start();
      writers.add(w);
    }
    Thread.sleep(killAfterMillis);
    assertThat(writers).as("the kill lands mid-stream").allMatch(Thread::isAlive);
    cluster.killTabletServer(0);
    Thread.sleep(1500);
    cluster.restartTabletServer(0);
    for (Thread w : writers) {
      w.join(TimeUnit.MINUTES.toMillis(3));
      assertThat(w.isAlive()).as("writer thread finished").isFalse();
    }
    // Thread.join makes the writers' lists visible here; thread order matches the id order below.
    List<CompletableFuture<WriteResult>> appends = new ArrayList<>();
    List<CompletableFuture<WriteResult>> upserts = new ArrayList<>();
    appendsByThread.forEach(appends::addAll);
    upsertsByThread.forEach(upserts::addAll);

    // Every future completes (success or a typed failure), none hangs.
    Set<Long> ackedAppends = new HashSet<>();
    int failed = 0;
    for (CompletableFuture<WriteResult> f : appends) {
      try {
        f.get(3, TimeUnit.MINUTES);
      } catch (java.util.concurrent.ExecutionException e) {
        failed++;
      }
    }
    List<Long> ids = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      for (int i = 0; i < ROWS_PER_THREAD; i++) {
        ids.add(t * 1_000_000L + i);
      }
    }
    for (int k = 0; k < appends.size(); k++) {
      if (!appends.get(k).isCompletedExceptionally()) {
        ackedAppends.add(ids.get(k));
      }
    }
    assertThat(appends).hasSize(THREADS * ROWS_PER_THREAD).allMatch(CompletableFuture::isDone);
    assertThat(failed)
        .as("with a 120 s delivery timeout every append should eventually succeed")
        .isZero();

    // The scanner ends with every acknowledged row, exactly once.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (!scanned.keySet().containsAll(ackedAppends) && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    scanning.set(false);
    scanner.join(10_000);
    assertThat(scanned.keySet()).containsAll(ackedAppends);
    Map<Long, Integer> duplicates = new HashMap<>();
    scanned.forEach(
        (id, n) -> {
          if (n > 1) {
            duplicates.put(id, n);
          }
        });
    assertThat(duplicates).as("rows read more than once").isEmpty();

    // Every upsert completes too, and every acknowledged one is found.
    int failedUpserts = 0;
    for (CompletableFuture<WriteResult> f : upserts) {
      try {
        f.get(3, TimeUnit.MINUTES);
      } catch (java.util.concurrent.ExecutionException e) {
        failedUpserts++;
      }
    }
    assertThat(failedUpserts).isZero();
    try (Lookuper lookuper = pk.newLookup().createLookuper()) {
      int k = 0;
      for (int t = 0; t < THREADS; t++) {
        for (int i = 0; i < ROWS_PER_THREAD; i += 4) {
          CompletableFuture<WriteResult> f = upserts.get(k++);
          if (!f.isCompletedExceptionally()) {
            long id = t * 1_000_000L + i;
            assertThat(lookuper.lookup(id)).as("key %s", id).containsExactly(id, id * 2);
          }
        }
      }
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
