package io.flussjava.client.write.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.flussjava.client.admin.TablePath;
import io.flussjava.client.internal.FakeClock;
import io.flussjava.client.internal.FakeServer;
import io.flussjava.exception.NetworkException;
import io.flussjava.rpc.protocol.InitWriterResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Getting a writer id while tablet servers are down or silent, at fake time. */
class WriterIdentityTest {
  private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(10);

  private final FakeClock clock = new FakeClock();
  private final List<FakeServer> servers =
      List.of(new FakeServer(0), new FakeServer(1), new FakeServer(2));
  private final AtomicInteger next = new AtomicInteger();
  private final AtomicInteger readyCalls = new AtomicInteger();
  private WriterIdentity identity;

  @BeforeEach
  void setUp() {
    identity =
        new WriterIdentity(
            true, () -> servers.get(next.getAndIncrement() % 3), clock, ATTEMPT_TIMEOUT);
    identity.noteTable(TablePath.of("db", "t"));
  }

  private boolean ready() {
    return identity.ensureReady(readyCalls::incrementAndGet);
  }

  @Test
  void aFailedServerIsFollowedByTheNextOneAfterABackoff() {
    assertThat(ready()).isFalse();
    servers
        .get(0)
        .calls()
        .get(0)
        .answer()
        .completeExceptionally(new NetworkException("fake: down"));
    assertThat(readyCalls).as("the sender is woken to try again").hasValue(1);
    assertThat(ready()).isFalse();
    assertThat(servers.get(1).calls()).as("backing off").isEmpty();

    clock.advance(Duration.ofMillis(100));
    assertThat(ready()).isFalse();
    assertThat(servers.get(1).calls()).as("the next server, not the first again").hasSize(1);
    servers.get(1).calls().get(0).answer().complete(writerId(11));
    assertThat(ready()).isTrue();
    assertThat(identity.writerId()).isEqualTo(11);
  }

  @Test
  void aSilentServerIsLeftForTheNextOneAfterTheAttemptTimeoutAndItsLateAnswerIgnored() {
    assertThat(ready()).isFalse();
    clock.advance(ATTEMPT_TIMEOUT.minusMillis(1));
    assertThat(ready()).isFalse();
    assertThat(servers.get(1).calls()).isEmpty();

    clock.advance(Duration.ofMillis(1));
    ready();
    clock.advance(Duration.ofMillis(100));
    assertThat(ready()).isFalse();
    assertThat(servers.get(1).calls()).hasSize(1);

    servers.get(0).calls().get(0).answer().complete(writerId(10));
    assertThat(identity.writerId()).as("the abandoned attempt's id").isEqualTo(-1);
    servers.get(1).calls().get(0).answer().complete(writerId(11));
    assertThat(ready()).isTrue();
    assertThat(identity.writerId()).isEqualTo(11);
  }

  @Test
  void failuresInARowBackOffLongerButBoundedAndARenewalAsksAgain() {
    long[] waits = new long[8];
    for (int i = 0; i < waits.length; i++) {
      ready();
      FakeServer asked = servers.get((next.get() - 1) % 3);
      asked.pending().get(0).answer().completeExceptionally(new NetworkException("fake: down"));
      long start = clock.nanoTime();
      int before = next.get();
      while (next.get() == before) {
        clock.advance(Duration.ofMillis(10));
        ready();
      }
      waits[i] = Duration.ofNanos(clock.nanoTime() - start).toMillis();
    }
    assertThat(waits[0]).isEqualTo(100);
    assertThat(waits[1]).isEqualTo(200);
    assertThat(waits[7]).as("bounded").isEqualTo(2000);

    servers.get((next.get() - 1) % 3).pending().get(0).answer().complete(writerId(12));
    assertThat(ready()).isTrue();
    identity.reset();
    assertThat(ready()).as("a renewal asks at once").isFalse();
    assertThat(identity.writerId()).isEqualTo(-1);
  }

  private static InitWriterResponse writerId(long id) {
    return InitWriterResponse.newBuilder().setWriterId(id).build();
  }
}
