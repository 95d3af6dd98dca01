package io.flussjava.arrow;

import org.apache.arrow.vector.ValueVector;

/**
 * Reads one column of a loaded Arrow vector back to canonical Java values. One instance per column,
 * chosen once per schema by {@link ArrowFieldReaders#create}; it keeps pointing at the same vector
 * object, which the reader's {@code VectorLoader} refills for every batch.
 */
public abstract class ArrowFieldReader {
  private final ValueVector vector;

  protected ArrowFieldReader(ValueVector vector) {
    this.vector = vector;
  }

  /** The value at {@code row}, or null. */
  public final Object read(int row) {
    return vector.isNull(row) ? null : readValue(row);
  }

  /**
   * Fills column {@code column} of {@code rows[0 .. to - from)} with the values of rows {@code
   * [from, to)}: one column at a time, so the loop stays on one reader.
   */
  public void readInto(Object[][] rows, int column, int from, int to) {
    ValueVector values = vector;
    for (int row = from; row < to; row++) {
      rows[row - from][column] = values.isNull(row) ? null : readValue(row);
    }
  }

  /** The non-null value at {@code row}. */
  protected abstract Object readValue(int row);
}
