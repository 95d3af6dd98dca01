package io.flussjava.types.codec;

import io.flussjava.exception.InvalidRowException;
import io.flussjava.types.RowType;

/**
 * Encodes the key columns of a row as Fluss's CompactedKeyEncoder does: the CompactedRow body
 * encodings of the key values, concatenated, with no null bitset. The result is both the
 * primary-key bytes of PutKv/Lookup and the input of {@link BucketHasher} for tables without a lake
 * format (or with Lance), and the prefix-lookup key of lake tables of kv format version 2. Key
 * columns must be non-null. Thread-safe: it keeps no scratch state, so one encoder per key may be
 * shared by every thread (a shared writer or lookuper encodes keys on many threads at once).
 *
 * <p>For fluss-java's own modules; not an API for applications, and it may change without notice.
 */
public final class CompactedKeyEncoder implements KeyEncoder {
  private final int[] keyIndexes;
  private final String[] keyNames;
  private final CompactedFieldCodec[] fields;

  /**
   * An encoder for the fields of {@code rowType} at {@code keyIndexes}, in that order.
   *
   * @throws IllegalArgumentException if there is no key column or an index is not a field
   * @throws UnsupportedOperationException if a key column is an ARRAY, MAP or ROW
   */
  public CompactedKeyEncoder(RowType rowType, int[] keyIndexes) {
    this.keyIndexes = keyIndexes.clone();
    this.keyNames = KeyColumns.names(rowType, keyIndexes);
    this.fields = new CompactedFieldCodec[keyIndexes.length];
    for (int i = 0; i < keyIndexes.length; i++) {
      int index = keyIndexes[i];
      fields[i] = CompactedFieldCodec.forType(rowType.getTypeAt(index));
    }
  }

  /**
   * Appends the key of {@code row} (a full row of canonical values) to {@code out}.
   *
   * @throws InvalidRowException if a key value is null
   */
  public void writeKey(Object[] row, ByteArrayOutput out) {
    for (int i = 0; i < keyIndexes.length; i++) {
      Object value = row[keyIndexes[i]];
      if (value == null) {
        throw new InvalidRowException("key column '" + keyNames[i] + "' must not be null");
      }
      fields[i].write(out, value);
    }
  }

  @Override
  public byte[] encodeKey(Object[] row) {
    // A fresh small buffer per key rather than a shared scratch one (which mixed up keys of
    // concurrent callers) or a ThreadLocal one: measured the same within noise (~40 ns a key), and
    // nothing stays pinned to pooled threads.
    ByteArrayOutput out = new ByteArrayOutput(32);
    writeKey(row, out);
    return out.toByteArray();
  }
}
