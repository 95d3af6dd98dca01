package io.flussjava.client.write;

import java.util.List;
import java.util.concurrent.CompletableFuture;

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
 * <p>Rows are plain Java values in column order (see the type table in the README); a row that does not fit the
 * table fails at the call with an {@link io.flussjava.exception.InvalidRowException} naming the column, and nothing
 * else is affected. Rows are batched per bucket and sent in the background; the returned future completes when the
 * server has acknowledged the row (with {@code client.writer.acks}) or fails with the typed reason. When the
 * writer's buffer memory is used up, calls block (back-pressure) for up to {@code
 * client.writer.buffer.wait-timeout}. Thread-safe.
 */
public interface AppendWriter extends AutoCloseable {

  /** Appends one row given as values in column order. */
  CompletableFuture<WriteResult> append(Object... values);

  /** Appends one row given as a list of values in column order. */
  CompletableFuture<WriteResult> append(List<?> values);

  /** Sends everything appended so far and waits until it is acknowledged; throws the first failure. */
  void flush();

  /** Flushes. The connection's shared writer machinery stays up for other writers. */
  @Override
  void close();
}
