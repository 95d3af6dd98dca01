package io.flussjava.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flussjava.client.admin.DatabaseDescriptor;
import io.flussjava.client.admin.TableDescriptor;
import io.flussjava.client.admin.TablePath;
import io.flussjava.client.scan.BoundedReader;
import io.flussjava.client.scan.LogScanner;
import io.flussjava.client.scan.RemoteLogReadException;
import io.flussjava.client.write.AppendWriter;
import io.flussjava.testkit.FlussCluster;
import io.flussjava.types.DataTypes;
import io.flussjava.types.Schema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A tiered segment the server lists but storage no longer has: the scan returns the records before
 * it and then fails with a {@link RemoteLogReadException} naming the bucket, offset and file,
 * instead of fetching the same offset for ever; a bounded reader fails the same way.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class TieredSegmentMissingITCase {
  private static final TablePath PATH = TablePath.of("tiered_missing", "events");
  private static Connection connection;
  private static Path deleted;
  private static long deletedFrom;

  @BeforeAll
  static void tierThenDeleteTheSecondSegment() throws Exception {
    connection = Connection.create(TieredCluster.clientConf());
    connection.getAdmin().createDatabase(PATH.getDatabaseName(), DatabaseDescriptor.EMPTY, true);
    connection
        .getAdmin()
        .createTable(
            PATH,
            TableDescriptor.builder()
                .schema(Schema.newBuilder().column("name", DataTypes.STRING()).build())
                .distributedBy(1)
                .properties(FlussCluster.FAST_TIERING_TABLE_PROPERTIES)
                .build(),
            false);
    try (AppendWriter writer = connection.getTable(PATH).newAppend().createWriter()) {
      for (int i = 0; i < 20_000; i++) {
        writer.append(TieredLogScanITCase.name(i));
      }
    }
    TieredCluster.awaitTiered(PATH, 3);
    List<Path> segments = TieredCluster.remoteSegments(PATH);
    deleted = segments.get(1);
    deletedFrom = Long.parseLong(deleted.getFileName().toString().replace(".log", ""));
    Files.delete(deleted);
  }

  @AfterAll
  static void disconnect() {
    if (connection != null) {
      connection.close();
    }
  }

  @Test
  void scannerReturnsTheRowsBeforeTheMissingSegmentThenFailsNamingIt() {
    long read = 0;
    try (LogScanner scanner = connection.getTable(PATH).newScan().createLogScanner()) {
      scanner.subscribeFromBeginning(0);
      while (read < deletedFrom) {
        read += scanner.poll(Duration.ofSeconds(1)).count();
      }
      assertThat(read).isEqualTo(deletedFrom);
      assertThatThrownBy(
              () -> {
                while (true) {
                  assertThat(scanner.poll(Duration.ofSeconds(1)).isEmpty()).isTrue();
                }
              })
          .isInstanceOfSatisfying(
              RemoteLogReadException.class,
              e -> {
                assertThat(e.offset()).isEqualTo(deletedFrom);
                assertThat(e.bucket().bucket()).isZero();
                assertThat(Path.of(e.remotePath())).isEqualTo(deleted);
                assertThat(e.getMessage())
                    .contains("offset " + deletedFrom, deleted.toString(), "does not exist");
              });
    }
  }

  @Test
  void boundedReaderFailsToo() {
    try (BoundedReader reader = connection.getTable(PATH).newScan().createBoundedReader()) {
      assertThatThrownBy(
              () -> {
                while (reader.hasNext()) {
                  reader.next();
                }
              })
          .isInstanceOf(RemoteLogReadException.class)
          .hasMessageContaining(deleted.toString());
    }
  }
}
