package io.flussjava.client.write.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.flussjava.client.TableBucket;
import io.flussjava.client.internal.Clock;
import io.flussjava.client.internal.LeaderRouter;
import io.flussjava.client.write.WriteResult;
import io.flussjava.log.ChangeType;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RecordAccumulatorTest {
  private static final long LINGER = TimeUnit.MILLISECONDS.toNanos(100);
  private final WriteTarget target = WritePipelineTestSupport.kvTarget(64);
  private final FailureLatch writer = new FailureLatch();
  private final RecordAccumulator accumulator =
      new RecordAccumulator(
          Clock.SYSTEM,
          1 << 20,
          64,
          LINGER,
          TimeUnit.SECONDS.toNanos(60),
          TimeUnit.SECONDS.toNanos(1),
          5);

  private CompletableFuture<WriteResult> append(int bucket, int id) {
    return accumulator.append(
        target,
        writer,
        TableBucket.of(42L, bucket),
        ChangeType.UPDATE_AFTER,
        new Object[] {id, "v"},
        new byte[] {(byte) id});
  }

  @Test
  void anOpenBatchWaitsForLingerAFullOneGoesAtOnce() {
    append(0, 1);
    long now = System.nanoTime();
    long[] next = new long[1];
    assertThat(accumulator.drain(now, false, b -> LeaderRouter.Route.leader(0), next)).isEmpty();
    assertThat(next[0]).isBetween(now, now + LINGER);
    List<WriteBatch> later =
        accumulator.drain(now + LINGER + 1, false, b -> LeaderRouter.Route.leader(0), next);
    assertThat(later).hasSize(1);

    // Bucket 1 fills a batch (64 bytes) and opens a second one: the full one is ready without
    // linger.
    for (int i = 0; i < 10; i++) {
      append(1, i);
    }
    List<WriteBatch> full =
        accumulator.drain(System.nanoTime(), false, b -> LeaderRouter.Route.leader(0), next);
    assertThat(full).hasSize(1);
    assertThat(full.get(0).isClosed()).isTrue();
  }

  @Test
  void unknownLeaderHoldsTheBatchAndSuccessCompletesFuturesWithOffsets() {
    CompletableFuture<WriteResult> f1 = append(0, 1);
    CompletableFuture<WriteResult> f2 = append(0, 2);
    long[] next = new long[1];
    long late = System.nanoTime() + LINGER * 2;
    assertThat(accumulator.drain(late, false, b -> LeaderRouter.Route.waiting(), next)).isEmpty();
    List<WriteBatch> ready =
        accumulator.drain(late, false, b -> LeaderRouter.Route.leader(3), next);
    assertThat(ready).hasSize(1);
    accumulator.succeed(ready.get(0), 100);
    assertThat(f1.join().offset()).isEqualTo(100);
    assertThat(f2.join().offset()).isEqualTo(101);
    assertThat(accumulator.hasIncomplete()).isFalse();
    assertThat(accumulator.availableMemory()).isEqualTo(1 << 20);
  }

  @Test
  void aFailureReachesEveryRecordOfTheBatch() {
    CompletableFuture<WriteResult> f1 = append(0, 1);
    long[] next = new long[1];
    List<WriteBatch> ready =
        accumulator.drain(
            System.nanoTime() + LINGER * 2, false, b -> LeaderRouter.Route.leader(0), next);
    RuntimeException boom = new RuntimeException("boom");
    accumulator.fail(ready.get(0), boom, true, true);
    assertThat(f1).isCompletedExceptionally();
    assertThat(ready.get(0).failure()).isSameAs(boom);
    accumulator.flush(target);
    assertThat(writer.take()).as("the writer's flush reports it").isSameAs(boom);
    assertThat(writer.take()).as("once").isNull();
  }

  @Test
  void writersOfOneTargetFillTheSameBatchAndEachHearsOfItsFailure() {
    FailureLatch other = new FailureLatch();
    for (int i = 0; i < 4; i++) { // 4 records fill the 64-byte batch
      accumulator.append(
          target,
          i % 2 == 0 ? writer : other,
          TableBucket.of(42L, 0),
          ChangeType.UPDATE_AFTER,
          new Object[] {i, "v"},
          new byte[] {(byte) i});
    }
    long[] next = new long[1];
    List<WriteBatch> ready =
        accumulator.drain(
            System.nanoTime() + LINGER * 2, false, b -> LeaderRouter.Route.leader(0), next);
    assertThat(ready).as("interleaved writers do not seal each other's batches").hasSize(1);
    assertThat(ready.get(0).recordCount()).isEqualTo(4);
    RuntimeException boom = new RuntimeException("boom");
    accumulator.fail(ready.get(0), boom, true, true);
    assertThat(writer.take()).isSameAs(boom);
    assertThat(other.take()).isSameAs(boom);
  }
}
