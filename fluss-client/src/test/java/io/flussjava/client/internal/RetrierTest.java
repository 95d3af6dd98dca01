package io.flussjava.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flussjava.exception.LeaderNotAvailableException;
import io.flussjava.exception.NotLeaderOrFollowerException;
import io.flussjava.exception.TableNotExistException;
import io.flussjava.exception.TimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The retry policy and the admin retrier that follows it, at fake time (backoffs of a nanosecond:
 * no sleeps).
 */
class RetrierTest {
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final FakeClock clock = new FakeClock();
  private final Retrier retrier =
      new Retrier(scheduler, new RetryPolicy(Duration.ofNanos(1), Duration.ofNanos(1)), clock);

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  @Test
  void retriableErrorsAndTimeoutsAreRetriedOthersAreFinal() {
    assertThat(RetryPolicy.isRetriable(new LeaderNotAvailableException("x"))).isTrue();
    assertThat(RetryPolicy.isRetriable(new TimeoutException("x"))).isTrue();
    assertThat(
            RetryPolicy.isRetriable(
                new java.util.concurrent.CompletionException(new TimeoutException("x"))))
        .isTrue();
    assertThat(RetryPolicy.isRetriable(new TableNotExistException("x"))).isFalse();
    assertThat(RetryPolicy.meansStaleMetadata(new NotLeaderOrFollowerException("x"))).isTrue();
    assertThat(RetryPolicy.meansStaleMetadata(new TableNotExistException("x"))).isFalse();
  }

  @Test
  void backoffGrowsExponentiallyWithJitterUpToTheCap() {
    RetryPolicy policy = new RetryPolicy(Duration.ofMillis(100), Duration.ofSeconds(1));
    for (int i = 0; i < 100; i++) {
      assertThat(policy.backoffNanos(1)).isBetween(80_000_000L, 120_000_000L);
      assertThat(policy.backoffNanos(2)).isBetween(160_000_000L, 240_000_000L);
      assertThat(policy.backoffNanos(30)).isBetween(800_000_000L, 1_200_000_000L);
    }
  }

  @Test
  void aRetriableFailureIsRetriedUntilItSucceedsAndStaleMetadataIsRefreshedFirst()
      throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    AtomicInteger refreshes = new AtomicInteger();
    CompletableFuture<String> result =
        retrier.call(
            "op",
            Duration.ofSeconds(10),
            () ->
                attempts.incrementAndGet() < 3
                    ? Futures.failed(new NotLeaderOrFollowerException("moved"))
                    : CompletableFuture.completedFuture("done"),
            e -> refreshes.incrementAndGet());
    assertThat(result.get(5, TimeUnit.SECONDS)).isEqualTo("done");
    assertThat(attempts).hasValue(3);
    assertThat(refreshes).hasValue(2);
  }

  @Test
  void aFinalErrorFailsAtOnceWithItsOwnType() {
    AtomicInteger attempts = new AtomicInteger();
    CompletableFuture<String> result =
        retrier.call(
            "op",
            Duration.ofSeconds(10),
            () -> {
              attempts.incrementAndGet();
              return Futures.failed(new TableNotExistException("gone"));
            },
            null);
    assertThatThrownBy(() -> Futures.await(result, Duration.ofSeconds(5), "op"))
        .isInstanceOf(TableNotExistException.class);
    assertThat(attempts).hasValue(1);
  }

  @Test
  void retriesStopAtTheDeadlineWithATimeoutNamingTheOperationAndTheLastError() {
    AtomicInteger attempts = new AtomicInteger();
    CompletableFuture<String> result =
        retrier.call(
            "createTable(db.t)",
            Duration.ofSeconds(10),
            () -> {
              if (attempts.incrementAndGet() == 5) {
                clock.advance(Duration.ofSeconds(11)); // time runs out during the fifth attempt
              }
              return Futures.failed(new LeaderNotAvailableException("no leader yet"));
            },
            null);
    assertThatThrownBy(() -> Futures.await(result, Duration.ofSeconds(5), "op"))
        .isInstanceOf(TimeoutException.class)
        .hasMessageContaining("createTable(db.t)")
        .hasMessageContaining("no leader yet");
    assertThat(attempts).hasValue(5);
  }
}
