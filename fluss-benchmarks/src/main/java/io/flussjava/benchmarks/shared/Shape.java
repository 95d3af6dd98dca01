package io.flussjava.benchmarks.shared;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The two benchmark rows. NARROW = {@code id BIGINT, name STRING (16 chars), score DOUBLE, ts
 * TIMESTAMP(3)} (40 logical bytes); WIDE = NARROW plus {@code INT, INT, BIGINT, FLOAT, BOOLEAN,
 * STRING (32 chars), DECIMAL(10,2), DATE} (105 logical bytes). Column 0 is always {@code id}, the
 * primary key of the upsert tables.
 */
public enum Shape {
  NARROW(
      new String[] {"id", "name", "score", "ts"},
      new ColumnKind[] {
        ColumnKind.BIGINT, ColumnKind.STRING_16, ColumnKind.DOUBLE, ColumnKind.TIMESTAMP_3
      }),
  WIDE(
      new String[] {
        "id", "name", "score", "ts", "i1", "i2", "l1", "f1", "flag", "label", "amount", "day"
      },
      new ColumnKind[] {
        ColumnKind.BIGINT, ColumnKind.STRING_16, ColumnKind.DOUBLE, ColumnKind.TIMESTAMP_3,
        ColumnKind.INT, ColumnKind.INT, ColumnKind.BIGINT, ColumnKind.FLOAT,
        ColumnKind.BOOLEAN, ColumnKind.STRING_32, ColumnKind.DECIMAL_10_2, ColumnKind.DATE
      });

  private final String[] names;
  private final ColumnKind[] kinds;

  Shape(String[] names, ColumnKind[] kinds) {
    this.names = names;
    this.kinds = kinds;
  }

  public int columnCount() {
    return names.length;
  }

  public String name(int column) {
    return names[column];
  }

  public ColumnKind kind(int column) {
    return kinds[column];
  }

  public List<String> names() {
    return List.of(names);
  }

  /** Positions of the named columns, in the order given. */
  public int[] indexesOf(List<String> columns) {
    int[] out = new int[columns.size()];
    List<String> all = Arrays.asList(names);
    for (int i = 0; i < out.length; i++) {
      out[i] = all.indexOf(columns.get(i));
      if (out[i] < 0) {
        throw new IllegalArgumentException(
            columns.get(i) + " is not a column of " + this + " " + all);
      }
    }
    return out;
  }

  /** The kinds of the named columns (all columns when {@code columns} is null). */
  public List<ColumnKind> kindsOf(List<String> columns) {
    List<ColumnKind> out = new ArrayList<>();
    for (int i : columns == null ? allIndexes() : indexesOf(columns)) {
      out.add(kinds[i]);
    }
    return out;
  }

  /** The logical size of a row reduced to the named columns (all when null), for MB/s figures. */
  public int logicalBytes(List<String> columns) {
    int sum = 0;
    for (ColumnKind k : kindsOf(columns)) {
      sum += k.logicalBytes();
    }
    return sum;
  }

  private int[] allIndexes() {
    int[] all = new int[names.length];
    Arrays.setAll(all, i -> i);
    return all;
  }
}
