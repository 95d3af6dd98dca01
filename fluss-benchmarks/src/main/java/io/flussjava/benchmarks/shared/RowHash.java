package io.flussjava.benchmarks.shared;

import java.util.List;

/**
 * A checksum of rows read back, equal on both sides exactly when they read the same values: each
 * row hashes like {@link java.util.Arrays#hashCode(Object[])} over its JDK values, and a set of
 * rows sums its row hashes (so the order in which concurrent lookups complete does not matter).
 */
public final class RowHash {
  public static final int START = 1;

  private RowHash() {}

  /** Folds one more value of a row into the row's hash. */
  public static int mix(int rowHash, Object value) {
    return 31 * rowHash + (value == null ? 0 : value.hashCode());
  }

  public static int of(Object[] values) {
    int h = START;
    for (Object v : values) {
      h = mix(h, v);
    }
    return h;
  }

  public static int of(List<?> values) {
    int h = START;
    for (Object v : values) {
      h = mix(h, v);
    }
    return h;
  }

  /**
   * The hash of the generated row {@code index} reduced to the columns at {@code columns} (all when
   * null).
   */
  public static int ofGenerated(Shape shape, long seed, long index, int[] columns) {
    Object[] row = RowGenerator.row(shape, seed, index);
    if (columns == null) {
      return of(row);
    }
    int h = START;
    for (int c : columns) {
      h = mix(h, row[c]);
    }
    return h;
  }
}
