package io.flussjava.types.codec;

import io.flussjava.types.DataTypeRoot;
import io.flussjava.types.RowType;

/** What every key encoder checks of its key columns before it is built. */
final class KeyColumns {
  private KeyColumns() {}

  /**
   * The names of the fields of {@code rowType} at {@code keyIndexes}.
   *
   * @throws IllegalArgumentException if there is no key column or an index is not a field
   * @throws UnsupportedOperationException if a key column is an ARRAY, MAP or ROW
   */
  static String[] names(RowType rowType, int[] keyIndexes) {
    if (keyIndexes.length == 0) {
      throw new IllegalArgumentException("a key needs at least one column");
    }
    String[] names = new String[keyIndexes.length];
    for (int i = 0; i < keyIndexes.length; i++) {
      int index = keyIndexes[i];
      if (index < 0 || index >= rowType.getFieldCount()) {
        throw new IllegalArgumentException("key index " + index + " is not a field of " + rowType);
      }
      names[i] = rowType.getFieldNames().get(index);
      DataTypeRoot root = rowType.getTypeAt(index).getTypeRoot();
      if (root == DataTypeRoot.ARRAY || root == DataTypeRoot.MAP || root == DataTypeRoot.ROW) {
        // Fluss rejects such tables; a key encoding of them would match nothing on the server.
        throw new UnsupportedOperationException(
            "key column '"
                + names[i]
                + "' is "
                + rowType.getTypeAt(index)
                + "; Fluss keys cannot be ARRAY, MAP or ROW");
      }
    }
    return names;
  }
}
