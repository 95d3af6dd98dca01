package io.flussjava.client.scan.internal;

import java.util.Arrays;

/**
 * Turns what a log reader decodes into the columns a scan asked for, in the asked order: nothing to
 * do when the reader already projected (row formats) or read everything unprojected; a reordering
 * in place ({@link ColumnOrder}) when the server sent the asked columns in table order; a pick of
 * the asked columns when an ARROW table is read whole because its projection cannot be pushed down.
 */
final class RowShape {
  private static final RowShape AS_DECODED = new RowShape(null, null);

  private final ColumnOrder order;
  private final int[] pick;

  private RowShape(ColumnOrder order, int[] pick) {
    this.order = order;
    this.pick = pick;
  }

  /**
   * @param asked the asked columns (table positions), or null for all
   * @param decoded the columns the reader hands out: null for all, else the asked ones or the same
   *     sorted
   */
  static RowShape of(int[] asked, int[] decoded) {
    if (asked == null || Arrays.equals(asked, decoded)) {
      return AS_DECODED;
    }
    if (decoded == null) {
      return new RowShape(null, asked.clone());
    }
    return new RowShape(ColumnOrder.of(asked, decoded), null);
  }

  Object[] apply(Object[] row) {
    if (order != null) {
      return order.apply(row);
    }
    if (pick == null) {
      return row;
    }
    Object[] out = new Object[pick.length];
    for (int i = 0; i < pick.length; i++) {
      out[i] = row[pick[i]];
    }
    return out;
  }

  /**
   * Where each asked column sits among the decoded Arrow vectors, or null when they are the same.
   */
  int[] vectorPositions() {
    return order != null ? order.sourcePositions() : pick == null ? null : pick.clone();
  }
}
