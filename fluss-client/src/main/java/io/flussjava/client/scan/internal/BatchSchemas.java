package io.flussjava.client.scan.internal;

import io.flussjava.client.admin.TablePath;
import io.flussjava.client.metadata.SchemaCache;
import io.flussjava.log.LogBatches;
import io.flussjava.types.Schema;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The schema versions a scanner meets in the batches it fetches. The fetcher asks for the ones a
 * response needs before it buffers the response ({@link #loadMissing}), so that decoding, on the
 * caller's thread, finds every schema at hand ({@link #get}) and never waits for the network.
 */
final class BatchSchemas {
  private final SchemaCache cache;
  private final TablePath path;
  private final long tableId;
  private final int readerSchemaId;
  private final Schema readerSchema;

  BatchSchemas(
      SchemaCache cache, TablePath path, long tableId, int readerSchemaId, Schema readerSchema) {
    this.cache = cache;
    this.path = path;
    this.tableId = tableId;
    this.readerSchemaId = readerSchemaId;
    this.readerSchema = readerSchema;
  }

  int readerSchemaId() {
    return readerSchemaId;
  }

  Schema readerSchema() {
    return readerSchema;
  }

  /**
   * Null when every schema the batches of {@code records} were written with is at hand; else a
   * future that completes once they are loaded (or fails with why one could not be).
   */
  CompletableFuture<Void> loadMissing(ByteBuffer records) {
    List<CompletableFuture<Schema>> loads = null;
    for (LogBatches.SchemaRun run : LogBatches.schemaRuns(records)) {
      int id = run.schemaId();
      if (id != readerSchemaId && cache.getIfLoaded(tableId, id) == null) {
        if (loads == null) {
          loads = new ArrayList<>(1);
        }
        loads.add(cache.load(path, tableId, id));
      }
    }
    return loads == null
        ? null
        : CompletableFuture.allOf(loads.toArray(CompletableFuture<?>[]::new));
  }

  /**
   * The schema of {@code schemaId}, which {@link #loadMissing} loaded before the batch was
   * buffered.
   *
   * @throws IllegalStateException if it was not loaded (a bug: the fetcher buffers no response
   *     before its schemas are at hand)
   */
  Schema get(int schemaId) {
    if (schemaId == readerSchemaId) {
      return readerSchema;
    }
    Schema schema = cache.getIfLoaded(tableId, schemaId);
    if (schema == null) {
      throw new IllegalStateException(
          "schema " + schemaId + " of " + path + " was not loaded before its batch was decoded");
    }
    return schema;
  }
}
