package io.flussjava.client.write;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Inserts, updates and deletes rows of a primary-key table by key. Obtained with {@code
 * table.newUpsert().createWriter()}, or {@code table.newUpsert().partialUpdate("id",
 * "age").createWriter()} to write only some columns (the others keep their values).
 *
 * <pre>{@code
 * UpsertWriter writer = table.newUpsert().createWriter();
 * writer.upsert("1", 20, LocalDateTime.now(), true);
 * writer.delete("2", null, null, null);   // only the primary-key values matter for a delete
 * writer.flush();
 * }</pre>
 *
 * <p>Same batching, back-pressure, retries and error reporting as {@link AppendWriter}.
 * Thread-safe.
 */
public interface UpsertWriter extends AutoCloseable {

  /**
   * Inserts the row, or replaces the row with the same primary key (only the target columns, if
   * partial).
   */
  CompletableFuture<WriteResult> upsert(Object... values);

  CompletableFuture<WriteResult> upsert(List<?> values);

  /** Deletes the row with this row's primary key; non-key values may be null. */
  CompletableFuture<WriteResult> delete(Object... values);

  CompletableFuture<WriteResult> delete(List<?> values);

  /**
   * Sends everything written so far and waits until it is acknowledged; throws the first failure.
   */
  void flush();

  @Override
  void close();
}
