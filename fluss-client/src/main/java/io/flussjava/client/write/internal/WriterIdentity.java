package io.flussjava.client.write.internal;

import io.flussjava.client.admin.TablePath;
import io.flussjava.client.internal.Clock;
import io.flussjava.client.internal.Futures;
import io.flussjava.rpc.ApiMethods;
import io.flussjava.rpc.ServerConnection;
import io.flussjava.rpc.protocol.InitWriterRequest;
import io.flussjava.rpc.protocol.PbTablePath;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writer id that makes writes idempotent: the server remembers, per writer id and bucket, the
 * last batch sequence it wrote, so a batch sent twice (a retry after a lost answer) is written
 * once. Fetched with InitWriter from any tablet server (again after a renewal); with idempotence
 * off it is -1 and batches carry no sequence check.
 */
final class WriterIdentity {
  private static final Logger LOG = LoggerFactory.getLogger(WriterIdentity.class);
  static final long NO_WRITER_ID = -1L;
  private static final long FIRST_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
  private static final long MAX_BACKOFF_NANOS = TimeUnit.SECONDS.toNanos(2);

  private final boolean idempotent;
  private final Supplier<ServerConnection> nextTabletServer;
  private final Clock clock;
  private final Duration attemptTimeout;
  private volatile long writerId = NO_WRITER_ID;
  private volatile TablePath anyTable;
  // Sender thread only, except that answers (on network threads) go through answer().
  private long retryAtNanos;
  private int failures;
  private long attempt;
  private long attemptStartedNanos;
  private boolean requesting;

  /**
   * @param nextTabletServer a tablet server to ask, a different one on each call where there are
   *     several (so that one server that is down does not stop every writer), or {@code null} when
   *     none is known yet
   * @param attemptTimeout how long one server may take to answer before the next one is asked
   */
  WriterIdentity(
      boolean idempotent,
      Supplier<ServerConnection> nextTabletServer,
      Clock clock,
      Duration attemptTimeout) {
    this.idempotent = idempotent;
    this.nextTabletServer = nextTabletServer;
    this.clock = clock;
    this.attemptTimeout = attemptTimeout;
    this.retryAtNanos = clock.nanoTime();
  }

  /** Remembers a table the InitWriter request can name (the server wants at least one). */
  void noteTable(TablePath path) {
    anyTable = path;
  }

  long writerId() {
    return idempotent ? writerId : NO_WRITER_ID;
  }

  /**
   * Drops the writer id: the next send first asks for a new one (with every bucket's sequence back
   * at 0).
   */
  void reset() {
    writerId = NO_WRITER_ID;
  }

  /**
   * Whether batches may be sent now. With idempotence, the first call starts the InitWriter request
   * and returns false until it has answered; {@code onReady} runs when it does (or fails, so that
   * it is tried again). A server that fails or does not answer within the attempt timeout is left
   * for the next one after a short backoff: writes to live leaders must not wait for a dead server.
   */
  synchronized boolean ensureReady(Runnable onReady) {
    if (!idempotent || writerId != NO_WRITER_ID) {
      return true;
    }
    long now = clock.nanoTime();
    if (requesting && now - attemptStartedNanos >= attemptTimeout.toNanos()) {
      LOG.warn(
          "InitWriter got no answer within {} ms; asking another tablet server",
          attemptTimeout.toMillis());
      attempt++; // its answer, if it ever comes, is ignored
      requesting = false;
      failed(now);
    }
    if (requesting || anyTable == null || now - retryAtNanos < 0) {
      return false;
    }
    ServerConnection server = nextTabletServer.get();
    if (server == null) {
      failed(now);
      return false;
    }
    requesting = true;
    attemptStartedNanos = now;
    long thisAttempt = ++attempt;
    TablePath table = anyTable;
    InitWriterRequest request =
        InitWriterRequest.newBuilder()
            .addTablePath(
                PbTablePath.newBuilder()
                    .setDatabaseName(table.getDatabaseName())
                    .setTableName(table.getTableName()))
            .build();
    server
        .send(ApiMethods.INIT_WRITER, request, attemptTimeout)
        .whenComplete(
            (resp, error) -> {
              if (answer(thisAttempt, resp == null ? NO_WRITER_ID : resp.getWriterId(), error)) {
                onReady.run();
              }
            });
    return false;
  }

  /** Takes the answer of attempt {@code thisAttempt} unless a later attempt replaced it. */
  private synchronized boolean answer(long thisAttempt, long id, Throwable error) {
    if (thisAttempt != attempt) {
      return false; // a writer id from an abandoned attempt would not match the sequences
    }
    requesting = false;
    if (error == null) {
      writerId = id;
      failures = 0;
      LOG.debug("writer id {}", id);
    } else {
      failed(clock.nanoTime());
      LOG.warn(
          "InitWriter failed, asking another tablet server in {} ms: {}",
          TimeUnit.NANOSECONDS.toMillis(retryAtNanos - clock.nanoTime()),
          Futures.unwrap(error).toString());
    }
    return true;
  }

  // Backs off a little more on each failure in a row, so that an unreachable cluster does not turn
  // the sender into a busy loop.
  private void failed(long now) {
    failures++;
    long backoff = FIRST_BACKOFF_NANOS << Math.min(failures - 1, 5);
    retryAtNanos = now + Math.min(backoff, MAX_BACKOFF_NANOS);
  }
}
