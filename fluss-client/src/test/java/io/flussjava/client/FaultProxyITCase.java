package io.flussjava.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.flussjava.client.admin.DatabaseDescriptor;
import io.flussjava.client.admin.TableDescriptor;
import io.flussjava.client.admin.TablePath;
import io.flussjava.client.lookup.Lookuper;
import io.flussjava.client.write.AppendWriter;
import io.flussjava.client.write.UpsertWriter;
import io.flussjava.client.write.WriteResult;
import io.flussjava.config.Configuration;
import io.flussjava.exception.UnknownWriteOutcomeException;
import io.flussjava.testkit.FaultProxy;
import io.flussjava.testkit.FlussCluster;
import io.flussjava.types.DataTypes;
import io.flussjava.types.Schema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Writes through fault proxies: a response lost while later batches of its bucket are acknowledged
 * (so that the lost batch falls out of the server's duplicate window), for appends and upserts, and
 * a leader whose connection is black-holed. Each test checks that no acknowledged row is lost, none
 * is written twice and no future is left pending; a failed future may only say "unknown whether
 * written".
 */
@ExtendWith(FaultCluster.class)
class FaultProxyITCase {
  private static final String DB = "fault_proxy";
  private static Connection connection;

  @BeforeAll
  static void connect() {
    Configuration conf = FaultCluster.clientConf();
    // Room for more acknowledged batches behind a lost one than the server's window of five.
    conf.setString("client.writer.max-inflight-requests-per-bucket", "10");
    connection = Connection.create(conf);
    connection.getAdmin().createDatabase(DB, DatabaseDescriptor.EMPTY, true);
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

  private static TablePath createTable(String name, boolean primaryKey, int buckets) {
    TablePath path = TablePath.of(DB, name);
    Schema.Builder schema = Schema.newBuilder().column("id", DataTypes.BIGINT());
    schema.column("v", DataTypes.BIGINT());
    if (primaryKey) {
      schema.primaryKey("id");
    }
    connection
        .getAdmin()
        .createTable(
            path,
            TableDescriptor.builder().schema(schema.build()).distributedBy(buckets, "id").build(),
            false);
    return path;
  }

  private static void dropOnEveryTabletServer(int apiKey, int nth) {
    FlussCluster cluster = FaultCluster.cluster();
    for (int id = 0; id < cluster.tabletServerCount(); id++) {
      cluster.tabletServerProxy(id).dropResponse(apiKey, nth);
    }
  }

  private static int droppedResponses() {
    FlussCluster cluster = FaultCluster.cluster();
    int n = 0;
    for (int id = 0; id < cluster.tabletServerCount(); id++) {
      n += cluster.tabletServerProxy(id).droppedResponses();
    }
    return n;
  }

  /**
   * Writes ids 0..rows-1 one batch at a time (each waits for its answer, except the one whose
   * answer the proxy drops), so that the third batch's answer is lost while the next ones are
   * acknowledged.
   */
  private static List<CompletableFuture<WriteResult>> writeOneBatchEach(
      int rows, LongFunction<CompletableFuture<WriteResult>> write) {
    List<CompletableFuture<WriteResult>> futures = new ArrayList<>();
    for (long id = 0; id < rows; id++) {
      int droppedBefore = droppedResponses();
      CompletableFuture<WriteResult> f = write.apply(id);
      futures.add(f);
      await(
          "row " + id + " answered or its answer dropped",
          () -> f.isDone() || droppedResponses() > droppedBefore);
    }
    return futures;
  }

  /** The ids whose futures succeeded; fails the test on a pending future or an untyped failure. */
  private static Set<Long> acknowledged(List<CompletableFuture<WriteResult>> futures)
      throws InterruptedException {
    Set<Long> acked = new HashSet<>();
    for (int i = 0; i < futures.size(); i++) {
      try {
        futures.get(i).get(60, TimeUnit.SECONDS);
        acked.add((long) i);
      } catch (ExecutionException e) {
        assertThat(e.getCause()).isInstanceOf(UnknownWriteOutcomeException.class);
      } catch (java.util.concurrent.TimeoutException e) {
        throw new AssertionError("future of row " + i + " still pending after 60 s", e);
      }
    }
    return acked;
  }

  @Test
  void aLostProduceResponseBehindAcknowledgedBatchesIsNeitherWrittenTwiceNorRetriedForEver()
      throws Exception {
    TablePath path = createTable("lost_produce", false, 1);
    Table table = connection.getTable(path);
    AppendWriter writer = table.newAppend().createWriter();
    int droppedBefore = droppedResponses();
    dropOnEveryTabletServer(FaultProxy.PRODUCE_LOG, 3);
    List<CompletableFuture<WriteResult>> futures =
        writeOneBatchEach(16, id -> writer.append(id, id * 10));
    Set<Long> acked = acknowledged(futures);
    assertThat(droppedResponses() - droppedBefore).isEqualTo(1);

    Map<Long, Integer> written = TableAudit.countWrites(connection, path, 1);
    assertThat(TableAudit.duplicates(written)).as("rows written twice").isEmpty();
    assertThat(written.keySet()).containsAll(acked);
    assertThat(acked).as("the lost batch is proven written by the later ones").hasSize(16);
  }

  @Test
  void aLostPutKvResponseBehindAcknowledgedBatchesIsNeitherWrittenTwiceNorRetriedForEver()
      throws Exception {
    TablePath path = createTable("lost_put_kv", true, 1);
    Table table = connection.getTable(path);
    UpsertWriter writer = table.newUpsert().createWriter();
    int droppedBefore = droppedResponses();
    dropOnEveryTabletServer(FaultProxy.PUT_KV, 3);
    List<CompletableFuture<WriteResult>> futures =
        writeOneBatchEach(16, id -> writer.upsert(id, id * 10));
    Set<Long> acked = acknowledged(futures);
    assertThat(droppedResponses() - droppedBefore).isEqualTo(1);

    Map<Long, Integer> written = TableAudit.countWrites(connection, path, 1);
    assertThat(TableAudit.duplicates(written)).as("keys written twice (changelog)").isEmpty();
    try (Lookuper lookuper = table.newLookup().createLookuper()) {
      for (long id : acked) {
        assertThat(lookuper.lookup(id)).as("key %s", id).containsExactly(id, id * 10);
      }
    }
  }

  @Test
  void writesToLiveLeadersFlowWhileOneLeaderIsBlackHoledAndAllRecoverAfterwards() throws Exception {
    TablePath path = createTable("black_hole", false, 3);
    Table table = connection.getTable(path);
    AppendWriter writer = table.newAppend().createWriter();
    writer.append(-1L, 0L);
    writer.flush(); // connections to every leader are open before the fault

    FaultProxy proxy = FaultCluster.cluster().tabletServerProxy(0);
    proxy.blackHole(true);
    long start = System.nanoTime();
    List<CompletableFuture<WriteResult>> futures = new ArrayList<>();
    for (long id = 0; id < 300; id++) {
      futures.add(writer.append(id, id));
    }
    await(
        "some rows acknowledged by live leaders",
        () -> futures.stream().anyMatch(CompletableFuture::isDone));
    // (Rows are spread over the buckets by id, and the leaders over the servers.)
    // Keep the fault for over two request timeouts (3 s): requests to the silent server time out,
    // metadata is fetched again, retries time out again.
    await("two request timeouts", () -> System.nanoTime() - start > TimeUnit.SECONDS.toNanos(7));
    long doneDuringFault = futures.stream().filter(CompletableFuture::isDone).count();
    proxy.blackHole(false);

    Set<Long> acked = acknowledged(futures);
    Map<Long, Integer> written = TableAudit.countWrites(connection, path, 3);
    assertThat(TableAudit.duplicates(written)).as("rows written twice").isEmpty();
    assertThat(written.keySet()).containsAll(acked);
    assertThat(acked).as("retried under the same writer id after the fault").hasSize(300);
    assertThat(doneDuringFault).as("live leaders kept writing").isPositive();
  }

  static void await(String what, BooleanSupplier condition) {
    await(what, condition, Duration.ofSeconds(60));
  }

  static void await(String what, BooleanSupplier condition, Duration bound) {
    long deadline = System.nanoTime() + bound.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
