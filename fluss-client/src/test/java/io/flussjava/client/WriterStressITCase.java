package io.flussjava.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.flussjava.client.admin.DatabaseDescriptor;
import io.flussjava.client.admin.TableDescriptor;
import io.flussjava.client.admin.TablePath;
import io.flussjava.client.lookup.Lookuper;
import io.flussjava.client.scan.LogScanner;
import io.flussjava.client.scan.ScanRecord;
import io.flussjava.client.scan.ScanRecords;
import io.flussjava.client.write.AppendWriter;
import io.flussjava.client.write.UpsertWriter;
import io.flussjava.types.DataTypes;
import io.flussjava.types.RowType;
import io.flussjava.types.Schema;
import io.flussjava.types.codec.BucketHasher;
import io.flussjava.types.codec.CompactedKeyEncoder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Writers are documented as thread-safe: several threads share one writer, and every row must land
 * in its own bucket under its own key. (A shared key-encoder scratch buffer once put rows into
 * other rows' buckets and keys.) Runs {@code -Dstress.seconds} per test, 8 by default.
 */
class WriterStressITCase extends ClientTestBase {
  private static final int THREADS = 3;
  private static final int BUCKETS = 4;
  private static final long SECONDS = Long.getLong("stress.seconds", 8);
  private static final int MAX_ROWS_PER_THREAD = 150_000;
  private static String db;
  private static ExecutorService pool;

  @BeforeAll
  static void setUp() {
    db = uniqueName("stress_db");
    connection.getAdmin().createDatabase(db, DatabaseDescriptor.EMPTY, false);
    pool = Executors.newFixedThreadPool(THREADS);
  }

  @AfterAll
  static void tearDown() {
    pool.shutdownNow();
  }

  /** The bucket of a key, computed on this thread alone with encoders of its own. */
  private static int expectedBucket(RowType rowType, int keyColumn, Object[] row) {
    return BucketHasher.bucketFor(
        new CompactedKeyEncoder(rowType, new int[] {keyColumn}).encodeKey(row), BUCKETS);
  }

  /**
   * The key a log row of writer {@code w} with sequence {@code seq} carries: derived, so that it
   * can be checked.
   */
  private static String keyOf(int w, long seq) {
    return "key-" + Math.floorMod(w * 7919L + seq * 31L, 1000L);
  }

  /** Runs {@code task(w)} for w = 0..THREADS-1 on threads of their own; results in order of w. */
  private static <T> List<T> runOnThreads(java.util.function.IntFunction<Callable<T>> task)
      throws Exception {
    List<Future<T>> futures = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      futures.add(pool.submit(task.apply(i)));
    }
    List<T> out = new ArrayList<>();
    for (Future<T> f : futures) {
      out.add(f.get());
    }
    return out;
  }

  @Test
  void threadsSharingAnAppendWriterPutEveryRowInItsBucketOnce() throws Exception {
    Schema schema =
        Schema.newBuilder()
            .column("k", DataTypes.STRING())
            .column("w", DataTypes.INT())
            .column("seq", DataTypes.BIGINT())
            .build();
    TablePath path = TablePath.of(db, "log_stress");
    connection
        .getAdmin()
        .createTable(
            path,
            TableDescriptor.builder().schema(schema).distributedBy(BUCKETS, "k").build(),
            false);
    Table table = connection.getTable(path);
    long end = System.nanoTime() + Duration.ofSeconds(SECONDS).toNanos();
    List<Long> written;
    try (AppendWriter writer = table.newAppend().createWriter()) {
      written =
          runOnThreads(
              w ->
                  () -> {
                    long seq = 0;
                    while (seq < MAX_ROWS_PER_THREAD && System.nanoTime() < end) {
                      writer.append(keyOf(w, seq), w, seq);
                      seq++;
                    }
                    writer.flush();
                    return seq;
                  });
    }
    long total = written.stream().mapToLong(Long::longValue).sum();
    assertThat(total).isGreaterThan(1000);

    long[] seen = new long[THREADS];
    boolean[][] once = new boolean[THREADS][];
    for (int w = 0; w < THREADS; w++) {
      once[w] = new boolean[written.get(w).intValue()];
    }
    RowType rowType = schema.getRowType();
    long count = 0;
    List<String> wrong = new ArrayList<>();
    try (LogScanner scanner = table.newScan().createLogScanner()) {
      for (int b = 0; b < BUCKETS; b++) {
        scanner.subscribeFromBeginning(b);
      }
      long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
      while (count < total && System.nanoTime() < deadline) {
        ScanRecords records = scanner.poll(Duration.ofMillis(500));
        for (ScanRecord r : records) {
          count++;
          String k = (String) r.getValue(0);
          int w = (Integer) r.getValue(1);
          long seq = (Long) r.getValue(2);
          Object[] row = {k, w, seq};
          if (!k.equals(keyOf(w, seq))
              || r.bucket() != expectedBucket(rowType, 0, row)
              || once[w][(int) seq]) {
            wrong.add(r.toString());
          }
          once[w][(int) seq] = true;
          seen[w]++;
        }
      }
    }
    assertThat(wrong).as("rows with another row's key, in another bucket, or twice").isEmpty();
    assertThat(count).isEqualTo(total);
    for (int w = 0; w < THREADS; w++) {
      assertThat(seen[w]).isEqualTo(written.get(w));
    }
  }

  @Test
  void threadsSharingAnUpsertWriterStoreEveryRowUnderItsOwnKey() throws Exception {
    Schema schema =
        Schema.newBuilder()
            .column("id", DataTypes.INT())
            .column("w", DataTypes.INT())
            .column("version", DataTypes.INT())
            .column("payload", DataTypes.STRING())
            .primaryKey("id")
            .build();
    TablePath path = TablePath.of(db, "pk_stress");
    connection
        .getAdmin()
        .createTable(
            path,
            TableDescriptor.builder().schema(schema).distributedBy(BUCKETS, "id").build(),
            false);
    Table table = connection.getTable(path);
    int keys = 3000;
    long end = System.nanoTime() + Duration.ofSeconds(SECONDS).toNanos();
    List<Map<Integer, Integer>> finals;
    try (UpsertWriter writer = table.newUpsert().createWriter()) {
      finals =
          runOnThreads(
              w ->
                  () -> {

                    // Each thread owns the keys congruent to it, so the final state of every key is
                    // known.
                    Map<Integer, Integer> state =
                        new HashMap<>(); // id -> last version, -1 when deleted
                    java.util.Random random = new java.util.Random(w);
                    int ops = 0;
                    while (ops < MAX_ROWS_PER_THREAD && System.nanoTime() < end) {
                      int id = random.nextInt(keys / THREADS) * THREADS + w;
                      if (ops % 10 == 9) {
                        writer.delete(id, null, null, null);
                        state.put(id, -1);
                      } else {
                        int version =
                            state.getOrDefault(id, 0) < 0 ? 1 : state.getOrDefault(id, 0) + 1;
                        writer.upsert(id, w, version, "p-" + id + "-" + version);
                        state.put(id, version);
                      }
                      ops++;
                    }
                    writer.flush();
                    return state;
                  });
    }
    List<String> wrong = new ArrayList<>();
    try (Lookuper lookuper = table.newLookup().createLookuper()) {
      for (int w = 0; w < THREADS; w++) {
        for (Map.Entry<Integer, Integer> e : finals.get(w).entrySet()) {
          int id = e.getKey();
          List<Object> row = lookuper.lookup(id);
          List<Object> expected =
              e.getValue() < 0
                  ? null
                  : List.of(id, w, e.getValue(), "p-" + id + "-" + e.getValue());
          if (!java.util.Objects.equals(row, expected)) {
            wrong.add("key " + id + ": expected " + expected + ", found " + row);
          }
        }
      }
    }
    assertThat(wrong).as("lookups of the final state").isEmpty();

    // The changelog the server built: every record under its own key and in its key's bucket.
    RowType rowType = schema.getRowType();
    try (LogScanner scanner = table.newScan().createLogScanner()) {
      for (int b = 0; b < BUCKETS; b++) {
        scanner.subscribeFromBeginning(b);
      }
      int quietPolls = 0;
      long records = 0;
      while (quietPolls < 3) {
        ScanRecords batch = scanner.poll(Duration.ofMillis(500));
        quietPolls = batch.isEmpty() ? quietPolls + 1 : 0;
        for (ScanRecord r : batch) {
          records++;
          int id = (Integer) r.getValue(0);
          Object[] row = {id, r.getValue(1), r.getValue(2), r.getValue(3)};
          boolean payloadOk = r.getValue(3).equals("p-" + id + "-" + r.getValue(2));
          if (!payloadOk
              || r.bucket() != expectedBucket(rowType, 0, row)
              || (int) r.getValue(1) != id % THREADS) {
            wrong.add(r.changeType() + " " + r);
          }
        }
      }
      assertThat(records).isGreaterThan(0);
    }
    assertThat(wrong).as("changelog records under another key or in another bucket").isEmpty();
  }
}
