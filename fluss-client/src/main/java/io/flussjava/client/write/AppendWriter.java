package io.flussjava.client.write;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Appends rows to a log table. Obtained with {@code table.newAppend().createWriter()}.
 *
 * <pre>{@code
 * AppendWriter writer = table.newAppend().createWriter();
 * writer.append("user_log_1", "login_event");          // values in column order
 * writer.append(List.of("user_log_2", "logout_event"));
 * writer.flush();                                        // wait until everything appended so far is acknowledged
 * }</pre>
 *
 * <p>Rows are plain Java values in column order (see the type table in the README); a row that does
 * not fit the table fails at the call with an {@link io.flussjava.exception.InvalidRowException}
 * naming the column, and nothing else is affected. Rows are batched per bucket and sent in the
 * background; the returned future completes when the server has acknowledged the row (with {@code
 * client.writer.acks}) or fails with the typed reason. When the writer's buffer memory is used up,
 * calls block (back-pressure) for up to {@code client.writer.buffer.wait-timeout}. Thread-safe.
 */
public interface AppendWriter extends AutoCloseable {

  /** Appends one row given as values in column order. */
  CompletableFuture<WriteResult> append(Object... values);

  /** Appends one row given as a list of values in column order. */
  CompletableFuture<WriteResult> append(List<?> values);

  /**
   * Appends every row of an Arrow batch, for callers that already hold their data as Arrow vectors.
   *
   * <pre>{@code
   * try (VectorSchemaRoot root = VectorSchemaRoot.create(arrowSchema, allocator)) {
   *   ((IntVector) root.getVector("id")).setSafe(0, 1);
   *   ((VarCharVector) root.getVector("name")).setSafe(0, "a".getBytes(StandardCharsets.UTF_8));
   *   root.setRowCount(1);
   *   List<WriteResult> results = writer.appendBatch(root).join();   // one per row, in row order
   * }
   * }</pre>
   *
   * <p>The root must have the table's columns, named as in the table and in table order, each with
   * the Arrow type {@code io.flussjava.arrow.ArrowSchemas} maps the column's type to ({@code
   * ArrowSchemas.toArrowSchema( table.getTableInfo().getRowType())} builds a fitting schema; a
   * TIMESTAMP_LTZ column may also be a timestamp vector with a time zone). Field nullability is not
   * compared; the values are: a null in a NOT NULL column fails.
   *
   * <p>The whole batch is checked and its values read before anything is written, so a bad batch
   * writes nothing, and the caller may close or reuse the root as soon as this method returns. The
   * rows then go through the same pipeline as {@link #append(Object...)} (batching per bucket,
   * retries, idempotence), in row order; they may be spread over several buckets and requests, so a
   * failure of one request does not undo the rows of others.
   *
   * @return a future of one {@link WriteResult} per row, in row order, completed when every row is
   *     acknowledged, or failed with the first failure of any of its rows
   * @throws io.flussjava.exception.SchemaMismatchException if the root's columns do not fit the
   *     table
   * @throws io.flussjava.exception.InvalidRowException if a NOT NULL column holds a null, or a
   *     value does not fit its column (the message names the column and the row)
   */
  CompletableFuture<List<WriteResult>> appendBatch(VectorSchemaRoot root);

  /**
   * Sends everything appended so far and waits until it is acknowledged; throws the first failure.
   */
  void flush();

  /** Flushes. The connection's shared writer machinery stays up for other writers. */
  @Override
  void close();
}
