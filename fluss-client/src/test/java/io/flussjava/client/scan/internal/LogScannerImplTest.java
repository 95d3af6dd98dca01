package io.flussjava.client.scan.internal;

import static io.flussjava.client.scan.internal.FetcherTestKit.PATH;
import static io.flussjava.client.scan.internal.FetcherTestKit.TABLE_ID;
import static io.flussjava.client.scan.internal.FetcherTestKit.bucket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flussjava.client.admin.TableDescriptor;
import io.flussjava.client.admin.TableInfo;
import io.flussjava.client.fs.LocalFileSystem;
import io.flussjava.client.fs.RemoteFileSystems;
import io.flussjava.client.internal.ConnectionState;
import io.flussjava.client.scan.ArrowScanBatch;
import io.flussjava.client.scan.ArrowScanBatches;
import io.flussjava.client.scan.ScanRecord;
import io.flussjava.client.scan.ScanRecords;
import io.flussjava.client.scan.internal.FetcherTestKit.FakeClock;
import io.flussjava.client.scan.internal.FetcherTestKit.FakeRouter;
import io.flussjava.client.scan.internal.FetcherTestKit.FakeServer;
import io.flussjava.client.scan.internal.FetcherTestKit.Response;
import io.flussjava.config.ClientOptions;
import io.flussjava.config.Configuration;
import io.flussjava.exception.ClosedException;
import io.flussjava.exception.Errors;
import io.flussjava.exception.LogOffsetOutOfRangeException;
import io.flussjava.log.ChangeType;
import io.flussjava.log.LogBatchWriter;
import io.flussjava.log.LogFormats;
import io.flussjava.log.LogWriteContext;
import io.flussjava.types.DataTypes;
import io.flussjava.types.RowType;
import io.flussjava.types.Schema;
import io.flussjava.types.convert.TypeConverters;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The scanner facade over fake servers at fake time: decoding on demand, projection, limits, typed
 * errors and the lifecycle. Polls use a zero timeout; the test answers fetches between polls.
 */
class LogScannerImplTest {
  private static final Schema SCHEMA =
      Schema.newBuilder()
          .column("id", DataTypes.INT().notNull())
          .column("name", DataTypes.STRING())
          .column("age", DataTypes.INT())
          .build();

  private final FakeClock clock = new FakeClock();
  private final FakeRouter router = new FakeRouter();
  private final ConnectionState connection = new ConnectionState();
  private final RootAllocator allocator = new RootAllocator();

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  private static TableInfo table(String format) {
    TableDescriptor d =
        TableDescriptor.builder()
            .schema(SCHEMA)
            .distributedBy(2)
            .property("table.log.format", format)
            .build();
    return new TableInfo(PATH, TABLE_ID, 1, d, 1L, 1L);
  }

  private LogScannerImpl scanner(TableInfo table, int[] projection, long limit) {
    Configuration conf = new Configuration();
    conf.set(ClientOptions.SCANNER_MAX_POLL_RECORDS, 3);
    router.lead(bucket(0), 1);
    router.lead(bucket(1), 1);
    return new LogScannerImpl(
        "LogScanner",
        table,
        projection,
        limit,
        false,
        null,
        null,
        conf,
        TypeConverters.defaults(),
        connection,
        router,
        clock,
        RemoteFileSystems.of(new LocalFileSystem()));
  }

  /**
   * One batch of rows {@code (i, "n" + i, 20 + i)} at offsets {@code base..}, of the columns {@code
   * fields}.
   */
  private byte[] batch(TableInfo table, int[] fields, long base, int count) {
    RowType type = fields == null ? table.getRowType() : table.getRowType().project(fields);
    try (LogBatchWriter writer =
        LogFormats.forTable(table.getProperties())
            .createWriter(new LogWriteContext(type, table.getProperties(), 1 << 20, allocator))) {
      for (int i = 0; i < count; i++) {
        Object[] full = {(int) base + i, "n" + (base + i), 20 + (int) base + i};
        Object[] row = full;
        if (fields != null) {
          row = new Object[fields.length];
          for (int f = 0; f < fields.length; f++) {
            row[f] = full[fields[f]];
          }
        }
        writer.tryAppend(ChangeType.APPEND_ONLY, row);
      }
      ByteBuffer built = writer.build(1, -1L, -1);
      byte[] out = new byte[built.remaining()];
      built.get(out);
      ByteBuffer.wrap(out)
          .order(ByteOrder.LITTLE_ENDIAN)
          .putLong(0, base); // the server assigns offsets
      return out;
    }
  }

  private FakeServer server() {
    return router.server(1);
  }

  private void answer(Response response) {
    server().last().future().complete(response.build());
  }

  private static List<List<Object>> rows(ScanRecords records) {
    List<List<Object>> out = new ArrayList<>();
    records.forEach(r -> out.add(r.getRow()));
    return out;
  }

  @ParameterizedTest
  @ValueSource(strings = {"ARROW", "INDEXED", "COMPACTED"})
  void pollDecodesOnlyWhatItReturnsAndGoesOnMidResponse(String format) {
    TableInfo table = table(format);
    try (LogScannerImpl scanner = scanner(table, null, Long.MAX_VALUE)) {
      scanner.subscribe(0, 0);
      answer(new Response().records(bucket(0), batch(table, null, 0, 5)));

      ScanRecords first = scanner.poll(Duration.ZERO);
      assertThat(first.buckets()).containsExactly(bucket(0));
      assertThat(first.records(bucket(0)))
          .extracting(ScanRecord::offset)
          .containsExactly(0L, 1L, 2L);
      assertThat(first.records(0).get(0).tableBucket()).isEqualTo(bucket(0));
      // Taken for decoding: the next fetch is already out, from after the response's last batch.
      assertThat(server().sent).hasSize(2);
      assertThat(server().last().offsetOf(bucket(0))).isEqualTo(5);

      ScanRecords second = scanner.poll(Duration.ZERO);
      assertThat(second.records(0)).extracting(ScanRecord::offset).containsExactly(3L, 4L);
      assertThat(rows(second)).containsExactly(List.of(3, "n3", 23), List.of(4, "n4", 24));
      assertThat(scanner.poll(Duration.ZERO).isEmpty()).isTrue();
    }
  }

  @Test
  void anArrowProjectionComesBackInTheAskedOrder() {
    TableInfo table = table("ARROW");
    try (LogScannerImpl scanner = scanner(table, new int[] {2, 0}, Long.MAX_VALUE)) {
      scanner.subscribe(0, 0);
      assertThat(server().last().request().getTablesReq(0).getProjectedFieldsList())
          .containsExactly(0, 2);
      answer(new Response().records(bucket(0), batch(table, new int[] {0, 2}, 0, 2)));

      assertThat(rows(scanner.poll(Duration.ZERO))).containsExactly(List.of(20, 0), List.of(21, 1));
    }
  }

  @Test
  void arrowBatchesOfAProjectionComeBackInTheAskedOrder() {
    TableInfo table = table("ARROW");
    try (LogScannerImpl scanner = scanner(table, new int[] {2, 0}, Long.MAX_VALUE)) {
      scanner.subscribe(1, 0);
      answer(new Response().records(bucket(1), batch(table, new int[] {0, 2}, 0, 2)));

      ArrowScanBatches batches = scanner.pollBatches(Duration.ZERO);
      ArrowScanBatch batch = batches.batches().get(0);
      assertThat(batch.tableBucket()).isEqualTo(bucket(1));
      assertThat(batch.root().getSchema().getFields())
          .extracting(f -> f.getName())
          .containsExactly("age", "id");
      assertThat(batch.root().getVector("age").getObject(1)).isEqualTo(21);
    }
  }

  @Test
  void aRowFormatProjectionIsAppliedOnceByTheReader() {
    TableInfo table = table("INDEXED");
    try (LogScannerImpl scanner = scanner(table, new int[] {1, 0}, Long.MAX_VALUE)) {
      scanner.subscribe(0, 0);
      assertThat(server().last().request().getTablesReq(0).getProjectionPushdownEnabled())
          .isFalse();
      answer(new Response().records(bucket(0), batch(table, null, 0, 2)));

      assertThat(rows(scanner.poll(Duration.ZERO)))
          .containsExactly(List.of("n0", 0), List.of("n1", 1));
    }
  }

  @Test
  void aLimitEndsTheScanExactly() {
    TableInfo table = table("ARROW");
    try (LogScannerImpl scanner = scanner(table, null, 4)) {
      scanner.subscribe(0, 0);
      answer(new Response().records(bucket(0), batch(table, null, 0, 10)));
      assertThat(scanner.poll(Duration.ZERO).count()).isEqualTo(3);
      assertThat(scanner.isEndReached()).isFalse();
      assertThat(scanner.poll(Duration.ZERO).count()).isEqualTo(1);
      assertThat(scanner.isEndReached()).isTrue();
      assertThat(scanner.poll(Duration.ZERO).isEmpty()).isTrue();
    }
  }

  @Test
  void aFetchErrorReachesPollTypedAndTheOtherBucketsGoOn() {
    TableInfo table = table("ARROW");
    try (LogScannerImpl scanner = scanner(table, null, Long.MAX_VALUE)) {
      scanner.subscribe(0, 0);
      scanner.subscribe(1, 50); // a fetch of its own: the one of bucket 0 is in flight
      server()
          .sent
          .get(0)
          .future()
          .complete(new Response().records(bucket(0), batch(table, null, 0, 2)).build());
      server()
          .sent
          .get(1)
          .future()
          .complete(
              new Response()
                  .error(bucket(1), Errors.LOG_OFFSET_OUT_OF_RANGE_EXCEPTION.code(), "out of range")
                  .build());

      assertThatThrownBy(() -> scanner.poll(Duration.ZERO))
          .isExactlyInstanceOf(LogOffsetOutOfRangeException.class)
          .hasMessageContaining("bucket 1 at offset 50");
      assertThat(scanner.poll(Duration.ZERO).records(bucket(0))).hasSize(2); // bucket 0 goes on
    }
  }

  @Test
  void pollWithoutSubscriptionFailsAtOnce() {
    try (LogScannerImpl scanner = scanner(table("ARROW"), null, Long.MAX_VALUE)) {
      assertThatThrownBy(() -> scanner.poll(Duration.ofHours(1)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("no bucket subscribed");
    }
  }

  @Test
  void closedScannersAndConnectionsThrowClosedException() {
    TableInfo table = table("ARROW");
    LogScannerImpl scanner = scanner(table, null, Long.MAX_VALUE);
    scanner.subscribe(0, 0);
    connection.close();
    assertThatThrownBy(() -> scanner.poll(Duration.ZERO))
        .isExactlyInstanceOf(ClosedException.class)
        .hasMessage("the Connection of LogScanner of db.t is closed");

    scanner.close();
    scanner.close();
    assertThatThrownBy(() -> scanner.poll(Duration.ZERO))
        .isExactlyInstanceOf(ClosedException.class)
        .hasMessage("this LogScanner of db.t is closed");
    assertThatThrownBy(() -> scanner.pause(0)).isExactlyInstanceOf(ClosedException.class);
  }

  @Test
  void aResponseArrivingAfterCloseIsDroppedAndBatchesHandedOutAreFreed() {
    TableInfo table = table("ARROW");
    LogScannerImpl scanner = scanner(table, null, Long.MAX_VALUE);
    scanner.subscribe(0, 0);
    answer(new Response().records(bucket(0), batch(table, null, 0, 2)));
    ArrowScanBatches handedOut = scanner.pollBatches(Duration.ZERO);
    assertThat(handedOut.recordCount()).isEqualTo(2);

    scanner.close(); // frees the batches and the allocator (which fails on a leak)

    assertThat(handedOut.isClosed()).isTrue();
    answer(new Response().records(bucket(0), batch(table, null, 2, 2)));
  }

  @Test
  void pausedBucketsKeepTheirPosition() {
    TableInfo table = table("ARROW");
    try (LogScannerImpl scanner = scanner(table, null, Long.MAX_VALUE)) {
      scanner.subscribe(0, 0);
      scanner.pause(0);
      answer(new Response().records(bucket(0), batch(table, null, 0, 2)));
      assertThat(scanner.poll(Duration.ZERO).count())
          .isEqualTo(2); // fetched before the pause: still returned
      assertThat(server().sent).hasSize(1);
      scanner.resume(0);
      scanner.poll(Duration.ZERO);
      assertThat(server().last().offsetOf(bucket(0))).isEqualTo(2);
      assertThatThrownBy(() -> scanner.pause(1)).isInstanceOf(IllegalStateException.class);
    }
  }
}
