package io.flussjava.client.lookup.internal;

import io.flussjava.client.admin.TableInfo;
import io.flussjava.client.internal.Futures;
import io.flussjava.client.lookup.PrefixLookuper;
import io.flussjava.types.convert.TypeConverters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Prefix lookups by the table's bucket key over the shared {@link LookupClient}. */
public final class PrefixLookuperImpl implements PrefixLookuper {
  private final TableInfo table;
  private final LookupClient client;
  private final KeyedRows rows;
  private final Duration syncWait;

  public PrefixLookuperImpl(
      TableInfo table, List<String> lookupColumns, LookupClient client, TypeConverters converters,
      Duration requestTimeout) {
    this.table = table;
    this.client = client;
    this.rows = new KeyedRows(table, lookupColumns, converters);
    this.syncWait = requestTimeout.plusSeconds(5);
  }

  @Override
  public List<List<Object>> lookup(Object... prefix) {
    return Futures.await(lookupAsync(prefix), syncWait, "prefix lookup in " + table.getTablePath());
  }

  @Override
  public CompletableFuture<List<List<Object>>> lookupAsync(Object... prefix) {
    Object[] key = rows.keyOf(prefix);
    byte[] encoded = rows.encode(key);
    int bucket = rows.bucketOf(key, encoded);
    CompletableFuture<Long> partitionId;
    if (!rows.isPartitioned()) {
      partitionId = CompletableFuture.completedFuture(-1L);
    } else {
      String partition = rows.partitionOf(key);
      if (partition == null) {
        return CompletableFuture.completedFuture(List.of());
      }
      partitionId = client.partitionId(table, partition);
    }
    return partitionId.thenCompose(
        id -> {
          if (id < 0 && rows.isPartitioned()) {
            return CompletableFuture.completedFuture(List.<List<Object>>of()); // no such partition: no rows
          }
          return client.prefixLookup(table, id, bucket, encoded)
              .thenApply(
                  values -> {
                    List<List<Object>> out = new ArrayList<>(values.size());
                    values.forEach(v -> out.add(rows.decode(v)));
                    return out;
                  });
        });
  }

  @Override
  public void close() {
    // Shares the connection's lookup client.
  }
}
