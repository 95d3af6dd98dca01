package io.flussjava.types.codec;

import io.flussjava.types.RowType;

/**
 * Decodes CompactedRow bytes (see {@link CompactedRowWriter}) into canonical values. Build one per
 * row type (i.e. per schema id) and reuse it. Thread-safe: each read uses its own cursor, so one
 * reader may serve many threads (a shared lookuper decodes answers on several threads at once).
 *
 * <p>For fluss-java's own modules; not an API for applications, and it may change without notice.
 */
public final class CompactedRowReader {
  private final CompactedFieldCodec[] fields;
  private final int bitsetBytes;

  public CompactedRowReader(RowType rowType) {
    this.fields = new CompactedFieldCodec[rowType.getFieldCount()];
    for (int i = 0; i < fields.length; i++) {
      fields[i] = CompactedFieldCodec.forType(rowType.getTypeAt(i));
    }
    this.bitsetBytes = CompactedRowWriter.bitsetBytes(fields.length);
  }

  /** Decodes the whole array as one row. */
  public Object[] read(byte[] row) {
    return read(row, 0, row.length);
  }

  /**
   * Decodes the row in {@code bytes[offset, offset + length)}.
   *
   * @throws IllegalArgumentException if the bytes end before the row does, or the row does not use
   *     them all
   */
  public Object[] read(byte[] bytes, int offset, int length) {
    // A cursor per row (a few fields, no array) instead of a shared one, which broke rows decoded
    // concurrently.
    ByteArrayInput input = new ByteArrayInput();
    input.reset(bytes, offset, length);
    if (length < bitsetBytes) {
      throw new IllegalArgumentException(
          "malformed CompactedRow: "
              + length
              + " bytes cannot hold the "
              + bitsetBytes
              + "-byte null bitset");
    }
    input.skip(bitsetBytes);
    Object[] values = new Object[fields.length];
    for (int i = 0; i < fields.length; i++) {
      boolean isNull = (bytes[offset + (i >>> 3)] & (1 << (i & 7))) != 0;
      if (!isNull) {
        values[i] = fields[i].read(input);
      }
    }
    if (input.remaining() != 0) {
      throw new IllegalArgumentException(
          "malformed CompactedRow: "
              + input.remaining()
              + " bytes left after the last of "
              + fields.length
              + " fields");
    }
    return values;
  }
}
