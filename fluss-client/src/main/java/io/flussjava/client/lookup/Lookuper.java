package io.flussjava.client.lookup;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Looks up rows of a primary-key table by key. Obtained with {@code
 * table.newLookup().createLookuper()}.
 *
 * <pre>{@code
 * Lookuper lookuper = table.newLookup().createLookuper();
 * List<Object> row = lookuper.lookup("1");        // the primary-key values, in primary-key order
 * if (row != null) { ... }                         // null: no row with that key
 * List<List<Object>> rows = lookuper.lookupAll(List.of(List.of("1"), List.of("2")));
 * }</pre>
 *
 * <p>Rows come in the table's schema as of the {@code Table} the lookuper was created from, like a
 * scanner's: a row stored before a column was added reads it as null, and a column added after the
 * lookuper was created is left out. (Prefix lookups do the same.)
 *
 * <p>A lone lookup is sent at once; concurrent lookups to the same server are gathered into shared
 * requests ({@code client.lookup.max-batch-size} keys, {@code client.lookup.max-inflight-requests}
 * requests in flight).
 *
 * <p><b>Threads.</b> Thread-safe: share one lookuper between threads. Sync calls decode the answer
 * on the calling thread. Futures of the async calls complete, successfully or not, on one of the
 * connection's few lookup callback threads (daemon threads named {@code fluss-lookup-callback-N}),
 * never on a network thread; callbacks chained with the non-async {@code thenApply} etc. run there
 * too (or on the chaining thread if the future is already complete). A callback that blocks holds
 * up other lookups' callbacks, not the network; for long work, chain with {@code thenApplyAsync(fn,
 * yourExecutor)}.
 *
 * <p><b>Closing.</b> After {@link #close()}, calls throw a {@link
 * io.flussjava.exception.ClosedException} ("this Lookuper of db.t is closed"); lookups already
 * started still complete. When the connection closes, calls throw a {@code ClosedException} saying
 * the connection is closed, and every pending lookup's future fails with one at once.
 */
public interface Lookuper extends AutoCloseable {

  /**
   * The row with this primary key, or {@code null} if there is none; waits at most {@code
   * client.request-timeout}.
   *
   * @throws io.flussjava.exception.InvalidRowException for a wrong number of key values, a wrong
   *     type or a null
   */
  List<Object> lookup(Object... primaryKey);

  /** Like {@link #lookup(Object...)} with the key values in a list. */
  List<Object> lookup(List<?> primaryKey);

  CompletableFuture<List<Object>> lookupAsync(Object... primaryKey);

  CompletableFuture<List<Object>> lookupAsync(List<?> primaryKey);

  /**
   * Looks up many keys at once; the result has one entry per key, in order ({@code null} where
   * absent).
   */
  List<List<Object>> lookupAll(List<? extends List<?>> primaryKeys);

  CompletableFuture<List<List<Object>>> lookupAllAsync(List<? extends List<?>> primaryKeys);

  /** Closes this lookuper (not the connection). Idempotent and thread-safe. */
  @Override
  void close();
}
