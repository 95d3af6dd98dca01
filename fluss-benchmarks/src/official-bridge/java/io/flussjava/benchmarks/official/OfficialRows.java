package io.flussjava.benchmarks.official;

import io.flussjava.benchmarks.shared.ColumnKind;
import io.flussjava.benchmarks.shared.RowGenerator;
import io.flussjava.benchmarks.shared.RowHash;
import io.flussjava.benchmarks.shared.Shape;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.fluss.row.BinaryString;
import org.apache.fluss.row.Decimal;
import org.apache.fluss.row.GenericRow;
import org.apache.fluss.row.InternalRow;
import org.apache.fluss.row.TimestampNtz;

/**
 * Converts between the generator's JDK values and the official client's internal row types, both ways. Reading
 * turns every value into the same JDK object fluss-java hands out (String, LocalDateTime, BigDecimal, LocalDate...),
 * so both clients do the same work per value.
 */
final class OfficialRows {
  private OfficialRows() {}

  /** Rows {@code [0, count)} of the generator, as GenericRows (converted before any clock starts). */
  static List<GenericRow> generate(Shape shape, long seed, int count) {
    List<GenericRow> rows = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      rows.add(toGenericRow(RowGenerator.row(shape, seed, i)));
    }
    return rows;
  }

  static GenericRow toGenericRow(Object[] values) {
    Object[] internal = new Object[values.length];
    for (int i = 0; i < values.length; i++) {
      internal[i] = toInternal(values[i]);
    }
    return GenericRow.of(internal);
  }

  private static Object toInternal(Object value) {
    if (value instanceof String) {
      return BinaryString.fromString((String) value);
    } else if (value instanceof LocalDateTime) {
      return TimestampNtz.fromLocalDateTime((LocalDateTime) value);
    } else if (value instanceof BigDecimal) {
      return Decimal.fromBigDecimal((BigDecimal) value, 10, 2);
    } else if (value instanceof LocalDate) {
      return (int) ((LocalDate) value).toEpochDay();
    }
    return value; // Long, Double, Integer, Float, Boolean are the official client's own types too
  }

  /** Hashes a row whose columns have {@code kinds}, materializing each value as a JDK object first. */
  static int rowHash(InternalRow row, ColumnKind[] kinds) {
    int h = RowHash.START;
    for (int i = 0; i < kinds.length; i++) {
      h = RowHash.mix(h, row.isNullAt(i) ? null : read(row, i, kinds[i]));
    }
    return h;
  }

  private static Object read(InternalRow row, int pos, ColumnKind kind) {
    switch (kind) {
      case BIGINT:
        return row.getLong(pos);
      case STRING_16:
      case STRING_32:
        return row.getString(pos).toString();
      case DOUBLE:
        return row.getDouble(pos);
      case TIMESTAMP_3:
        return row.getTimestampNtz(pos, 3).toLocalDateTime();
      case INT:
        return row.getInt(pos);
      case FLOAT:
        return row.getFloat(pos);
      case BOOLEAN:
        return row.getBoolean(pos);
      case DECIMAL_10_2:
        return row.getDecimal(pos, 10, 2).toBigDecimal();
      case DATE:
        return LocalDate.ofEpochDay(row.getInt(pos));
      default:
        throw new IllegalArgumentException("no reader for " + kind);
    }
  }
}
