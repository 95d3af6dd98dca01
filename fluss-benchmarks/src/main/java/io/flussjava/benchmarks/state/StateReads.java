package io.flussjava.benchmarks.state;

import io.flussjava.client.Connection;
import io.flussjava.client.Table;
import io.flussjava.client.admin.Admin;
import io.flussjava.client.admin.DatabaseDescriptor;
import io.flussjava.client.admin.KvSnapshots;
import io.flussjava.client.admin.OffsetSpec;
import io.flussjava.client.admin.TableDescriptor;
import io.flussjava.client.admin.TablePath;
import io.flussjava.client.scan.BoundedReader;
import io.flussjava.client.write.UpsertWriter;
import io.flussjava.config.Configuration;
import io.flussjava.kvsnapshot.KvSnapshotReadOptions;
import io.flussjava.kvsnapshot.KvSnapshotReader;
import io.flussjava.testkit.FlussCluster;
import io.flussjava.types.DataTypes;
import io.flussjava.types.Schema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * How fast a primary-key table's state is had: read from its KV snapshots ({@link
 * KvSnapshotReader}) against replaying its whole changelog (a bounded reader from offset 0). Starts
 * a local cluster that snapshots every second, upserts {@code --rows} keys {@code --rounds} times
 * (default 2: the changelog then holds three records per key, +I, -U, +U), waits until the
 * snapshots cover it all, then times each way {@code --repeats} times and prints the medians.
 *
 * <pre>{@code
 * java -jar fluss-benchmarks/target/benchmarks.jar state-reads --rows 300000 --rounds 2
 * }</pre>
 */
public final class StateReads {
  private static final int BUCKETS = 3;

  private StateReads() {}

  public static void main(String[] args) throws Exception {
    int rows = intArg(args, "--rows", 500_000);
    int rounds = intArg(args, "--rounds", 2);
    int repeats = intArg(args, "--repeats", 3);
    // The first round inserts (+I), each later one updates (-U, +U).
    long changelog = (long) rows * (2L * rounds - 1);
    System.out.println(
        "starting a local Fluss cluster (1 tablet server, KV snapshots every second)...");
    try (FlussCluster cluster = FlussCluster.builder().fastLogTiering().build().start()) {
      Configuration conf = new Configuration();
      conf.setString("bootstrap.servers", cluster.bootstrapServers());
      try (Connection connection = Connection.create(conf)) {
        Table table = writeTable(connection, rows, rounds);
        awaitSnapshots(connection.getAdmin(), table.getTablePath());
        List<Double> snapshot = new ArrayList<>();
        List<Double> replay = new ArrayList<>();
        for (int i = 0; i < repeats; i++) {
          snapshot.add(timeSnapshotRead(connection, table, rows));
          replay.add(timeReplay(table, changelog));
        }
        double s = median(snapshot);
        double r = median(replay);
        System.out.printf(
            "%n| way to the state of %,d keys | seconds | state rows/s | records read |%n"
                + "|---|---:|---:|---:|%n"
                + "| KV snapshot read (KvSnapshotReader) | %.2f | %,.0f | %,d rows |%n"
                + "| changelog replay (bounded reader) | %.2f | %,.0f | %,d records |%n"
                + "%nmedians of %d repeats; snapshot read %.1fx faster%n",
            rows, s, rows / s, rows, r, rows / r, changelog, repeats, r / s);
      }
    }
  }

  private static Table writeTable(Connection connection, int rows, int rounds) {
    Admin admin = connection.getAdmin();
    TablePath path = TablePath.of("bench_state", "kv_" + System.currentTimeMillis());
    admin.createDatabase(path.getDatabaseName(), DatabaseDescriptor.EMPTY, true);
    admin.createTable(
        path,
        TableDescriptor.builder()
            .schema(
                Schema.newBuilder()
                    .column("id", DataTypes.BIGINT().notNull())
                    .column("name", DataTypes.STRING())
                    .column("amount", DataTypes.DOUBLE())
                    .primaryKey("id")
                    .build())
            .distributedBy(BUCKETS)
            .build(),
        false);
    Table table = connection.getTable(path);
    long start = System.nanoTime();
    try (UpsertWriter writer = table.newUpsert().createWriter()) {
      for (int round = 0; round < rounds; round++) {
        for (long id = 0; id < rows; id++) {
          writer.upsert(id, "name-" + id + "-" + round, id * 0.5 + round);
        }
      }
    }
    System.out.printf(
        "upserted %,d keys %d times in %.1f s%n", rows, rounds, (System.nanoTime() - start) / 1e9);
    return table;
  }

  /** Waits until each bucket's latest snapshot covers its whole changelog. */
  private static void awaitSnapshots(Admin admin, TablePath path) throws InterruptedException {
    List<Integer> buckets = IntStream.range(0, BUCKETS).boxed().toList();
    while (true) {
      Map<Integer, Long> ends = admin.listOffsets(path, buckets, OffsetSpec.latest());
      KvSnapshots snapshots = admin.getLatestKvSnapshots(path);
      boolean covered =
          buckets.stream()
              .allMatch(
                  b -> snapshots.latest(b).map(s -> s.logOffset()).orElse(-1L).equals(ends.get(b)));
      if (covered) {
        return;
      }
      Thread.sleep(500); // the servers snapshot on their own timer: nothing to be notified by
    }
  }

  private static double timeSnapshotRead(Connection connection, Table table, int expected) {
    long start = System.nanoTime();
    long n = 0;
    try (KvSnapshotReader reader =
        KvSnapshotReader.open(connection, table, KvSnapshotReadOptions.defaults())) {
      while (reader.hasNext()) {
        reader.next();
        n++;
      }
    }
    return seconds(start, n, expected, "snapshot read");
  }

  private static double timeReplay(Table table, long expected) {
    long start = System.nanoTime();
    long n = 0;
    try (BoundedReader reader = table.newScan().createBoundedReader()) {
      while (reader.hasNext()) {
        reader.next();
        n++;
      }
    }
    return seconds(start, n, expected, "changelog replay");
  }

  private static double seconds(long start, long n, long expected, String what) {
    double s = (System.nanoTime() - start) / 1e9;
    if (n != expected) {
      throw new IllegalStateException(what + " read " + n + " records, expected " + expected);
    }
    System.out.printf("%s: %,d in %.2f s%n", what, n, s);
    return s;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  private static int intArg(String[] args, String name, int defaultValue) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return Integer.parseInt(args[i + 1]);
      }
    }
    return defaultValue;
  }
}
