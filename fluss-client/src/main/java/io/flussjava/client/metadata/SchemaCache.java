package io.flussjava.client.metadata;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.flussjava.client.admin.SchemaInfo;
import io.flussjava.client.admin.TablePath;
import io.flussjava.types.Schema;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;

/**
 * The schema versions of tables, each fetched from the coordinator once and then kept: a schema id
 * names one schema for the life of its table, so entries never go stale. Keyed by table id, so a
 * table dropped and created again under the same path never reads the old table's schemas.
 *
 * <p>Readers look a schema up without waiting ({@link #getIfLoaded}) on their hot path, and when it
 * is missing start a load ({@link #load}) whose future they continue on: nothing here blocks, so a
 * network thread may call it. A failed load is not kept; the next one asks again. Thread-safe.
 */
public final class SchemaCache {
  private final AsyncCache<Key, Schema> schemas = Caffeine.newBuilder().buildAsync();
  private final BiFunction<TablePath, Integer, CompletableFuture<SchemaInfo>> loader;

  /**
   * @param loader fetches one schema version of a table from the coordinator (with retries)
   */
  public SchemaCache(BiFunction<TablePath, Integer, CompletableFuture<SchemaInfo>> loader) {
    this.loader = loader;
  }

  /** The schema if it was loaded already; null otherwise (never waits). */
  public Schema getIfLoaded(long tableId, int schemaId) {
    CompletableFuture<Schema> future = schemas.getIfPresent(new Key(tableId, schemaId));
    return future != null && future.isDone() && !future.isCompletedExceptionally()
        ? future.join()
        : null;
  }

  /** The schema of id {@code schemaId} of the table, loaded once for all callers asking for it. */
  public CompletableFuture<Schema> load(TablePath path, long tableId, int schemaId) {
    return schemas.get(
        new Key(tableId, schemaId),
        (key, executor) -> loader.apply(path, schemaId).thenApply(SchemaInfo::getSchema));
  }

  /** Adds a schema the caller already has (e.g. the one of a table info just fetched). */
  public void put(long tableId, int schemaId, Schema schema) {
    schemas.put(new Key(tableId, schemaId), CompletableFuture.completedFuture(schema));
  }

  private record Key(long tableId, int schemaId) {}
}
