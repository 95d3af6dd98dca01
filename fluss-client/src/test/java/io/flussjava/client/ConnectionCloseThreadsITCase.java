package io.flussjava.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.flussjava.client.admin.DatabaseDescriptor;
import io.flussjava.client.admin.TableDescriptor;
import io.flussjava.client.admin.TablePath;
import io.flussjava.client.lookup.Lookuper;
import io.flussjava.client.scan.LogScanner;
import io.flussjava.client.write.UpsertWriter;
import io.flussjava.client.write.WriteResult;
import io.flussjava.testkit.FlussCluster;
import io.flussjava.types.DataTypes;
import io.flussjava.types.Schema;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * No thread the client started survives {@link Connection#close()}, even with every kind of handle
 * used and a write whose answer never comes (so the close has something to abort).
 */
@ExtendWith(FaultCluster.class)
class ConnectionCloseThreadsITCase {

  @AfterEach
  void clearFaults() {
    FaultCluster.clearFaults();
  }

  @Test
  void closingAConnectionEndsEveryThreadItStarted() throws Exception {
    FlussCluster cluster = FaultCluster.cluster();
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    CompletableFuture<WriteResult> unanswered;
    try (Connection c = Connection.create(FaultCluster.clientConf())) {
      c.getAdmin().createDatabase("close_threads", DatabaseDescriptor.EMPTY, true);
      TablePath path = TablePath.of("close_threads", "t");
      c.getAdmin()
          .createTable(
              path,
              TableDescriptor.builder()
                  .schema(
                      Schema.newBuilder()
                          .column("id", DataTypes.BIGINT())
                          .column("v", DataTypes.BIGINT())
                          .primaryKey("id")
                          .build())
                  .distributedBy(1)
                  .build(),
              true);
      Table table = c.getTable(path);
      UpsertWriter upserter = table.newUpsert().createWriter();
      upserter.upsert(1L, 1L);
      upserter.flush();
      try (Lookuper lookuper = table.newLookup().createLookuper();
          LogScanner scanner = table.newScan().createLogScanner()) {
        assertThat(lookuper.lookup(1L)).containsExactly(1L, 1L);
        scanner.subscribe(0, 0);
        scanner.poll(Duration.ofMillis(100));
      }
      for (int id = 0; id < cluster.tabletServerCount(); id++) {
        cluster.tabletServerProxy(id).blackHole(true);
      }
      unanswered = upserter.upsert(2L, 2L);
    }
    assertThat(unanswered).as("the close ends the pending write").isDone();
    // Netty's JVM-wide helper thread (globalEventExecutor), which any netty user in this JVM may
    // wake,
    // the test kit's proxies included, stops itself a second after its last task: threads get a few
    // seconds to end, and none may stay.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    List<String> left = threadsStartedSince(before);
    while (!left.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(50);
      left = threadsStartedSince(before);
    }
    assertThat(left).as("threads left after close").isEmpty();
  }

  private static List<String> threadsStartedSince(Set<Thread> before) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> !before.contains(t) && t.isAlive())
        .map(Thread::getName)
        .filter(name -> !name.startsWith("fault-proxy-"))
        .filter(name -> !name.startsWith("ForkJoinPool.commonPool"))
        .toList();
  }
}
