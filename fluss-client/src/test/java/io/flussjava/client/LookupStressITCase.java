package io.flussjava.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.flussjava.client.admin.DatabaseDescriptor;
import io.flussjava.client.admin.KvFormat;
import io.flussjava.client.admin.TableDescriptor;
import io.flussjava.client.admin.TablePath;
import io.flussjava.client.lookup.Lookuper;
import io.flussjava.client.lookup.PrefixLookuper;
import io.flussjava.client.write.UpsertWriter;
import io.flussjava.types.DataTypes;
import io.flussjava.types.Schema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Many threads sharing one Lookuper (and one PrefixLookuper) for a bounded time, every answer
 * checked against what was written: present keys, keys never written, deleted keys, and keys whose
 * value was updated. Guards against answers handed to the wrong key (shared scratch state,
 * mismatched responses). Runs {@code -Dstress.seconds} per KV format (default 10).
 */
class LookupStressITCase extends ClientTestBase {
  private static final int KEYS = 6_000;
  private static final int GROUP = 10;
  private static final int LOOKUP_THREADS = 3;
  private static final long SECONDS = Long.getLong("stress.seconds", 10);
  private static String db;

  @BeforeAll
  static void createDatabase() {
    db = uniqueName("lookup_stress_db");
    connection.getAdmin().createDatabase(db, DatabaseDescriptor.EMPTY, false);
  }

  /**
   * Ids {@code % 7 == 0} were never written, {@code % 11 == 0} deleted, {@code % 5 == 0} updated to
   * version 2.
   */
  private static boolean present(int id) {
    return id < KEYS && id % 7 != 0 && id % 11 != 0;
  }

  private static Object[] row(int id, int version) {
    // Lengths vary with the id so that a value decoded with another key's state cannot pass for the
    // right one.
    return new Object[] {
      id / GROUP, id, "name-" + id + "-" + "é".repeat(id % 13), version, "p".repeat(id % 97)
    };
  }

  private static List<Object> expected(int id) {
    return present(id) ? Arrays.asList(row(id, id % 5 == 0 ? 2 : 1)) : null;
  }

  @ParameterizedTest
  @EnumSource(KvFormat.class)
  void sharedLookupersAlwaysAnswerWhatWasWritten(KvFormat format) throws Exception {
    Schema schema =
        Schema.newBuilder()
            .column("grp", DataTypes.INT())
            .column("id", DataTypes.INT())
            .column("name", DataTypes.STRING())
            .column("version", DataTypes.INT())
            .column("payload", DataTypes.STRING())
            .primaryKey("grp", "id")
            .build();
    TablePath path = TablePath.of(db, "stress_" + format.name().toLowerCase());
    connection
        .getAdmin()
        .createTable(
            path,
            TableDescriptor.builder()
                .schema(schema)
                .distributedBy(3, "grp")
                .kvFormat(format)
                .build(),
            false);
    Table table = connection.getTable(path);
    try (UpsertWriter writer = table.newUpsert().createWriter()) {
      for (int id = 0; id < KEYS; id++) {
        if (id % 7 != 0) {
          writer.upsert(row(id, 1));
        }
      }
      writer.flush();
      for (int id = 0; id < KEYS; id++) {
        if (id % 7 != 0 && id % 11 == 0) {
          writer.delete(id / GROUP, id, null, null, null);
        } else if (id % 7 != 0 && id % 5 == 0) {
          writer.upsert(row(id, 2));
        }
      }
      writer.flush();
    }

    ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
    AtomicLong checked = new AtomicLong();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
    try (Lookuper lookuper = table.newLookup().createLookuper();
        PrefixLookuper prefixes = table.newLookup().lookupBy("grp").createLookuper()) {
      printLatency(format, lookuper);
      List<Thread> threads = new ArrayList<>();
      for (int t = 0; t < LOOKUP_THREADS; t++) {
        threads.add(
            worker(
                "lookup-" + t,
                end,
                wrong,
                () -> {
                  int id =
                      ThreadLocalRandom.current()
                          .nextInt(KEYS + 500); // some beyond anything written
                  check(wrong, "lookup(" + id + ")", expected(id), lookuper.lookup(id / GROUP, id));
                  checked.incrementAndGet();
                }));
      }
      threads.add(
          worker(
              "lookupAll",
              end,
              wrong,
              () -> {
                List<List<?>> keys = new ArrayList<>();
                int[] ids = new int[300];
                for (int i = 0; i < ids.length; i++) {
                  ids[i] = ThreadLocalRandom.current().nextInt(KEYS + 500);
                  keys.add(List.of(ids[i] / GROUP, ids[i]));
                }
                List<List<Object>> rows = lookuper.lookupAll(keys);
                assertThat(rows).hasSize(ids.length);
                for (int i = 0; i < ids.length; i++) {
                  check(wrong, "lookupAll[" + ids[i] + "]", expected(ids[i]), rows.get(i));
                }
                checked.addAndGet(ids.length);
              }));
      threads.add(
          worker(
              "async",
              end,
              wrong,
              () -> {
                int id = ThreadLocalRandom.current().nextInt(KEYS);
                String thread =
                    lookuper
                        .lookupAsync(id / GROUP, id)
                        .thenApply(
                            row -> {
                              check(wrong, "lookupAsync(" + id + ")", expected(id), row);
                              return Thread.currentThread().getName();
                            })
                        .get(60, TimeUnit.SECONDS);
                if (!thread.startsWith("fluss-lookup-callback") && !thread.equals("async")) {
                  wrong.add("lookupAsync callback ran on " + thread);
                }
                checked.incrementAndGet();
              }));
      threads.add(
          worker(
              "prefix",
              end,
              wrong,
              () -> {
                int grp = ThreadLocalRandom.current().nextInt(KEYS / GROUP);
                List<List<Object>> rows = new ArrayList<>(prefixes.lookup(grp));
                rows.sort((a, b) -> Integer.compare((Integer) a.get(1), (Integer) b.get(1)));
                List<List<Object>> want = new ArrayList<>();
                for (int id = grp * GROUP; id < grp * GROUP + GROUP; id++) {
                  if (expected(id) != null) {
                    want.add(expected(id));
                  }
                }
                if (!rows.equals(want)) {
                  wrong.add("prefix lookup(" + grp + ") gave " + rows + ", expected " + want);
                }
                checked.incrementAndGet();
              }));
      threads.forEach(Thread::start);
      for (Thread t : threads) {
        t.join();
      }
    }
    System.out.printf(
        "[%s] %d answers checked in %d s by %d threads%n", format, checked.get(), SECONDS, 6);
    assertThat(wrong).isEmpty();
    assertThat(checked.get()).isGreaterThan(1000);
  }

  private static void check(
      ConcurrentLinkedQueue<String> wrong, String what, List<Object> want, List<Object> got) {
    if (want == null ? got != null : !want.equals(got)) {
      wrong.add(what + " gave " + got + ", expected " + want);
    }
  }

  private static Thread worker(
      String name, long end, ConcurrentLinkedQueue<String> wrong, ThrowingRunnable body) {
    return new Thread(
        () -> {
          while (System.nanoTime() - end < 0 && wrong.size() < 20) {
            try {
              body.run();
            } catch (Throwable e) {
              wrong.add(name + " threw " + e);
            }
          }
        },
        name);
  }

  /** Lone sync lookups one after another: the latency of the hot path, printed for the record. */
  private static void printLatency(KvFormat format, Lookuper lookuper) {
    int n = 3000;
    long[] nanos = new long[n];
    for (int i = 0; i < n; i++) {
      int id = (i * 7919) % KEYS;
      long t0 = System.nanoTime();
      lookuper.lookup(id / GROUP, id);
      nanos[i] = System.nanoTime() - t0;
    }
    long[] measured = Arrays.copyOfRange(nanos, 1000, n); // the first thousand warm up
    Arrays.sort(measured);
    System.out.printf(
        "[%s] lone lookup latency p50 %.3f ms, p99 %.3f ms%n",
        format, measured[measured.length / 2] / 1e6, measured[measured.length * 99 / 100] / 1e6);
  }

  @FunctionalInterface
  private interface ThrowingRunnable {
    void run() throws Exception;
  }
}
