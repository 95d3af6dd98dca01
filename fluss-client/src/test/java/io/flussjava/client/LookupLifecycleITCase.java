package io.flussjava.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flussjava.client.admin.DatabaseDescriptor;
import io.flussjava.client.admin.TableDescriptor;
import io.flussjava.client.admin.TablePath;
import io.flussjava.client.internal.Futures;
import io.flussjava.client.lookup.Lookuper;
import io.flussjava.client.lookup.PrefixLookuper;
import io.flussjava.client.write.UpsertWriter;
import io.flussjava.exception.ClosedException;
import io.flussjava.types.DataTypes;
import io.flussjava.types.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Closing lookupers and connections, and the threads lookup futures complete on, against a real
 * cluster.
 */
class LookupLifecycleITCase extends ClientTestBase {
  private static TablePath path;

  @BeforeAll
  static void createTable() {
    String db = uniqueName("lookup_life_db");
    connection.getAdmin().createDatabase(db, DatabaseDescriptor.EMPTY, false);
    path = TablePath.of(db, "t");
    Schema schema =
        Schema.newBuilder()
            .column("grp", DataTypes.INT())
            .column("id", DataTypes.INT())
            .column("v", DataTypes.STRING())
            .primaryKey("grp", "id")
            .build();
    connection
        .getAdmin()
        .createTable(
            path, TableDescriptor.builder().schema(schema).distributedBy(3, "grp").build(), false);
    try (UpsertWriter writer = connection.getTable(path).newUpsert().createWriter()) {
      for (int id = 0; id < 1000; id++) {
        writer.upsert(id % 10, id, "v" + id);
      }
    }
  }

  @Test
  void aClosedLookuperThrowsNamingItself() {
    Table table = connection.getTable(path);
    Lookuper lookuper = table.newLookup().createLookuper();
    PrefixLookuper prefix = table.newLookup().lookupBy("grp").createLookuper();
    assertThat(lookuper.lookup(1, 1)).containsExactly(1, 1, "v1");
    lookuper.close();
    lookuper.close(); // idempotent
    prefix.close();
    String closed = "this Lookuper of " + path + " is closed";
    assertThatThrownBy(() -> lookuper.lookup(1, 1))
        .isInstanceOf(ClosedException.class)
        .hasMessage(closed);
    assertThatThrownBy(() -> lookuper.lookupAsync(1, 1))
        .isInstanceOf(ClosedException.class)
        .hasMessage(closed);
    assertThatThrownBy(() -> lookuper.lookupAll(List.of(List.of(1, 1))))
        .isInstanceOf(ClosedException.class)
        .hasMessage(closed);
    assertThatThrownBy(() -> prefix.lookup(1))
        .isInstanceOf(ClosedException.class)
        .hasMessage("this PrefixLookuper of " + path + " is closed");
    // Other lookupers of the table are not affected.
    try (Lookuper other = table.newLookup().createLookuper()) {
      assertThat(other.lookup(2, 2)).containsExactly(2, 2, "v2");
    }
  }

  @Test
  void closingTheConnectionFailsPendingLookupsPromptlyAndLaterCallsThrow() throws Exception {
    // One key per request and one request at a time: 20,000 lookups take seconds, so many are
    // surely pending when the connection closes.
    io.flussjava.config.Configuration conf = clientConf();
    conf.setString("client.lookup.max-batch-size", "1");
    conf.setString("client.lookup.max-inflight-requests", "1");
    Connection own = Connection.create(conf);
    Table table = own.getTable(path);
    Lookuper lookuper = table.newLookup().createLookuper();
    PrefixLookuper prefix = table.newLookup().lookupBy("grp").createLookuper();
    assertThat(lookuper.lookup(3, 3)).containsExactly(3, 3, "v3");
    List<CompletableFuture<?>> futures = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      futures.add(lookuper.lookupAsync(i % 10, i % 1000));
    }
    futures.add(prefix.lookupAsync(4));
    // close() itself may take a while (it joins the network threads); pending lookups must not wait
    // for that.
    Thread closer = new Thread(own::close, "closer");
    long closedAt = System.nanoTime();
    closer.start();
    CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0]))
        .handle((v, e) -> null)
        .get(1, TimeUnit.SECONDS);
    assertThat(System.nanoTime() - closedAt)
        .isLessThan(TimeUnit.SECONDS.toNanos(1) + TimeUnit.MILLISECONDS.toNanos(500));
    closer.join();
    int failed = 0;
    for (CompletableFuture<?> f : futures) {
      if (f.isCompletedExceptionally()) {
        failed++;
        assertThatThrownBy(f::join)
            .cause()
            .isInstanceOf(ClosedException.class)
            .hasMessageContaining("Connection")
            .hasMessageContaining("is closed");
      }
    }
    assertThat(failed).as("lookups still pending at close").isPositive();
    assertThatThrownBy(() -> lookuper.lookup(1, 1))
        .isInstanceOf(ClosedException.class)
        .hasMessage("the Connection of the Lookuper of " + path + " is closed");
    assertThatThrownBy(() -> prefix.lookupAsync(1))
        .isInstanceOf(ClosedException.class)
        .hasMessage("the Connection of the PrefixLookuper of " + path + " is closed");
    lookuper.close();
    prefix.close();
  }

  @Test
  void asyncResultsCompleteOffTheNetworkThreadsAndABlockedCallbackStallsNoIo() throws Exception {
    try (Lookuper lookuper = connection.getTable(path).newLookup().createLookuper()) {
      String thread =
          Futures.await(
              lookuper.lookupAsync(5, 5).thenApply(r -> Thread.currentThread().getName()),
              java.time.Duration.ofSeconds(30),
              "test");
      assertThat(thread).startsWith("fluss-lookup-callback");
      String failedOn =
          Futures.await(
              lookuper
                  .lookupAsync(5, 5)
                  .thenCompose(r -> lookuper.lookupAsync(6, 6))
                  .handle((r, e) -> Thread.currentThread().getName()),
              java.time.Duration.ofSeconds(30),
              "test");
      assertThat(failedOn).startsWith("fluss-lookup-callback");

      // A callback that blocks: sync lookups (and so the network threads) go on.
      // (A callback attached after its future completed runs on the attaching thread: retry until
      // one is pending.)
      CountDownLatch release = new CountDownLatch(1);
      CountDownLatch entered = new CountDownLatch(1);
      CompletableFuture<Object> blocked = null;
      for (int i = 0; i < 1000 && entered.getCount() > 0; i++) {
        blocked =
            lookuper
                .lookupAsync(7, 7)
                .thenApply(
                    r -> {
                      if (Thread.currentThread().getName().startsWith("fluss-lookup-callback")) {
                        entered.countDown();
                        try {
                          release.await();
                        } catch (InterruptedException e) {
                          Thread.currentThread().interrupt();
                        }
                      }
                      return r;
                    });
        entered.await(100, TimeUnit.MILLISECONDS);
      }
      assertThat(entered.getCount()).as("a callback blocked on a callback thread").isZero();
      for (int id = 0; id < 200; id++) {
        assertThat(lookuper.lookup(id % 10, id)).containsExactly(id % 10, id, "v" + id);
      }
      assertThat(lookuper.lookupAsync(8, 8).get(30, TimeUnit.SECONDS)).containsExactly(8, 8, "v8");
      assertThat(blocked).isNotDone();
      release.countDown();
      assertThat(blocked.get(30, TimeUnit.SECONDS)).isEqualTo(List.of(7, 7, "v7"));
    }
  }
}
