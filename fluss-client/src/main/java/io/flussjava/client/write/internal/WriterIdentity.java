package io.flussjava.client.write.internal;

import io.flussjava.client.admin.TablePath;
import io.flussjava.client.internal.Clock;
import io.flussjava.client.internal.Futures;
import io.flussjava.rpc.ApiMethods;
import io.flussjava.rpc.ServerConnection;
import io.flussjava.rpc.protocol.InitWriterRequest;
import io.flussjava.rpc.protocol.PbTablePath;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writer id that makes writes idempotent: the server remembers, per writer id and bucket, the
 * last batch sequence it wrote, so a batch sent twice (a retry after a lost answer) is written
 * once. Fetched once per connection with InitWriter from any tablet server; with idempotence off it
 * is -1 and batches carry no sequence check.
 */
final class WriterIdentity {
  private static final Logger LOG = LoggerFactory.getLogger(WriterIdentity.class);
  static final long NO_WRITER_ID = -1L;

  private final boolean idempotent;
  private final Supplier<ServerConnection> nextTabletServer;
  private final Clock clock;
  private volatile long writerId = NO_WRITER_ID;
  private volatile boolean requesting;
  private volatile TablePath anyTable;
  private volatile long retryAtNanos;

  /**
   * @param nextTabletServer a tablet server to ask, a different one on each call where there are
   *     several (so that one server that is down does not stop every writer), or {@code null} when
   *     none is known yet
   */
  WriterIdentity(boolean idempotent, Supplier<ServerConnection> nextTabletServer, Clock clock) {
    this.idempotent = idempotent;
    this.nextTabletServer = nextTabletServer;
    this.clock = clock;
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
   * it is tried again).
   */
  boolean ensureReady(Runnable onReady) {
    if (!idempotent || writerId != NO_WRITER_ID) {
      return true;
    }
    if (requesting || anyTable == null || clock.nanoTime() - retryAtNanos < 0) {
      return false;
    }
    ServerConnection server = nextTabletServer.get();
    if (server == null) {
      retryAtNanos = clock.nanoTime() + 500_000_000L;
      return false;
    }
    requesting = true;
    TablePath table = anyTable;
    InitWriterRequest request =
        InitWriterRequest.newBuilder()
            .addTablePath(
                PbTablePath.newBuilder()
                    .setDatabaseName(table.getDatabaseName())
                    .setTableName(table.getTableName()))
            .build();
    server
        .send(ApiMethods.INIT_WRITER, request)
        .whenComplete(
            (resp, error) -> {
              if (error == null) {
                writerId = resp.getWriterId();
                LOG.debug("writer id {}", writerId);
              } else {
                // Back off so that an unreachable cluster does not turn the sender into a busy
                // loop.
                retryAtNanos = clock.nanoTime() + 500_000_000L;
                LOG.warn(
                    "InitWriter failed, retrying in 500 ms: {}", Futures.unwrap(error).toString());
              }
              requesting = false;
              onReady.run();
            });
    return false;
  }
}
