package io.flussjava.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flussjava.client.admin.DatabaseDescriptor;
import io.flussjava.client.admin.TableDescriptor;
import io.flussjava.client.admin.TablePath;
import io.flussjava.client.write.AppendWriter;
import io.flussjava.client.write.UpsertWriter;
import io.flussjava.client.write.WriteResult;
import io.flussjava.config.Configuration;
import io.flussjava.exception.ClosedException;
import io.flussjava.types.DataTypes;
import io.flussjava.types.Schema;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The writers' lifecycle contract: closed handles say so, a closed connection fails what is
 * pending, nothing leaks.
 */
class WriterLifecycleITCase extends ClientTestBase {
  private static Table logTable;
  private static Table pkTable;

  @BeforeAll
  static void createTables() {
    String db = uniqueName("lifecycle_db");
    connection.getAdmin().createDatabase(db, DatabaseDescriptor.EMPTY, false);
    Schema log =
        Schema.newBuilder().column("id", DataTypes.INT()).column("v", DataTypes.STRING()).build();
    Schema pk =
        Schema.newBuilder()
            .column("id", DataTypes.INT())
            .column("v", DataTypes.STRING())
            .primaryKey("id")
            .build();
    TablePath logPath = TablePath.of(db, "log");
    TablePath pkPath = TablePath.of(db, "pk");
    connection
        .getAdmin()
        .createTable(
            logPath, TableDescriptor.builder().schema(log).distributedBy(2).build(), false);
    connection
        .getAdmin()
        .createTable(pkPath, TableDescriptor.builder().schema(pk).distributedBy(2).build(), false);
    logTable = connection.getTable(logPath);
    pkTable = connection.getTable(pkPath);
  }

  @Test
  void aClosedWriterSaysSoAndCloseIsIdempotentAndThreadSafe() throws Exception {
    AppendWriter append = logTable.newAppend().createWriter();
    append.append(1, "a").get(30, TimeUnit.SECONDS);
    Thread other = new Thread(append::close);
    other.start();
    append.close();
    other.join();
    append.close();
    assertThatThrownBy(() -> append.append(2, "b"))
        .isInstanceOf(ClosedException.class)
        .hasMessageContaining("AppendWriter of " + logTable.getTableInfo().getTablePath())
        .hasMessageContaining("closed");
    assertThatThrownBy(append::flush).isInstanceOf(ClosedException.class);

    UpsertWriter upsert = pkTable.newUpsert().createWriter();
    upsert.close();
    assertThatThrownBy(() -> upsert.upsert(1, "a"))
        .isInstanceOf(ClosedException.class)
        .hasMessageContaining("UpsertWriter");
    assertThatThrownBy(() -> upsert.delete(1, null)).isInstanceOf(ClosedException.class);
  }

  @Test
  void closingTheConnectionFailsEveryUnacknowledgedRecordWithinASecond() throws Exception {
    Configuration conf = clientConf();
    conf.setString(
        "client.writer.batch-timeout", "1h"); // nothing leaves on its own: all stays pending
    Connection own = Connection.create(conf);
    Table table = own.getTable(logTable.getTableInfo().getTablePath());
    AppendWriter writer = table.newAppend().createWriter();
    List<CompletableFuture<WriteResult>> pending = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      pending.add(writer.append(i, "pending"));
    }
    assertThat(pending).allMatch(f -> !f.isDone());
    long start = System.nanoTime();
    own.close();
    CompletableFuture.allOf(pending.toArray(new CompletableFuture<?>[0]))
        .handle((v, e) -> null)
        .get(1, TimeUnit.SECONDS);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    for (CompletableFuture<WriteResult> f : pending) {
      assertThat(f).isCompletedExceptionally();
      assertThatThrownBy(f::join)
          .hasCauseInstanceOf(ClosedException.class)
          .hasMessageContaining("Connection was closed");
    }
    assertThatThrownBy(() -> writer.append(1, "after"))
        .isInstanceOf(ClosedException.class)
        .hasMessageContaining("Connection");
    assertThatThrownBy(writer::flush).isInstanceOf(ClosedException.class);
    writer.close(); // still fine: idempotent, nothing to flush into a closed connection
    assertThatThrownBy(() -> table.newAppend().createWriter()).isInstanceOf(ClosedException.class);
  }

  @Test
  void aFlushOfOneRowTakesAboutTheLingerNotTheIdleTimeout() {
    Configuration conf = clientConf();
    conf.setString("client.writer.batch-timeout", "10ms");
    try (Connection own = Connection.create(conf)) {
      Table table = own.getTable(logTable.getTableInfo().getTablePath());
      try (AppendWriter writer = table.newAppend().createWriter()) {
        writer.append(0, "warm-up");
        writer.flush();
        long start = System.nanoTime();
        for (int i = 0; i < 1000; i++) {
          writer.append(i, "round trip");
          writer.flush();
        }
        // 1,000 round trips took 200 s when an answer waited for the sender's 200 ms idle wake-up.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
      }
    }
  }

  @Test
  void writersCreatedAndClosedLeaveTheHeapWhereItWas() throws Exception {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    try (AppendWriter first = logTable.newAppend().createWriter()) {
      first.append(0, "warm-up").get(30, TimeUnit.SECONDS);
    }
    long before = usedHeapAfterGc(memory);
    for (int i = 0; i < 1000; i++) {
      try (AppendWriter w = logTable.newAppend().createWriter()) {
        w.append(i, "row");
      }
    }
    long after = usedHeapAfterGc(memory);
    // Each closed writer once kept ~2 MB (its batch builders): 1,000 of them would hold ~2 GB.
    assertThat(after - before).as("heap growth in bytes").isLessThan(64L << 20);
  }

  private static long usedHeapAfterGc(MemoryMXBean memory) throws InterruptedException {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
