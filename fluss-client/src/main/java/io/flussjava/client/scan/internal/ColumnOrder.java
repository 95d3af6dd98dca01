package io.flussjava.client.scan.internal;

import java.util.Arrays;

/**
 * Puts the columns of a decoded row from the order the server sends them in (table order) into the
 * order the caller projected them in, inside the row's own array: the reader hands out a fresh
 * array per row, so reordering it in place costs no second array per row. The permutation is split
 * into cycles once, up front.
 */
final class ColumnOrder {
  // out[i] = in[from[i]]
  private final int[] from;
  // The first position of each cycle of length > 1.
  private final int[] cycleStarts;

  private ColumnOrder(int[] from) {
    this.from = from;
    boolean[] seen = new boolean[from.length];
    int[] starts = new int[from.length];
    int n = 0;
    for (int i = 0; i < from.length; i++) {
      if (seen[i] || from[i] == i) {
        continue;
      }
      starts[n++] = i;
      for (int j = i; !seen[j]; j = from[j]) {
        seen[j] = true;
      }
    }
    this.cycleStarts = Arrays.copyOf(starts, n);
  }

  /**
   * The order that turns rows of the columns {@code sorted} (ascending column indexes, as the
   * server sends a projection) into rows of {@code asked} (the same columns in the caller's order);
   * null when the two agree.
   */
  static ColumnOrder of(int[] asked, int[] sorted) {
    if (Arrays.equals(asked, sorted)) {
      return null;
    }
    int[] from = new int[asked.length];
    for (int i = 0; i < asked.length; i++) {
      from[i] = Arrays.binarySearch(sorted, asked[i]);
    }
    return new ColumnOrder(from);
  }

  /**
   * Where each output column sits in the input row (for reordering Arrow vectors, which moves no
   * values).
   */
  int[] sourcePositions() {
    return from.clone();
  }

  /** Reorders {@code row} in place and returns it. */
  Object[] apply(Object[] row) {
    for (int start : cycleStarts) {
      Object first = row[start];
      int i = start;
      for (int j = from[i]; j != start; j = from[i]) {
        row[i] = row[j]; // row[j] is read before anything writes it: j is the cycle's next position
        i = j;
      }
      row[i] = first;
    }
    return row;
  }
}
