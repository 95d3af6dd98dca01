package io.flussjava.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flussjava.client.admin.DatabaseDescriptor;
import io.flussjava.client.admin.TableDescriptor;
import io.flussjava.client.admin.TablePath;
import io.flussjava.client.scan.BoundedArrowReader;
import io.flussjava.client.scan.BoundedReader;
import io.flussjava.client.scan.LogScanner;
import io.flussjava.client.scan.ScanRecord;
import io.flussjava.client.scan.ScanRecords;
import io.flussjava.client.write.AppendWriter;
import io.flussjava.exception.ClosedException;
import io.flussjava.exception.LogOffsetOutOfRangeException;
import io.flussjava.exception.TableNotExistException;
import io.flussjava.types.DataTypes;
import io.flussjava.types.Schema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A scanner's lifecycle against a real cluster: no subscription, closed scanners and readers,
 * closed connections.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ScannerLifecycleITCase extends ClientTestBase {
  private static String db;

  @BeforeAll
  static void createDatabase() {
    db = uniqueName("lifecycle_db");
    connection.getAdmin().createDatabase(db, DatabaseDescriptor.EMPTY, false);
  }

  private static Table createTable(Connection conn, String name, int rows) {
    Schema schema =
        Schema.newBuilder()
            .column("id", DataTypes.INT().notNull())
            .column("s", DataTypes.STRING())
            .build();
    TablePath path = TablePath.of(db, name);
    conn.getAdmin()
        .createTable(
            path, TableDescriptor.builder().schema(schema).distributedBy(1).build(), false);
    Table table = conn.getTable(path);
    if (rows > 0) {
      try (AppendWriter writer = table.newAppend().createWriter()) {
        for (int i = 0; i < rows; i++) {
          writer.append(i, "s" + i);
        }
      }
    }
    return table;
  }

  private static List<ScanRecord> pollUntil(LogScanner scanner, int expected) {
    List<ScanRecord> out = new ArrayList<>();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (out.size() < expected && System.nanoTime() < deadline) {
      scanner.poll(Duration.ofMillis(500)).forEach(out::add);
    }
    return out;
  }

  @Test
  void pollWithoutSubscriptionFailsAtOnceNamingSubscribe() {
    Table table = createTable(connection, "unsubscribed", 0);
    try (LogScanner scanner = table.newScan().createLogScanner()) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> scanner.poll(Duration.ofSeconds(30)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("no bucket subscribed")
          .hasMessageContaining("subscribe(...)");
      assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(5));

      scanner.subscribeFromBeginning(0);
      scanner.unsubscribe(0);
      assertThatThrownBy(() -> scanner.pollBatches(Duration.ofSeconds(30)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("no bucket subscribed");
    }
  }

  @Test
  void everyCallOnAClosedScannerThrowsClosedExceptionNamingIt() {
    Table table = createTable(connection, "closed_scanner", 3);
    LogScanner scanner = table.newScan().createLogScanner();
    scanner.subscribeFromBeginning(0);
    assertThat(pollUntil(scanner, 3)).hasSize(3);
    scanner.close();
    scanner.close(); // idempotent

    String name = "this LogScanner of " + table.getTablePath() + " is closed";
    assertThatThrownBy(() -> scanner.poll(Duration.ofSeconds(1)))
        .isExactlyInstanceOf(ClosedException.class)
        .hasMessage(name);
    assertThatThrownBy(() -> scanner.pollBatches(Duration.ofSeconds(1)))
        .isExactlyInstanceOf(ClosedException.class);
    assertThatThrownBy(() -> scanner.subscribe(0, 0)).hasMessage(name);
    assertThatThrownBy(() -> scanner.subscribeFromBeginning(0))
        .isExactlyInstanceOf(ClosedException.class);
    assertThatThrownBy(() -> scanner.unsubscribe(0)).isExactlyInstanceOf(ClosedException.class);
    assertThatThrownBy(scanner::isEndReached).isExactlyInstanceOf(ClosedException.class);
  }

  @Test
  void closedBoundedReadersThrowClosedExceptionNamingThem() {
    Table table = createTable(connection, "closed_readers", 5);
    BoundedReader reader = table.newScan().createBoundedReader();
    assertThat(reader.hasNext()).isTrue();
    reader.next(); // the rest of its poll is still buffered in the reader
    reader.close();
    reader.close();
    assertThatThrownBy(reader::hasNext)
        .isExactlyInstanceOf(ClosedException.class)
        .hasMessage("this BoundedReader of " + table.getTablePath() + " is closed");
    assertThatThrownBy(reader::next).isExactlyInstanceOf(ClosedException.class);

    BoundedArrowReader arrow = table.newScan().createBoundedArrowReader();
    assertThat(arrow.hasNext()).isTrue();
    arrow.next();
    arrow.close();
    assertThatThrownBy(arrow::hasNext)
        .isExactlyInstanceOf(ClosedException.class)
        .hasMessage("this BoundedArrowReader of " + table.getTablePath() + " is closed");
  }

  @Test
  void afterTheConnectionClosedPollSaysSo() {
    Connection own = Connection.create(clientConf());
    Table table = createTable(own, "closed_connection", 3);
    LogScanner scanner = table.newScan().createLogScanner();
    BoundedReader reader = table.newScan().createBoundedReader();
    scanner.subscribeFromBeginning(0);
    assertThat(pollUntil(scanner, 3)).hasSize(3);
    scanner.subscribe(0, 3); // a fetch is in flight (long poll) when the connection closes
    scanner.poll(Duration.ofMillis(10));

    own.close();

    assertThatThrownBy(() -> scanner.poll(Duration.ofSeconds(1)))
        .isExactlyInstanceOf(ClosedException.class)
        .hasMessageContaining("Connection")
        .hasMessageContaining("LogScanner of " + table.getTablePath())
        .hasMessageContaining("closed");
    assertThatThrownBy(reader::hasNext)
        .isExactlyInstanceOf(ClosedException.class)
        .hasMessageContaining("Connection of BoundedReader of " + table.getTablePath());
    scanner.close(); // still frees its buffers
    reader.close();
  }

  @Test
  void closeFromAnotherThreadEndsAWaitingPoll() throws Exception {
    Table table = createTable(connection, "close_from_other_thread", 0);
    LogScanner scanner = table.newScan().createLogScanner();
    scanner.subscribeFromBeginning(0);
    CompletableFuture<ScanRecords> polling =
        CompletableFuture.supplyAsync(() -> scanner.poll(Duration.ofSeconds(60)));
    Thread.sleep(300); // let the poll start waiting
    long start = System.nanoTime();
    scanner.close();
    assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(10));
    assertThatThrownBy(() -> polling.get(10, TimeUnit.SECONDS))
        .hasCauseExactlyInstanceOf(ClosedException.class);
  }

  @Test
  void anOffsetPastTheLogEndFailsTypedAndTheScannerGoesOnAfterResubscribing() {
    Table table = createTable(connection, "out_of_range", 3);
    try (LogScanner scanner = table.newScan().createLogScanner()) {
      scanner.subscribe(0, 1_000_000L);
      assertThatThrownBy(
              () -> {
                for (int i = 0; i < 120; i++) {
                  scanner.poll(Duration.ofMillis(500));
                }
              })
          .isExactlyInstanceOf(LogOffsetOutOfRangeException.class)
          .hasMessageContaining("bucket 0")
          .hasMessageContaining("1000000");
      scanner.subscribeFromBeginning(0);
      assertThat(pollUntil(scanner, 3)).hasSize(3);
    }
  }

  @Test
  void aDroppedTableFailsThePollWithTableNotExist() {
    Table table = createTable(connection, "dropped", 2);
    try (LogScanner scanner = table.newScan().createLogScanner()) {
      scanner.subscribeFromBeginning(0);
      assertThat(pollUntil(scanner, 2)).hasSize(2);
      connection.getAdmin().dropTable(table.getTablePath(), false);
      assertThatThrownBy(
              () -> {
                for (int i = 0; i < 120; i++) {
                  scanner.poll(Duration.ofMillis(500));
                }
              })
          .isExactlyInstanceOf(TableNotExistException.class);
    }
  }
}
