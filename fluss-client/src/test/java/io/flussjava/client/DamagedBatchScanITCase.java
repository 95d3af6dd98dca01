package io.flussjava.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.UnsafeByteOperations;
import io.flussjava.client.admin.DatabaseDescriptor;
import io.flussjava.client.admin.TableDescriptor;
import io.flussjava.client.admin.TablePath;
import io.flussjava.client.metadata.TableMetadata;
import io.flussjava.client.scan.ArrowScanBatch;
import io.flussjava.client.scan.ArrowScanBatches;
import io.flussjava.client.scan.LogScanner;
import io.flussjava.client.scan.ScanRecord;
import io.flussjava.client.write.AppendWriter;
import io.flussjava.log.ChangeType;
import io.flussjava.log.CorruptRecordException;
import io.flussjava.log.LogBatchWriter;
import io.flussjava.log.LogFormats;
import io.flussjava.log.LogWriteContext;
import io.flussjava.rpc.ApiMethods;
import io.flussjava.rpc.protocol.ProduceLogRequest;
import io.flussjava.types.DataTypes;
import io.flussjava.types.Schema;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

/**
 * A batch the scanner cannot decode (appended by hand with another schema's columns, which the
 * server does not check) is neither skipped silently nor a wall every poll hits: the records before
 * it are returned, the next poll fails naming it, the bucket is no longer read, and subscribing
 * past it reads on.
 */
class DamagedBatchScanITCase extends ClientTestBase {

  @Test
  void aBatchThatCannotBeDecodedStopsTheBucketAfterTheRecordsBeforeIt() throws Exception {
    Table table = tableWithADamagedBatch();

    try (LogScanner scanner = table.newScan().createLogScanner()) {
      scanner.subscribeFromBeginning(0);
      List<ScanRecord> before = new ArrayList<>();
      RuntimeException failure = null;
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (failure == null && System.nanoTime() < deadline) {
        try {
          scanner.poll(Duration.ofMillis(200)).forEach(before::add);
        } catch (RuntimeException e) {
          failure = e;
        }
      }
      assertThat(before)
          .extracting(ScanRecord::offset)
          .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
      assertThat(failure)
          .isInstanceOf(CorruptRecordException.class)
          .hasMessageContaining("offset 10");
      assertThat(((CorruptRecordException) failure).baseOffset()).isEqualTo(10);
      // The bucket is no longer read: not the same error again; with no bucket left, poll says to
      // subscribe.
      assertThatThrownBy(() -> scanner.poll(Duration.ofMillis(500)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("no bucket subscribed");

      scanner.subscribe(0, 15);
      List<ScanRecord> after = LogTableITCase.pollUntil(scanner, 10);
      assertThat(after).extracting(r -> r.getValue(1)).first().isEqualTo("after-15");
      assertThat(after).hasSize(10);
    }
  }

  @Test
  void pollBatchesStopsAtTheDamagedBatchToo() throws Exception {
    Table table = tableWithADamagedBatch();
    try (LogScanner scanner = table.newScan().createLogScanner()) {
      scanner.subscribeFromBeginning(0);
      long rows = 0;
      RuntimeException failure = null;
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (failure == null && System.nanoTime() < deadline) {
        try (ArrowScanBatches batches = scanner.pollBatches(Duration.ofMillis(200))) {
          for (ArrowScanBatch batch : batches) {
            assertThat(batch.lastOffset()).isLessThan(10);
            rows += batch.rowCount();
          }
        } catch (RuntimeException e) {
          failure = e;
        }
      }
      assertThat(rows).isEqualTo(10);
      assertThat(failure).isInstanceOf(CorruptRecordException.class);
      scanner.subscribe(0, 15);
      assertThat(scanner.pollBatches(Duration.ofSeconds(10)).iterator().next().baseOffset())
          .isEqualTo(15);
    }
  }

  /**
   * A log table holding rows 0..9, a batch of 5 records (offsets 10..14) that cannot be decoded,
   * then rows 15..24.
   */
  private static Table tableWithADamagedBatch() throws Exception {
    String db = uniqueName("damaged_db");
    connection.getAdmin().createDatabase(db, DatabaseDescriptor.EMPTY, false);
    TablePath path = TablePath.of(db, "events");
    Schema schema =
        Schema.newBuilder()
            .column("id", DataTypes.INT())
            .column("name", DataTypes.STRING())
            .build();
    connection
        .getAdmin()
        .createTable(
            path,
            TableDescriptor.builder()
                .schema(schema)
                .distributedBy(1)
                .property("table.log.arrow.compression.type", "NONE")
                .build(),
            false);
    Table table = connection.getTable(path);

    try (AppendWriter writer = table.newAppend().createWriter()) {
      for (int i = 0; i < 10; i++) {
        writer.append(i, "before-" + i);
      }
    }
    appendBatchOfOneColumn(table, 5); // offsets 10..14
    try (AppendWriter writer = table.newAppend().createWriter()) {
      for (int i = 15; i < 25; i++) {
        writer.append(i, "after-" + i);
      }
    }

    return table;
  }

  /**
   * Appends, outside any writer, an ARROW batch holding only the first column: valid framing, wrong
   * body.
   */
  private static void appendBatchOfOneColumn(Table table, int rows) throws Exception {
    Map<String, String> props = table.getTableInfo().getProperties();
    try (RootAllocator allocator = new RootAllocator();
        LogBatchWriter writer =
            LogFormats.forTable(props)
                .createWriter(
                    new LogWriteContext(
                        DataTypes.ROW(DataTypes.FIELD("id", DataTypes.INT())),
                        props,
                        1 << 20,
                        allocator))) {
      for (int i = 0; i < rows; i++) {
        writer.tryAppend(ChangeType.APPEND_ONLY, new Object[] {100 + i});
      }
      ByteBuffer batch = writer.build(table.getTableInfo().getSchemaId(), -1L, -1);
      TableMetadata meta = connection.metadata().table(table.getTablePath()).get();
      ProduceLogRequest.Builder request =
          ProduceLogRequest.newBuilder()
              .setAcks(-1)
              .setTableId(table.getTableInfo().getTableId())
              .setTimeoutMs(30_000);
      request
          .addBucketsReqBuilder()
          .setBucketId(0)
          .setRecords(UnsafeByteOperations.unsafeWrap(batch));
      var response =
          connection
              .metadata()
              .tabletServer(meta.leaderOf(0))
              .send(ApiMethods.PRODUCE_LOG, request.build())
              .get();
      assertThat(response.getBucketsResp(0).hasErrorCode()).as("%s", response).isFalse();
    }
  }
}
