package io.flussjava.client.scan.internal;

import static io.flussjava.client.scan.internal.FetcherTestKit.PATH;
import static io.flussjava.client.scan.internal.FetcherTestKit.TABLE_ID;
import static io.flussjava.client.scan.internal.FetcherTestKit.bucket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flussjava.client.admin.SchemaInfo;
import io.flussjava.client.admin.TableDescriptor;
import io.flussjava.client.admin.TableInfo;
import io.flussjava.client.fs.LocalFileSystem;
import io.flussjava.client.fs.RemoteFileSystems;
import io.flussjava.client.internal.ConnectionState;
import io.flussjava.client.metadata.SchemaCache;
import io.flussjava.client.metadata.SchemaVersions;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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

  // SCHEMA after ALTER TABLE ADD COLUMN email STRING: schema id 2.
  private static final Schema SCHEMA_V2 =
      SchemaVersions.withAddedColumn(SCHEMA, "email", DataTypes.STRING());

  // Schema loads the scanners start, completed by the tests.
  private final Map<Integer, CompletableFuture<SchemaInfo>> schemaLoads = new HashMap<>();
  private final SchemaCache schemaCache =
      new SchemaCache(
          (path, id) -> schemaLoads.computeIfAbsent(id, k -> new CompletableFuture<>()));
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
        schemaCache,
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

  // ---- Schema evolution: batches of other schema versions.

  private static TableInfo table(String format, Schema schema, int schemaId) {
    TableDescriptor d =
        TableDescriptor.builder()
            .schema(schema)
            .distributedBy(2)
            .property("table.log.format", format)
            .build();
    return new TableInfo(PATH, TABLE_ID, schemaId, d, 1L, 1L);
  }

  /** One batch of {@code rows} of {@code type} written with schema id {@code schemaId}. */
  private byte[] batchOf(String format, RowType type, int schemaId, long base, Object[]... rows) {
    java.util.Map<String, String> props = java.util.Map.of("table.log.format", format);
    try (LogBatchWriter writer =
        LogFormats.forTable(props)
            .createWriter(new LogWriteContext(type, props, 1 << 20, allocator))) {
      for (Object[] row : rows) {
        writer.tryAppend(ChangeType.APPEND_ONLY, row);
      }
      ByteBuffer built = writer.build(schemaId, -1L, -1);
      byte[] out = new byte[built.remaining()];
      built.get(out);
      ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN).putLong(0, base);
      return out;
    }
  }

  /** Row {@code (1, a, 21)} of schema 1 at offset 0, row {@code (2, b, 22, b@x)} of schema 2. */
  private byte[] oneRowOfEachVersion(String format) {
    return concat(
        batchOf(format, SCHEMA.getRowType(), 1, 0, new Object[] {1, "a", 21}),
        batchOf(format, SCHEMA_V2.getRowType(), 2, 1, new Object[] {2, "b", 22, "b@x"}));
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @ParameterizedTest
  @ValueSource(strings = {"ARROW", "INDEXED", "COMPACTED"})
  void rowsOfAnOlderSchemaReadTheAddedColumnAsNullOnceItsSchemaIsLoaded(String format) {
    TableInfo table = table(format, SCHEMA_V2, 2);
    try (LogScannerImpl scanner = scanner(table, null, Long.MAX_VALUE)) {
      scanner.subscribe(0, 0);
      answer(new Response().records(bucket(0), oneRowOfEachVersion(format)));

      // Schema 1 is being loaded: the response waits, and the bucket fetches nothing further.
      assertThat(scanner.poll(Duration.ZERO).isEmpty()).isTrue();
      assertThat(schemaLoads).containsOnlyKeys(1);
      assertThat(server().sent).hasSize(1);

      schemaLoads.get(1).complete(new SchemaInfo(SCHEMA, 1));
      assertThat(rows(scanner.poll(Duration.ZERO)))
          .containsExactly(java.util.Arrays.asList(1, "a", 21, null), List.of(2, "b", 22, "b@x"));
      assertThat(server().sent).hasSize(2);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"ARROW", "INDEXED", "COMPACTED"})
  void aProjectionByNameWorksAcrossVersions(String format) {
    TableInfo table = table(format, SCHEMA_V2, 2);
    schemaCache.put(TABLE_ID, 1, SCHEMA);
    try (LogScannerImpl scanner = scanner(table, new int[] {3, 0}, Long.MAX_VALUE)) {
      scanner.subscribe(0, 0);
      // An altered ARROW table is not cut by the server: its old batches lack column 3.
      assertThat(server().last().request().getTablesReq(0).getProjectionPushdownEnabled())
          .isFalse();
      answer(new Response().records(bucket(0), oneRowOfEachVersion(format)));

      assertThat(rows(scanner.poll(Duration.ZERO)))
          .containsExactly(java.util.Arrays.asList(null, 1), List.of("b@x", 2));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"ARROW", "INDEXED", "COMPACTED"})
  void aScannerMadeBeforeTheChangeKeepsItsSchema(String format) {
    TableInfo table = table(format, SCHEMA, 1);
    schemaCache.put(TABLE_ID, 2, SCHEMA_V2);
    try (LogScannerImpl scanner = scanner(table, null, Long.MAX_VALUE)) {
      scanner.subscribe(0, 0);
      answer(new Response().records(bucket(0), oneRowOfEachVersion(format)));

      assertThat(rows(scanner.poll(Duration.ZERO)))
          .containsExactly(List.of(1, "a", 21), List.of(2, "b", 22));
    }
  }

  @Test
  void aPushedDownProjectionOfAScannerMadeBeforeTheChangeReadsNewBatches() {
    TableInfo table = table("ARROW", SCHEMA, 1);
    schemaCache.put(TABLE_ID, 2, SCHEMA_V2);
    try (LogScannerImpl scanner = scanner(table, new int[] {2, 0}, Long.MAX_VALUE)) {
      scanner.subscribe(0, 0);
      // The server cuts batches of both versions to columns 0 and 2.
      RowType cut = SCHEMA.getRowType().project(new int[] {0, 2});
      byte[] records =
          concat(
              batchOf("ARROW", cut, 1, 0, new Object[] {1, 21}),
              batchOf("ARROW", cut, 2, 1, new Object[] {2, 22}));
      answer(new Response().records(bucket(0), records));

      assertThat(rows(scanner.poll(Duration.ZERO))).containsExactly(List.of(21, 1), List.of(22, 2));
    }
  }

  @Test
  void arrowBatchesOfAnOlderSchemaGetANullVectorForTheAddedColumn() {
    TableInfo table = table("ARROW", SCHEMA_V2, 2);
    schemaCache.put(TABLE_ID, 1, SCHEMA);
    try (LogScannerImpl scanner = scanner(table, new int[] {3, 1}, Long.MAX_VALUE)) {
      scanner.subscribe(1, 0);
      answer(new Response().records(bucket(1), oneRowOfEachVersion("ARROW")));

      try (ArrowScanBatches batches = scanner.pollBatches(Duration.ZERO)) {
        assertThat(batches.batches()).hasSize(2);
        for (ArrowScanBatch batch : batches.batches()) {
          assertThat(batch.root().getSchema().getFields())
              .extracting(f -> f.getName())
              .containsExactly("email", "name");
        }
        assertThat(batches.batches().get(0).root().getVector("email").isNull(0)).isTrue();
        assertThat(batches.batches().get(0).root().getVector("name").getObject(0).toString())
            .isEqualTo("a");
        assertThat(batches.batches().get(1).root().getVector("email").getObject(0).toString())
            .isEqualTo("b@x");
      }
    }
  }

  @Test
  void aSchemaThatCannotBeLoadedEndsTheBucketWithTheTypedError() {
    TableInfo table = table("INDEXED", SCHEMA_V2, 2);
    try (LogScannerImpl scanner = scanner(table, null, Long.MAX_VALUE)) {
      scanner.subscribe(0, 0);
      answer(
          new Response()
              .records(
                  bucket(0),
                  batchOf("INDEXED", SCHEMA.getRowType(), 1, 0, new Object[] {1, "a", 21})));
      assertThat(scanner.poll(Duration.ZERO).isEmpty()).isTrue();
      schemaLoads
          .get(1)
          .completeExceptionally(new io.flussjava.exception.SchemaNotExistException("no schema 1"));

      assertThatThrownBy(() -> scanner.poll(Duration.ZERO))
          .isInstanceOf(io.flussjava.exception.SchemaNotExistException.class);
    }
  }
}
