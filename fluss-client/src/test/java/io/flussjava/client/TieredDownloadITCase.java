package io.flussjava.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.flussjava.client.admin.TablePath;
import io.flussjava.client.scan.LogScanner;
import io.flussjava.client.scan.ScanRecord;
import io.flussjava.client.write.AppendWriter;
import io.flussjava.config.Configuration;
import io.flussjava.types.DataTypes;
import io.flussjava.types.Schema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tiered segments read the way storage without local paths (S3 and the like) is read: downloaded on
 * the scanner's threads into {@code client.scanner.io.tmpdir}, a few segments ahead, each file
 * deleted once read and the scanner's directory at close.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class TieredDownloadITCase {
  private static final TablePath PATH = TablePath.of("tiered_download", "events");
  private static final int ROWS = 20_000;
  private static Connection connection;

  @TempDir Path tmp;

  @BeforeAll
  static void writeAndTier() {
    Configuration conf = TieredCluster.clientConf();
    connection = Connection.create(conf);
    TieredCluster.createTable(
        connection,
        PATH,
        Schema.newBuilder()
            .column("id", DataTypes.INT().notNull())
            .column("name", DataTypes.STRING())
            .build(),
        Map.of());
    try (AppendWriter writer = connection.getTable(PATH).newAppend().createWriter()) {
      for (int id = 0; id < ROWS; id++) {
        writer.append(id, TieredLogScanITCase.name(id));
      }
    }
    TieredCluster.awaitTiered(PATH, 3);
    DownloadSwitchFileSystem.download = true;
  }

  @AfterAll
  static void disconnect() {
    DownloadSwitchFileSystem.download = false;
    if (connection != null) {
      connection.close();
    }
  }

  @Test
  void downloadedSegmentsReadLikeFetchesAndLeaveNoFilesBehind() throws Exception {
    int openedBefore = DownloadSwitchFileSystem.OPENED.get();
    Configuration conf = TieredCluster.clientConf();
    conf.setString("client.scanner.io.tmpdir", tmp.toString());
    conf.setString("client.scanner.remote-log.prefetch-num", "2");
    conf.setString("client.remote-file.download-thread-num", "2");
    List<ScanRecord> records = new ArrayList<>(ROWS);
    try (Connection downloading = Connection.create(conf);
        LogScanner scanner =
            downloading.getTable(PATH).newScan().project("name").createLogScanner()) {
      scanner.subscribeFromBeginning(0);
      long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
      while (records.size() < ROWS && System.nanoTime() < deadline) {
        scanner.poll(Duration.ofSeconds(1)).forEach(records::add);
        try (Stream<Path> files = Files.walk(tmp)) {
          // Downloaded and not yet read: at most the prefetch bound (plus one being handed over).
          assertThat(files.filter(Files::isRegularFile).count()).isLessThanOrEqualTo(3);
        }
      }
    }
    assertThat(records).hasSize(ROWS);
    for (int i = 0; i < ROWS; i++) {
      assertThat(records.get(i).offset()).isEqualTo(i);
      assertThat(records.get(i).getRow()).containsExactly(TieredLogScanITCase.name(i));
    }
    assertThat(DownloadSwitchFileSystem.OPENED.get() - openedBefore)
        .as("segments downloaded")
        .isGreaterThanOrEqualTo(3);
    try (Stream<Path> left = Files.walk(tmp)) {
      assertThat(left.filter(p -> !p.equals(tmp)).toList())
          .as("nothing left in client.scanner.io.tmpdir after close")
          .isEmpty();
    }
  }
}
