package io.flussjava.client.lookup;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Finds all rows whose primary key starts with given values (the table's bucket key, a prefix of its primary key).
 * Obtained with {@code table.newLookup().lookupBy("user_id").createLookuper()}. Thread-safe.
 */
public interface PrefixLookuper extends AutoCloseable {

  /** Every row whose lookup columns have these values (empty if none). */
  List<List<Object>> lookup(Object... prefix);

  CompletableFuture<List<List<Object>>> lookupAsync(Object... prefix);

  @Override
  void close();
}
