package io.flussjava.client.metadata;

import io.flussjava.types.DataField;
import io.flussjava.types.Schema;
import java.util.Arrays;
import java.util.List;

/**
 * How rows written with one schema version (the source) are presented in another (the target, a
 * reader's): each target column is found in the source by its column id, which stays with a column
 * through every schema change, or by name where either schema lacks ids. A target column the source
 * does not have (added after the row was written) reads as null.
 *
 * <p>Immutable and thread-safe.
 */
public final class SchemaMapping {
  private final int[] sourcePositions;
  private final int[] present;

  private SchemaMapping(int[] sourcePositions) {
    this.sourcePositions = sourcePositions;
    this.present = Arrays.stream(sourcePositions).filter(p -> p >= 0).toArray();
  }

  /**
   * The mapping from {@code source} rows to the {@code targetColumns} of {@code target}.
   *
   * @param targetColumns positions in {@code target} of the columns wanted, in the wanted order, or
   *     null for all of them
   */
  public static SchemaMapping of(Schema target, int[] targetColumns, Schema source) {
    List<Schema.Column> targetList = target.getColumns();
    List<Schema.Column> sourceList = source.getColumns();
    int[] columns = targetColumns == null ? allPositions(targetList.size()) : targetColumns.clone();
    int[] positions = new int[columns.length];
    for (int i = 0; i < columns.length; i++) {
      positions[i] = positionIn(sourceList, targetList.get(columns[i]));
    }
    return new SchemaMapping(positions);
  }

  private static int positionIn(List<Schema.Column> columns, Schema.Column wanted) {
    boolean byId = wanted.getColumnId() != DataField.UNASSIGNED_ID;
    for (int i = 0; i < columns.size(); i++) {
      Schema.Column c = columns.get(i);
      boolean same =
          byId && c.getColumnId() != DataField.UNASSIGNED_ID
              ? c.getColumnId() == wanted.getColumnId()
              : c.getName().equals(wanted.getName());
      if (same) {
        return i;
      }
    }
    return -1;
  }

  private static int[] allPositions(int n) {
    int[] all = new int[n];
    Arrays.setAll(all, i -> i);
    return all;
  }

  /** For each wanted target column its position in source rows, or -1 when the source lacks it. */
  public int[] sourcePositions() {
    return sourcePositions.clone();
  }

  /**
   * The source positions of the wanted columns the source has, in the wanted order: the projection
   * to decode source rows with before {@link #expand}ing them.
   */
  public int[] presentSourcePositions() {
    return present.clone();
  }

  /** Whether every wanted column is in the source (nothing needs padding). */
  public boolean isComplete() {
    return present.length == sourcePositions.length;
  }

  /**
   * A whole source row as the wanted target columns: values picked by position, null where the
   * source lacks the column.
   */
  public Object[] pick(Object[] sourceRow) {
    Object[] out = new Object[sourcePositions.length];
    for (int i = 0; i < out.length; i++) {
      int p = sourcePositions[i];
      out[i] = p < 0 ? null : sourceRow[p];
    }
    return out;
  }

  /**
   * A row decoded with the {@link #presentSourcePositions} projection, widened to the wanted target
   * columns with nulls where the source lacks them. Returned as is when nothing is missing.
   */
  public Object[] expand(Object[] presentValues) {
    if (isComplete()) {
      return presentValues;
    }
    Object[] out = new Object[sourcePositions.length];
    int next = 0;
    for (int i = 0; i < out.length; i++) {
      out[i] = sourcePositions[i] < 0 ? null : presentValues[next++];
    }
    return out;
  }

  @Override
  public String toString() {
    return "SchemaMapping" + Arrays.toString(sourcePositions);
  }
}
