package io.flussjava.client.lookup.internal;

import io.flussjava.client.TableBucket;
import io.flussjava.client.admin.TableInfo;
import io.flussjava.client.internal.Futures;
import io.flussjava.client.lookup.Lookuper;
import io.flussjava.client.metadata.SchemaCache;
import io.flussjava.exception.ClosedException;
import io.flussjava.types.convert.TypeConverters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Whole-primary-key lookups over the shared {@link LookupClient}. Sync calls wait for the raw
 * answer and decode it on the caller's thread (no thread hop on the hot path); async calls decode
 * on the lookup callback executor.
 */
public final class LookuperImpl implements Lookuper {
  private final TableInfo table;
  private final LookupClient client;
  private final KeyedRows rows;
  private final Duration syncWait;
  private final String handle;
  private volatile boolean closed;

  public LookuperImpl(
      TableInfo table,
      LookupClient client,
      TypeConverters converters,
      SchemaCache schemas,
      Duration requestTimeout) {
    this.table = table;
    this.client = client;
    this.rows = new KeyedRows(table, table.getPrimaryKeys(), false, converters, schemas);
    this.syncWait = requestTimeout.plusSeconds(5);
    this.handle = "the Lookuper of " + table.getTablePath();
  }

  @Override
  public List<Object> lookup(Object... primaryKey) {
    checkOpen();
    return rows.decode(
        Futures.await(send(rows.keyOf(primaryKey)), syncWait, "lookup in " + table.getTablePath()));
  }

  @Override
  public List<Object> lookup(List<?> primaryKey) {
    checkOpen();
    return rows.decode(
        Futures.await(send(rows.keyOf(primaryKey)), syncWait, "lookup in " + table.getTablePath()));
  }

  @Override
  public CompletableFuture<List<Object>> lookupAsync(Object... primaryKey) {
    checkOpen();
    return client.deliver(send(rows.keyOf(primaryKey)), rows::decode);
  }

  @Override
  public CompletableFuture<List<Object>> lookupAsync(List<?> primaryKey) {
    checkOpen();
    return client.deliver(send(rows.keyOf(primaryKey)), rows::decode);
  }

  /**
   * The stored value bytes of the key, or null, once their schema is at hand; completes on any
   * thread.
   */
  private CompletableFuture<byte[]> send(Object[] key) {
    byte[] encoded = rows.encode(key);
    int bucket = rows.bucketOf(key, encoded);
    return sendRaw(key, encoded, bucket).thenCompose(rows::withSchema);
  }

  private CompletableFuture<byte[]> sendRaw(Object[] key, byte[] encoded, int bucket) {
    if (!rows.isPartitioned()) {
      return client.lookup(table, TableBucket.NO_PARTITION, bucket, encoded);
    }
    String partition = rows.partitionOf(key);
    if (partition == null) {
      return CompletableFuture.completedFuture(null);
    }
    // A key of a partition that does not exist has no row: null, as for any absent key.
    return client
        .partitionId(table, partition)
        .thenCompose(
            id ->
                id < 0
                    ? CompletableFuture.completedFuture(null)
                    : client.lookup(table, id, bucket, encoded));
  }

  @Override
  public List<List<Object>> lookupAll(List<? extends List<?>> primaryKeys) {
    checkOpen();
    List<CompletableFuture<byte[]>> futures = sendAll(primaryKeys);
    Futures.await(
        CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0])),
        syncWait,
        "lookupAll in " + table.getTablePath());
    return decodeAll(futures);
  }

  @Override
  public CompletableFuture<List<List<Object>>> lookupAllAsync(List<? extends List<?>> primaryKeys) {
    checkOpen();
    List<CompletableFuture<byte[]>> futures = sendAll(primaryKeys);
    return client.deliver(
        CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0])),
        v -> decodeAll(futures));
  }

  private List<CompletableFuture<byte[]>> sendAll(List<? extends List<?>> primaryKeys) {
    // Validate every key first: a bad key fails the call before anything is sent.
    List<Object[]> keys = new ArrayList<>(primaryKeys.size());
    for (List<?> k : primaryKeys) {
      keys.add(rows.keyOf(k));
    }
    List<CompletableFuture<byte[]>> futures = new ArrayList<>(keys.size());
    keys.forEach(k -> futures.add(send(k)));
    return futures;
  }

  /** Decodes answers that have all arrived, in key order. */
  private List<List<Object>> decodeAll(List<CompletableFuture<byte[]>> answered) {
    List<List<Object>> out = new ArrayList<>(answered.size());
    answered.forEach(f -> out.add(rows.decode(f.join())));
    return out;
  }

  private void checkOpen() {
    if (closed) {
      throw new ClosedException("this Lookuper of " + table.getTablePath() + " is closed");
    }
    client.checkOpen(handle);
  }

  /** Later calls throw; lookups already started still complete. Idempotent and thread-safe. */
  @Override
  public void close() {
    closed = true; // shares the connection's lookup client: nothing of its own to release
  }
}
