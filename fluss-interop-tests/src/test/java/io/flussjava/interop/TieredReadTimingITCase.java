package io.flussjava.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.flussjava.client.Connection;
import io.flussjava.client.admin.DatabaseDescriptor;
import io.flussjava.client.admin.TableDescriptor;
import io.flussjava.client.admin.TablePath;
import io.flussjava.client.scan.BoundedReader;
import io.flussjava.client.write.AppendWriter;
import io.flussjava.config.Configuration;
import io.flussjava.testkit.FlussCluster;
import io.flussjava.types.DataTypes;
import io.flussjava.types.Schema;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A measurement, not a check (run with {@code -Dtiered.timing=true}): how long reading 200,000 rows
 * from offset 0 takes when the server holds them only in tiered segments (1 MB segments tiered
 * every second), fluss-java next to the official client. Each client reads twice; the second read
 * counts (warm JVM).
 */
@EnabledIfSystemProperty(named = "tiered.timing", matches = "true")
class TieredReadTimingITCase {
  private static final Logger LOG = LoggerFactory.getLogger(TieredReadTimingITCase.class);
  private static final int ROWS = 200_000;

  @Test
  void readTwoHundredThousandTieredRowsFromOffsetZero() throws Exception {
    try (FlussCluster cluster = FlussCluster.builder().fastLogTiering().build().start()) {
      Configuration conf = new Configuration();
      conf.setString("bootstrap.servers", cluster.bootstrapServers());
      conf.setString("client.writer.batch-size", "64kb");
      TablePath path = TablePath.of("timing", "events");
      try (Connection connection = Connection.create(conf)) {
        connection.getAdmin().createDatabase("timing", DatabaseDescriptor.EMPTY, true);
        connection
            .getAdmin()
            .createTable(
                path,
                TableDescriptor.builder()
                    .schema(
                        Schema.newBuilder()
                            .column("id", DataTypes.INT().notNull())
                            .column("name", DataTypes.STRING())
                            .column("amount", DataTypes.BIGINT())
                            .build())
                    .distributedBy(1)
                    .properties(FlussCluster.FAST_TIERING_TABLE_PROPERTIES)
                    .build(),
                false);
        try (AppendWriter writer = connection.getTable(path).newAppend().createWriter()) {
          for (int id = 0; id < ROWS; id++) {
            long h = id * 0x9E3779B97F4A7C15L;
            writer.append(id, Long.toHexString(h) + Long.toHexString(~h), (long) id);
          }
        }
        cluster.awaitLogTiered(0, "timing", "events", 0, 3, Duration.ofMinutes(3));
        // Until the server keeps only its last closed segment and the active one: the rest is
        // read from remote storage.
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (cluster.localLogSegments(0, "timing", "events", 0).size() > 2) {
          assertThat(System.nanoTime() - deadline).isNegative();
          Thread.sleep(200);
        }
        int tiered = cluster.remoteLogSegments("timing", "events", 0).size();
        int local = cluster.localLogSegments(0, "timing", "events", 0).size();

        double[] java = new double[2];
        for (int run = 0; run < 2; run++) {
          long start = System.nanoTime();
          long read = 0;
          try (BoundedReader reader = connection.getTable(path).newScan().createBoundedReader()) {
            while (reader.hasNext()) {
              reader.next();
              read++;
            }
          }
          java[run] = (System.nanoTime() - start) / 1e9;
          assertThat(read).isEqualTo(ROWS);
        }
        double[] official = new double[2];
        for (int run = 0; run < 2; run++) {
          long start = System.nanoTime();
          int read =
              OfficialClient.scan(
                      cluster.bootstrapServers(),
                      "timing",
                      "events",
                      ROWS,
                      null,
                      Duration.ofMinutes(2))
                  .size();
          official[run] = (System.nanoTime() - start) / 1e9;
          assertThat(read).isEqualTo(ROWS);
        }
        LOG.info(
            String.format(
                Locale.ROOT,
                "TIERED READ %d rows (%d tiered, %d local segments): fluss-java %.2f s (cold %.2f s),"
                    + " official %.2f s (cold %.2f s)",
                ROWS,
                tiered,
                local,
                java[1],
                java[0],
                official[1],
                official[0]));
      }
    }
  }
}
