package io.flussjava.types.codec;

import io.flussjava.types.RowType;

/**
 * Encodes and decodes whole rows of one row type, for ROW values nested in a row or in a binary
 * array or map. Which encoding depends on the row format around them: a ROW inside a CompactedRow
 * (or inside an array of one) is itself a CompactedRow, inside an IndexedRow it is an IndexedRow.
 *
 * <p>For fluss-java's own modules; not an API for applications, and it may change without notice.
 */
public interface NestedRowCodec {
  /** Appends the row's bytes to {@code out}. */
  void writeRow(Object[] values, ByteArrayOutput out);

  /**
   * Decodes the row in {@code bytes[offset, offset + length)}.
   *
   * @throws IllegalArgumentException if the bytes are not one well-formed row
   */
  Object[] readRow(byte[] bytes, int offset, int length);

  /** Makes the codec of nested rows of a row type; one per row format. */
  @FunctionalInterface
  interface Factory {
    NestedRowCodec create(RowType rowType);
  }
}
