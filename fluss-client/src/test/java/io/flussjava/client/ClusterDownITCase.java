package io.flussjava.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flussjava.client.admin.DatabaseDescriptor;
import io.flussjava.client.admin.TableDescriptor;
import io.flussjava.client.admin.TablePath;
import io.flussjava.client.write.AppendWriter;
import io.flussjava.client.write.WriteResult;
import io.flussjava.config.Configuration;
import io.flussjava.exception.TimeoutException;
import io.flussjava.testkit.FlussCluster;
import io.flussjava.types.DataTypes;
import io.flussjava.types.Schema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * With the tablet server gone, writers hold at most the configured buffer, block when it is full,
 * and fail with a TimeoutException (never an OOM or a hang) once the buffer wait and the delivery
 * timeout have passed.
 */
class ClusterDownITCase {

  @Test
  void writesAreBoundedAndTimeOutWhileTheClusterIsDown() throws Exception {
    try (FlussCluster cluster = FlussCluster.builder().build()) {
      cluster.start();
      Configuration conf = new Configuration();
      conf.setString("bootstrap.servers", cluster.bootstrapServers());
      conf.setString("client.request-timeout", "2s");
      conf.setString("client.writer.batch-size", "16kb");
      conf.setString("client.writer.buffer.memory-size", "64kb");
      conf.setString("client.writer.buffer.wait-timeout", "1s");
      conf.setString("client.writer.delivery-timeout", "6s");
      try (Connection connection = Connection.create(conf)) {
        connection.getAdmin().createDatabase("down_db", DatabaseDescriptor.EMPTY, false);
        TablePath path = TablePath.of("down_db", "t");
        Schema schema =
            Schema.newBuilder()
                .column("id", DataTypes.BIGINT())
                .column("s", DataTypes.STRING())
                .build();
        connection
            .getAdmin()
            .createTable(
                path, TableDescriptor.builder().schema(schema).distributedBy(1).build(), false);
        Table table = connection.getTable(path);
        AppendWriter writer = table.newAppend().createWriter();
        writer
            .append(0L, "warm-up")
            .get(30, TimeUnit.SECONDS); // metadata and writer id are in place

        cluster.stopTabletServer(0);
        String payload = "x".repeat(200);
        List<CompletableFuture<WriteResult>> accepted = new ArrayList<>();
        long start = System.nanoTime();
        assertThatThrownBy(
                () -> {
                  for (long i = 1; i < 1_000_000; i++) {
                    accepted.add(writer.append(i, payload));
                  }
                })
            .isInstanceOf(TimeoutException.class)
            .hasMessageContaining("client.writer.buffer.memory-size");
        // The budget bounds what is held: 64 KB of batches of ~200-byte rows is a few hundred rows,
        // not millions.
        assertThat(accepted.size()).isBetween(1, 2_000);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));

        // Every accepted write fails with a timeout once the delivery timeout passes; none hangs.
        for (CompletableFuture<WriteResult> f : accepted) {
          assertThatThrownBy(() -> f.get(30, TimeUnit.SECONDS))
              .isInstanceOf(ExecutionException.class)
              .hasCauseInstanceOf(TimeoutException.class);
        }
        assertThatThrownBy(writer::flush).isInstanceOf(TimeoutException.class);

        // Back up: the same writer works again.
        cluster.restartTabletServer(0);
        assertThat(writer.append(-1L, "after").get(60, TimeUnit.SECONDS).bucket()).isZero();
      }
    }
  }
}
