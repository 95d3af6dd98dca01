package io.flussjava.client.lookup.internal;

import io.flussjava.client.admin.TableInfo;
import io.flussjava.client.internal.Futures;
import io.flussjava.client.lookup.Lookuper;
import io.flussjava.types.convert.TypeConverters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Whole-primary-key lookups over the shared {@link LookupClient}. */
public final class LookuperImpl implements Lookuper {
  private final TableInfo table;
  private final LookupClient client;
  private final KeyedRows rows;
  private final Duration syncWait;

  public LookuperImpl(TableInfo table, LookupClient client, TypeConverters converters, Duration requestTimeout) {
    this.table = table;
    this.client = client;
    this.rows = new KeyedRows(table, table.getPrimaryKeys(), converters);
    this.syncWait = requestTimeout.plusSeconds(5);
  }

  @Override
  public List<Object> lookup(Object... primaryKey) {
    return Futures.await(lookupAsync(primaryKey), syncWait, "lookup in " + table.getTablePath());
  }

  @Override
  public List<Object> lookup(List<?> primaryKey) {
    return Futures.await(lookupAsync(primaryKey), syncWait, "lookup in " + table.getTablePath());
  }

  @Override
  public CompletableFuture<List<Object>> lookupAsync(Object... primaryKey) {
    return send(rows.keyOf(primaryKey));
  }

  @Override
  public CompletableFuture<List<Object>> lookupAsync(List<?> primaryKey) {
    return send(rows.keyOf(primaryKey));
  }

  private CompletableFuture<List<Object>> send(Object[] key) {
    byte[] encoded = rows.encode(key);
    int bucket = rows.bucketOf(key, encoded);
    if (!rows.isPartitioned()) {
      return client.lookup(table, -1L, bucket, encoded).thenApply(rows::decode);
    }
    String partition = rows.partitionOf(key);
    if (partition == null) {
      return CompletableFuture.completedFuture(null);
    }
    // A key of a partition that does not exist has no row: null, as for any absent key.
    return client.partitionId(table, partition)
        .thenCompose(
            id -> id < 0
                ? CompletableFuture.completedFuture(null)
                : client.lookup(table, id, bucket, encoded).thenApply(rows::decode));
  }

  @Override
  public List<List<Object>> lookupAll(List<? extends List<?>> primaryKeys) {
    return Futures.await(lookupAllAsync(primaryKeys), syncWait, "lookupAll in " + table.getTablePath());
  }

  @Override
  public CompletableFuture<List<List<Object>>> lookupAllAsync(List<? extends List<?>> primaryKeys) {
    // Validate every key first: a bad key fails the call before anything is sent.
    List<Object[]> keys = new ArrayList<>(primaryKeys.size());
    for (List<?> k : primaryKeys) {
      keys.add(rows.keyOf(k));
    }
    List<CompletableFuture<List<Object>>> futures = new ArrayList<>(keys.size());
    keys.forEach(k -> futures.add(send(k)));
    return CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0]))
        .thenApply(
            v -> {
              List<List<Object>> out = new ArrayList<>(futures.size());
              futures.forEach(f -> out.add(f.join()));
              return out;
            });
  }

  @Override
  public void close() {
    // Shares the connection's lookup client: nothing of its own to release.
  }
}
