package io.flussjava.client.lookup.internal;

import io.flussjava.client.TableBucket;
import io.flussjava.client.admin.TableInfo;
import io.flussjava.client.internal.Futures;
import io.flussjava.client.lookup.PrefixLookuper;
import io.flussjava.client.metadata.SchemaCache;
import io.flussjava.exception.ClosedException;
import io.flussjava.types.convert.TypeConverters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Prefix lookups by the table's bucket key over the shared {@link LookupClient}; threads as in
 * {@link LookuperImpl}.
 */
public final class PrefixLookuperImpl implements PrefixLookuper {
  private final TableInfo table;
  private final LookupClient client;
  private final KeyedRows rows;
  private final Duration syncWait;
  private final String handle;
  private volatile boolean closed;

  public PrefixLookuperImpl(
      TableInfo table,
      List<String> lookupColumns,
      LookupClient client,
      TypeConverters converters,
      SchemaCache schemas,
      Duration requestTimeout) {
    this.table = table;
    this.client = client;
    this.rows = new KeyedRows(table, lookupColumns, true, converters, schemas);
    this.syncWait = requestTimeout.plusSeconds(5);
    this.handle = "the PrefixLookuper of " + table.getTablePath();
  }

  @Override
  public List<List<Object>> lookup(Object... prefix) {
    checkOpen();
    return decode(
        Futures.await(send(prefix), syncWait, "prefix lookup in " + table.getTablePath()));
  }

  @Override
  public CompletableFuture<List<List<Object>>> lookupAsync(Object... prefix) {
    checkOpen();
    return client.deliver(send(prefix), this::decode);
  }

  /**
   * The stored values of the matching rows, once their schemas are at hand; completes on any
   * thread.
   */
  private CompletableFuture<List<byte[]>> send(Object[] prefix) {
    Object[] key = rows.keyOf(prefix);
    byte[] encoded = rows.encode(key);
    int bucket = rows.bucketOf(key, encoded);
    return sendRaw(key, encoded, bucket).thenCompose(rows::withSchemas);
  }

  private CompletableFuture<List<byte[]>> sendRaw(Object[] key, byte[] encoded, int bucket) {
    if (!rows.isPartitioned()) {
      return client.prefixLookup(table, TableBucket.NO_PARTITION, bucket, encoded);
    }
    String partition = rows.partitionOf(key);
    if (partition == null) {
      return CompletableFuture.completedFuture(List.of());
    }
    // No such partition: no rows.
    return client
        .partitionId(table, partition)
        .thenCompose(
            id ->
                id < 0
                    ? CompletableFuture.completedFuture(List.<byte[]>of())
                    : client.prefixLookup(table, id, bucket, encoded));
  }

  private List<List<Object>> decode(List<byte[]> values) {
    List<List<Object>> out = new ArrayList<>(values.size());
    values.forEach(v -> out.add(rows.decode(v)));
    return out;
  }

  private void checkOpen() {
    if (closed) {
      throw new ClosedException("this PrefixLookuper of " + table.getTablePath() + " is closed");
    }
    client.checkOpen(handle);
  }

  /** Later calls throw; lookups already started still complete. Idempotent and thread-safe. */
  @Override
  public void close() {
    closed = true;
  }
}
