package io.flussjava.kvsnapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.flussjava.client.TableBucket;
import io.flussjava.client.scan.ScanRecord;
import io.flussjava.client.write.UpsertWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The snapshot-then-changelog reader against a real cluster: started while writers keep upserting,
 * deleting and partially updating, its state (snapshot rows, then every change applied in order)
 * ends, once the writers stopped and it caught up, exactly as lookups of every key see the table;
 * each bucket's changes come once each, in offset order from its state's offset. Both kv formats,
 * partitioned or not.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES) // a reader that never catches up fails, not hangs
class StateReaderITCase extends SnapshotClusterTestBase {
  private static final int IDS = 1_000;

  @TempDir Path tmp;

  @ParameterizedTest(name = "{0} partitioned={1}")
  @CsvSource({"COMPACTED,false", "INDEXED,false", "COMPACTED,true", "INDEXED,true"})
  void stateThenChangesEndsAsLookupsSeeTheTable(String kvFormat, boolean partitioned)
      throws Exception {
    try (StateTable t = StateTable.create(connection, "follow", kvFormat, partitioned)) {
      try (UpsertWriter writer = t.writer()) {
        for (int id = 0; id < IDS; id++) {
          writer.upsert(t.row(id, "n" + id, id, "first"));
        }
      }
      t.awaitAnySnapshot(); // so that the state comes from snapshots, not only from changelogs

      AtomicBoolean stop = new AtomicBoolean();
      CountDownLatch writing = new CountDownLatch(1);
      CompletableFuture<Integer> writes =
          CompletableFuture.supplyAsync(() -> writeUntilStopped(t, stop, writing));
      writing.await();

      Map<List<Object>, List<Object>> state = new HashMap<>();
      Map<TableBucket, Long> nextOffset = new HashMap<>();
      int[] counts = new int[2]; // state rows, changes
      try (StateReader reader =
          StateReader.open(
              connection, t.table, KvSnapshotReadOptions.defaults().withTempDirectory(tmp))) {
        long followUntil = System.nanoTime() + Duration.ofMillis(1_500).toNanos();
        // Reads the state, then follows the changes for a while as the writers go on.
        while (!reader.isStateRead() || System.nanoTime() < followUntil) {
          applyAll(t, reader, state, nextOffset, counts);
        }
        assertThat(reader.stateOffsets()).hasSize(StateTable.BUCKETS * t.partitionNames().size());
        assertThat(reader.stateOffsets().values())
            .as("some bucket's state came from a snapshot")
            .anyMatch(offset -> offset > 0);
        stop.set(true);
        assertThat(writes.get(60, TimeUnit.SECONDS)).isPositive();
        Map<List<Object>, List<Object>> expected = t.lookupAll(IDS);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!state.equals(expected) && System.nanoTime() < deadline) {
          applyAll(t, reader, state, nextOffset, counts);
        }
      }
      assertThat(counts[0]).as("state rows").isPositive();
      assertThat(counts[1]).as("changes").isPositive();
      assertThat(state).isEqualTo(t.lookupAll(IDS));
    }
  }

  /**
   * Applies one poll's records to {@code state}, checking that state rows (no offset) all come
   * before the changes, and that each bucket's changes start at or after its state's offset and
   * come in offset order, none twice.
   */
  private static void applyAll(
      StateTable t,
      StateReader reader,
      Map<List<Object>, List<Object>> state,
      Map<TableBucket, Long> nextOffset,
      int[] counts) {
    for (ScanRecord r : reader.poll(Duration.ofMillis(200))) {
      if (r.offset() < 0) {
        assertThat(counts[1]).as("state rows come before every change").isZero();
        counts[0]++;
      } else {
        TableBucket b = r.tableBucket();
        long next = nextOffset.computeIfAbsent(b, reader.stateOffsets()::get);
        // Not always equal: a batch whose every change was dropped (deletes of absent keys) is
        // written as an empty batch that takes one offset.
        assertThat(r.offset()).as("the next change of " + b).isGreaterThanOrEqualTo(next);
        nextOffset.put(b, r.offset() + 1);
        counts[1]++;
      }
      t.apply(state, r);
    }
  }

  /** Upserts, deletes and partially updates random ids until stopped; returns how many. */
  private static int writeUntilStopped(StateTable t, AtomicBoolean stop, CountDownLatch started) {
    SplittableRandom random = new SplittableRandom(42);
    int n = 0;
    try (UpsertWriter writer = t.writer();
        UpsertWriter notes = t.noteWriter()) {
      while (!stop.get()) {
        int id = random.nextInt(IDS);
        int op = random.nextInt(10);
        if (op < 6) {
          writer.upsert(t.row(id, "w" + n, n, "upserted"));
        } else if (op < 8) {
          writer.delete(t.row(id, null, 0, null));
        } else {
          notes.upsert(t.noteOnly(id, "note" + n));
        }
        n++;
        if (n % 200 == 0) {
          // Flushing now and then spreads the changes over many batches and snapshots.
          writer.flush();
          notes.flush();
          started.countDown();
        }
      }
    }
    started.countDown();
    return n;
  }
}
