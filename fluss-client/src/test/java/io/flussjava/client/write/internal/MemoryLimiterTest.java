package io.flussjava.client.write.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flussjava.exception.TimeoutException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MemoryLimiterTest {

  @Test
  void blocksUntilReleasedAndTimesOutWithAnExplanation() throws Exception {
    MemoryLimiter limiter = new MemoryLimiter(100);
    limiter.reserve(60, 0);
    assertThatThrownBy(() -> limiter.reserve(60, TimeUnit.MILLISECONDS.toNanos(50)))
        .isInstanceOf(TimeoutException.class)
        .hasMessageContaining("client.writer.buffer.memory-size")
        .hasMessageContaining("60 of 100 bytes");
    CountDownLatch got = new CountDownLatch(1);
    Thread waiter =
        new Thread(
            () -> {
              try {
                limiter.reserve(60, TimeUnit.SECONDS.toNanos(10));
                got.countDown();
              } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
              }
            });
    waiter.start();
    assertThat(got.await(100, TimeUnit.MILLISECONDS)).isFalse();
    limiter.release(60);
    assertThat(got.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(limiter.available()).isEqualTo(40);
  }

  @Test
  void anOversizedRequestTakesTheWholeBudget() throws Exception {
    MemoryLimiter limiter = new MemoryLimiter(100);
    limiter.reserve(500, 0);
    assertThat(limiter.available()).isZero();
    limiter.release(500);
    assertThat(limiter.available()).isEqualTo(100);
  }
}
