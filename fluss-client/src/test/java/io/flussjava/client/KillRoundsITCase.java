package io.flussjava.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.flussjava.client.admin.DatabaseDescriptor;
import io.flussjava.client.admin.TableDescriptor;
import io.flussjava.client.admin.TablePath;
import io.flussjava.client.lookup.Lookuper;
import io.flussjava.client.scan.LogScanner;
import io.flussjava.client.write.AppendWriter;
import io.flussjava.client.write.UpsertWriter;
import io.flussjava.client.write.WriteResult;
import io.flussjava.exception.ClosedException;
import io.flussjava.exception.UnknownWriteOutcomeException;
import io.flussjava.testkit.FlussCluster;
import io.flussjava.types.DataTypes;
import io.flussjava.types.Schema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rounds of faults on 3 tablet servers with replication 3 while two threads append, two upsert, a
 * scanner reads and a thread looks keys up: a leader killed (SIGKILL) and restarted, a graceful
 * restart, the coordinator killed and restarted, two tablet servers down at once, a rolling restart
 * of every tablet server. At the end no acknowledged row is lost, none is written twice, no future
 * is pending, and every acknowledged key looks up to its last acknowledged value (or a later one
 * whose write failed as "unknown whether written").
 *
 * <p>CI runs {@value #DEFAULT_ROUNDS} rounds; {@code -Dfluss.kill-rounds=20} (and {@code
 * -Dfluss.kill-rounds.seed=N}) runs a long one. Both print their figures.
 */
@ExtendWith(FaultCluster.class)
class KillRoundsITCase {
  private static final Logger LOG = LoggerFactory.getLogger(KillRoundsITCase.class);
  static final int DEFAULT_ROUNDS = 3;
  private static final int BUCKETS = 3;
  private static final int KEYS_PER_UPSERTER = 500;

  private enum Fault {
    KILL_AND_RESTART,
    COORDINATOR_KILL,
    GRACEFUL_RESTART,
    TWO_DOWN,
    ROLLING_RESTART
  }

  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicLong worstLatencyNanos = new AtomicLong();
  private final AtomicLong acknowledgedWrites = new AtomicLong();
  private final AtomicLong lookups = new AtomicLong();
  private final AtomicLong lookupFailures = new AtomicLong();
  private final AtomicLong scannerFailures = new AtomicLong();
  private final AtomicReference<String> wrongLookup = new AtomicReference<>();
  private final AtomicReference<Throwable> workerError = new AtomicReference<>();

  @Test
  void acknowledgedWritesSurviveRoundsOfServerFaults() throws Exception {
    int rounds = Integer.getInteger("fluss.kill-rounds", DEFAULT_ROUNDS);
    long seed = Long.getLong("fluss.kill-rounds.seed", 1L);
    FlussCluster cluster = FaultCluster.cluster();
    try (Connection connection = Connection.create(FaultCluster.clientConf())) {
      String db = "kill_rounds_" + seed;
      connection.getAdmin().createDatabase(db, DatabaseDescriptor.EMPTY, true);
      TablePath logPath = TablePath.of(db, "events");
      TablePath pkPath = TablePath.of(db, "state");
      createTable(connection, logPath, false);
      createTable(connection, pkPath, true);
      Table log = connection.getTable(logPath);
      Table pk = connection.getTable(pkPath);

      List<Appender> appenders = List.of(new Appender(log, 0), new Appender(log, 1));
      List<Upserter> upserters = List.of(new Upserter(pk, 0), new Upserter(pk, 1));
      List<Thread> threads = new ArrayList<>();
      appenders.forEach(a -> threads.add(start("appender-" + a.thread, a::run)));
      upserters.forEach(u -> threads.add(start("upserter-" + u.thread, u::run)));
      threads.add(start("scanner", () -> scan(log)));
      threads.add(start("looker-up", () -> lookUp(pk, upserters)));

      Random random = new Random(seed);
      long startNanos = System.nanoTime();
      Map<Fault, Integer> faults = new ConcurrentHashMap<>();
      try {
        for (int round = 0; round < rounds; round++) {
          // The kinds take turns (20 rounds have 4 of each); the seed picks the servers.
          Fault fault = Fault.values()[round % Fault.values().length];
          awaitProgress();
          LOG.info("round {}/{}: {}", round + 1, rounds, fault);
          inject(cluster, fault, random);
          faults.merge(fault, 1, Integer::sum);
        }
        awaitProgress();
      } finally {
        running.set(false); // also when a round fails: no worker may outlive the test
      }
      for (Thread t : threads) {
        t.join(TimeUnit.MINUTES.toMillis(3));
        assertThat(t.isAlive()).as(t.getName() + " finished").isFalse();
      }
      assertThat(workerError.get()).as("a worker failed").isNull();

      // Every future ends: acknowledged, or failed typed within the delivery timeout.
      List<Writer> writers = new ArrayList<>(appenders);
      writers.addAll(upserters);
      int pending = 0;
      for (Writer w : writers) {
        pending += w.awaitAll();
      }
      long failed = writers.stream().mapToLong(w -> w.failed.get()).sum();
      Set<Long> acked = new HashSet<>();
      appenders.forEach(a -> a.ackedIds(acked));
      Map<Long, Integer> written = TableAudit.countWrites(connection, logPath, BUCKETS);
      Set<Long> lost = new HashSet<>(acked);
      lost.removeAll(written.keySet());
      Map<Long, Integer> duplicated = TableAudit.duplicates(written);
      int wrongValues = checkLookups(pk, upserters);
      LOG.info(
          "kill rounds (seed {}): {} rounds {} in {} s; {} appends acknowledged, {} writes acknowledged"
              + " in all, {} failed (typed), {} lost, {} duplicated, {} pending, {} wrong lookups at"
              + " the end, {} lookups during the faults ({} failed), {} scanner failures, worst future"
              + " latency {} ms",
          seed,
          rounds,
          faults,
          TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startNanos),
          acked.size(),
          acknowledgedWrites.get(),
          failed,
          lost.size(),
          duplicated.size(),
          pending,
          wrongValues,
          lookups.get(),
          lookupFailures.get(),
          scannerFailures.get(),
          TimeUnit.NANOSECONDS.toMillis(worstLatencyNanos.get()));
      assertThat(lost).as("acknowledged rows lost").isEmpty();
      assertThat(duplicated).as("rows written twice").isEmpty();
      assertThat(pending).as("futures pending").isZero();
      assertThat(wrongValues).as("keys not at their last acknowledged value").isZero();
      assertThat(wrongLookup.get()).as("a lookup during the faults went back in time").isNull();
    }
  }

  private static void createTable(Connection connection, TablePath path, boolean primaryKey) {
    Schema.Builder schema =
        Schema.newBuilder().column("id", DataTypes.BIGINT()).column("v", DataTypes.BIGINT());
    if (primaryKey) {
      schema.primaryKey("id");
    }
    connection
        .getAdmin()
        .createTable(
            path,
            TableDescriptor.builder().schema(schema.build()).distributedBy(BUCKETS, "id").build(),
            true);
  }

  private void inject(FlussCluster cluster, Fault fault, Random random) {
    int a = random.nextInt(3);
    int b = (a + 1 + random.nextInt(2)) % 3;
    switch (fault) {
      case KILL_AND_RESTART -> {
        cluster.killTabletServer(a);
        awaitProgress();
        cluster.restartTabletServer(a);
      }
      case COORDINATOR_KILL -> {
        cluster.killCoordinator();
        awaitProgress();
        cluster.restartCoordinator();
      }
      case GRACEFUL_RESTART -> cluster.restartTabletServer(a);
      case TWO_DOWN -> {
        cluster.killTabletServer(a);
        cluster.stopTabletServer(b);
        cluster.restartTabletServer(b);
        cluster.restartTabletServer(a);
      }
      case ROLLING_RESTART -> {
        for (int id = 0; id < 3; id++) {
          cluster.restartTabletServer(id);
        }
      }
    }
  }

  /** Waits until some more writes are acknowledged: the cluster serves again. */
  private void awaitProgress() {
    long before = acknowledgedWrites.get();
    FaultProxyITCase.await(
        "writes to be acknowledged", () -> acknowledgedWrites.get() > before + 100);
  }

  private Thread start(String name, Runnable body) {
    Thread t =
        new Thread(
            () -> {
              try {
                body.run();
              } catch (RuntimeException | Error e) {
                workerError.compareAndSet(null, e);
                LOG.error("{} failed", name, e);
              }
            },
            "kill-rounds-" + name);
    t.start();
    return t;
  }

  /** Futures of one writing thread: kept until they complete, so that a long run stays small. */
  private abstract class Writer {
    final int thread;
    final AtomicLong failed = new AtomicLong();
    private final Map<Long, CompletableFuture<WriteResult>> inFlight = new ConcurrentHashMap<>();

    Writer(int thread) {
      this.thread = thread;
    }

    void track(long i, CompletableFuture<WriteResult> f, Runnable onAck) {
      long sent = System.nanoTime();
      inFlight.put(i, f);
      f.whenComplete(
          (r, e) -> {
            inFlight.remove(i);
            worstLatencyNanos.accumulateAndGet(System.nanoTime() - sent, Math::max);
            if (e == null) {
              acknowledgedWrites.incrementAndGet();
              onAck.run();
            } else {
              failed.incrementAndGet();
              if (!(e instanceof UnknownWriteOutcomeException)) {
                LOG.warn("write failed: {}", e.toString());
              }
            }
          });
    }

    /** Waits for every future (at most the delivery timeout and a margin); returns the pending. */
    int awaitAll() throws InterruptedException {
      for (CompletableFuture<WriteResult> f : List.copyOf(inFlight.values())) {
        try {
          f.get(150, TimeUnit.SECONDS);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
          // counted by track(), or pending below
        }
      }
      return (int) inFlight.values().stream().filter(f -> !f.isDone()).count();
    }
  }

  /** Appends ids {@code thread * 10^9 + i}, paced so that a long run stays a few million rows. */
  private final class Appender extends Writer {
    private final BitSet acked = new BitSet();
    private final AppendWriter writer;

    Appender(Table table, int thread) {
      super(thread);
      this.writer = table.newAppend().createWriter();
    }

    void run() {
      for (int i = 0; running.get(); i++) {
        int n = i;
        long id = thread * 1_000_000_000L + i;
        track(
            i,
            writer.append(id, id),
            () -> {
              synchronized (acked) {
                acked.set(n);
              }
            });
        if (i % 20 == 0) {
          pause();
        }
      }
    }

    void ackedIds(Set<Long> into) {
      synchronized (acked) {
        acked.stream().forEach(i -> into.add(thread * 1_000_000_000L + i));
      }
    }
  }

  /** Upserts its own keys with rising values; remembers the last acknowledged value of each. */
  private final class Upserter extends Writer {
    final Map<Long, Long> lastAcked = new ConcurrentHashMap<>();
    final Map<Long, Long> lastSent = new ConcurrentHashMap<>();
    private final UpsertWriter writer;

    Upserter(Table table, int thread) {
      super(thread);
      this.writer = table.newUpsert().createWriter();
    }

    void run() {
      for (long i = 0; running.get(); i++) {
        long key = thread * 1_000_000_000L + i % KEYS_PER_UPSERTER;
        long value = i;
        lastSent.put(key, value);
        track(i, writer.upsert(key, value), () -> lastAcked.merge(key, value, Math::max));
        if (i % 20 == 0) {
          pause();
        }
      }
    }
  }

  // A scanner that fails (e.g. its offset is beyond a new leader's log end after a truncation) is
  // counted and replaced by a new one from the start: the run measures the writers.
  private void scan(Table log) {
    while (running.get()) {
      try (LogScanner scanner = log.newScan().createLogScanner()) {
        for (int b = 0; b < BUCKETS; b++) {
          scanner.subscribe(b, 0);
        }
        while (running.get()) {
          scanner.poll(Duration.ofMillis(200));
        }
      } catch (ClosedException e) {
        return; // the test is over
      } catch (RuntimeException e) {
        scannerFailures.incrementAndGet();
        LOG.warn("the scanner failed; starting a new one: {}", e.toString());
      }
    }
  }

  // A key never goes back below a value that was acknowledged before the lookup started.
  private void lookUp(Table pk, List<Upserter> upserters) {
    Random random = new Random(7);
    try (Lookuper lookuper = pk.newLookup().createLookuper()) {
      while (running.get()) {
        Upserter u = upserters.get(random.nextInt(upserters.size()));
        long key = u.thread * 1_000_000_000L + random.nextInt(KEYS_PER_UPSERTER);
        Long floor = u.lastAcked.get(key);
        try {
          List<Object> row = lookuper.lookup(key);
          lookups.incrementAndGet();
          if (floor != null && (row == null || (Long) row.get(1) < floor)) {
            wrongLookup.compareAndSet(
                null, "key " + key + " looked up as " + row + " after " + floor);
          }
        } catch (RuntimeException e) {
          lookupFailures
              .incrementAndGet(); // a lookup during a fault may time out; it must not hang
        }
      }
    }
  }

  private static int checkLookups(Table pk, List<Upserter> upserters) {
    int wrong = 0;
    try (Lookuper lookuper = pk.newLookup().createLookuper()) {
      for (Upserter u : upserters) {
        for (Map.Entry<Long, Long> e : u.lastAcked.entrySet()) {
          List<Object> row = lookuper.lookup(e.getKey());
          long value = row == null ? -1 : (Long) row.get(1);
          if (value < e.getValue() || value > u.lastSent.get(e.getKey())) {
            wrong++;
            LOG.error("key {}: {} after acknowledged {}", e.getKey(), row, e.getValue());
          }
        }
      }
    }
    return wrong;
  }

  private static void pause() {
    try {
      Thread.sleep(5); // paces the writers (about 10k rows/s each), not a wait for a condition
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
