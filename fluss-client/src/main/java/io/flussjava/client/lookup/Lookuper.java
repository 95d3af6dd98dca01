package io.flussjava.client.lookup;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Looks up rows of a primary-key table by key. Obtained with {@code table.newLookup().createLookuper()}.
 *
 * <pre>{@code
 * Lookuper lookuper = table.newLookup().createLookuper();
 * List<Object> row = lookuper.lookup("1");        // the primary-key values, in primary-key order
 * if (row != null) { ... }                         // null: no row with that key
 * List<List<Object>> rows = lookuper.lookupAll(List.of(List.of("1"), List.of("2")));
 * }</pre>
 *
 * <p>A lone lookup is sent at once; concurrent lookups to the same server are gathered into shared requests
 * ({@code client.lookup.max-batch-size} keys, {@code client.lookup.max-inflight-requests} requests in flight).
 * Async results complete on a network thread: do not block inside their callbacks. Thread-safe.
 */
public interface Lookuper extends AutoCloseable {

  /**
   * The row with this primary key, or {@code null} if there is none; waits at most {@code client.request-timeout}.
   *
   * @throws io.flussjava.exception.InvalidRowException for a wrong number of key values, a wrong type or a null
   */
  List<Object> lookup(Object... primaryKey);

  /** Like {@link #lookup(Object...)} with the key values in a list. */
  List<Object> lookup(List<?> primaryKey);

  CompletableFuture<List<Object>> lookupAsync(Object... primaryKey);

  CompletableFuture<List<Object>> lookupAsync(List<?> primaryKey);

  /** Looks up many keys at once; the result has one entry per key, in order ({@code null} where absent). */
  List<List<Object>> lookupAll(List<? extends List<?>> primaryKeys);

  CompletableFuture<List<List<Object>>> lookupAllAsync(List<? extends List<?>> primaryKeys);

  @Override
  void close();
}
