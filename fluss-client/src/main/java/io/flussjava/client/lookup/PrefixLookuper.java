package io.flussjava.client.lookup;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Finds all rows whose primary key starts with given values (the table's bucket key, a prefix of
 * its primary key). Obtained with {@code table.newLookup().lookupBy("user_id").createLookuper()}.
 * Thread-safe; threads and closing as for {@link Lookuper}: async results complete on the
 * connection's lookup callback threads, never on a network thread, and calls after {@link #close()}
 * throw a {@link io.flussjava.exception.ClosedException}.
 */
public interface PrefixLookuper extends AutoCloseable {

  /** Every row whose lookup columns have these values (empty if none). */
  List<List<Object>> lookup(Object... prefix);

  CompletableFuture<List<List<Object>>> lookupAsync(Object... prefix);

  /** Closes this lookuper (not the connection). Idempotent and thread-safe. */
  @Override
  void close();
}
