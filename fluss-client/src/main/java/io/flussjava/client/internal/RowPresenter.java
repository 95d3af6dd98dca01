package io.flussjava.client.internal;

import io.flussjava.types.RowType;
import io.flussjava.types.convert.RowConverter;
import io.flussjava.types.convert.TypeConverters;

/**
 * Turns a decoded canonical row of a table into a row as readers hand it out: the asked columns, in
 * the asked order, as the connection's Java types. Thread-safe.
 */
public final class RowPresenter {
  private final int[] projection;
  private final RowConverter output;

  /**
   * @param projection the columns to hand out, in this order, or null for all
   */
  public RowPresenter(RowType rowType, int[] projection, TypeConverters converters) {
    this.projection = projection;
    this.output =
        projection == null
            ? new RowConverter(rowType, converters)
            : RowConverter.forProjection(rowType, projection, converters);
  }

  public Object[] present(Object[] canonical) {
    if (projection == null) {
      return output.fromCanonical(canonical);
    }
    Object[] projected = new Object[projection.length];
    for (int i = 0; i < projection.length; i++) {
      projected[i] = canonical[projection[i]];
    }
    return output.fromCanonical(projected);
  }
}
