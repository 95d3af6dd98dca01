package io.flussjava.benchmarks.shared;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The write loop both clients run: every prepared row handed to the writer, then one flush; timed
 * from the first write to the flush's return. Rows are prepared in the client's own form before the
 * clock starts.
 */
public final class Writes {
  private Writes() {}

  /**
   * @param rows the rows, already in the client's row type
   * @param write appends or upserts one row (without waiting for it)
   * @param flush waits until every row is acknowledged, failing if any write failed
   */
  public static <T> Map<String, Object> run(List<T> rows, Consumer<T> write, Runnable flush) {
    Measurement m = Measurement.start();
    for (T row : rows) {
      write.accept(row);
    }
    flush.run();
    return m.finish(rows.size(), 0);
  }
}
