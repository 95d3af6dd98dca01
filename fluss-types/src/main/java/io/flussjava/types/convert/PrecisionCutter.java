package io.flussjava.types.convert;

import io.flussjava.types.DataType;
import io.flussjava.types.LocalZonedTimestampType;
import io.flussjava.types.RowType;
import io.flussjava.types.TimeType;
import io.flussjava.types.TimestampType;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * Cuts TIME, TIMESTAMP and TIMESTAMP_LTZ values of a row to their column's precision (digits beyond
 * it are dropped, toward the past), so that a value reads back the same from every path: the Arrow
 * log keeps only its unit's digits, while KV rows (and so lookups) would keep every digit given.
 * {@code LocalDateTime.now()} has nanoseconds, a TIMESTAMP(6) column keeps microseconds.
 *
 * <p>Writers cut after the row's partition is named, so partition names are built from the value as
 * given, as the official client builds them. Values nested in ARRAY, MAP or ROW columns are not
 * cut. Thread-safe.
 */
public final class PrecisionCutter {
  private static final int[] POW10 = {
    1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000
  };

  private final int[] columns;
  // Nanoseconds are cut to multiples of this, per column in `columns`.
  private final int[] units;

  public PrecisionCutter(RowType rowType) {
    int n = 0;
    int[] cols = new int[rowType.getFieldCount()];
    int[] us = new int[rowType.getFieldCount()];
    for (int i = 0; i < rowType.getFieldCount(); i++) {
      int precision = precisionOf(rowType.getTypeAt(i));
      if (precision >= 0 && precision < 9) {
        cols[n] = i;
        us[n] = POW10[9 - precision];
        n++;
      }
    }
    this.columns = java.util.Arrays.copyOf(cols, n);
    this.units = java.util.Arrays.copyOf(us, n);
  }

  private static int precisionOf(DataType type) {
    if (type instanceof TimeType t) {
      return t.getPrecision();
    }
    if (type instanceof TimestampType t) {
      return t.getPrecision();
    }
    if (type instanceof LocalZonedTimestampType t) {
      return t.getPrecision();
    }
    return -1;
  }

  /**
   * The row with its temporal values cut: {@code row} itself when nothing needs cutting (the common
   * case costs no copy), else a copy; the caller's array is never changed.
   */
  public Object[] cut(Object[] row) {
    Object[] out = row;
    for (int c = 0; c < columns.length; c++) {
      int i = columns[c];
      Object value = row[i];
      Object cut = cut(value, units[c]);
      if (cut != value) {
        if (out == row) {
          out = row.clone();
        }
        out[i] = cut;
      }
    }
    return out;
  }

  private static Object cut(Object value, int unit) {
    if (value instanceof LocalDateTime t) {
      int extra = t.getNano() % unit;
      return extra == 0 ? t : t.minusNanos(extra);
    }
    if (value instanceof Instant t) {
      int extra = t.getNano() % unit;
      return extra == 0 ? t : t.minusNanos(extra);
    }
    if (value instanceof LocalTime t) {
      int extra = t.getNano() % unit;
      return extra == 0 ? t : t.minusNanos(extra);
    }
    return value;
  }
}
