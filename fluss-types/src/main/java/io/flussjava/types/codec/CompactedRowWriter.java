package io.flussjava.types.codec;

import io.flussjava.types.RowType;

/**
 * Encodes rows of canonical values in Fluss's CompactedRow format (KV values and COMPACTED log
 * records): a null bitset of {@code ceil(fieldCount / 8)} bytes (bit {@code i % 8} of byte {@code i
 * / 8}, set = null), then the non-null values in field order, each as {@link CompactedFieldCodec}
 * describes. Null fields take no body bytes.
 *
 * <p>Build one per row type and reuse it. {@link #writeRow(Object[], ByteArrayOutput)} appends to a
 * caller's output (e.g. straight into a batch); {@link #encode(Object[])} uses an internal reusable
 * buffer. Not thread-safe.
 *
 * <p>For fluss-java's own modules; not an API for applications, and it may change without notice.
 */
public final class CompactedRowWriter {
  private final CompactedFieldCodec[] fields;
  private final int bitsetBytes;
  private final ByteArrayOutput scratch = new ByteArrayOutput(64);

  public CompactedRowWriter(RowType rowType) {
    this.fields = new CompactedFieldCodec[rowType.getFieldCount()];
    for (int i = 0; i < fields.length; i++) {
      fields[i] = CompactedFieldCodec.forType(rowType.getTypeAt(i));
    }
    this.bitsetBytes = bitsetBytes(fields.length);
  }

  /** The size of the null bitset for {@code fieldCount} fields. */
  static int bitsetBytes(int fieldCount) {
    return (fieldCount + 7) / 8;
  }

  /**
   * Appends one row to {@code out} and returns the number of bytes written.
   *
   * @param values canonical values, one per field, null for null; the caller has checked
   *     nullability
   */
  public int writeRow(Object[] values, ByteArrayOutput out) {
    if (values.length != fields.length) {
      throw new IllegalArgumentException(
          "expected " + fields.length + " values, got " + values.length);
    }
    int start = out.skipZeroed(bitsetBytes);
    for (int i = 0; i < values.length; i++) {
      Object value = values[i];
      if (value == null) {
        // Set the bit in whatever array backs the output now: it may have grown since the bitset
        // was written.
        out.array()[start + (i >>> 3)] |= (byte) (1 << (i & 7));
      } else {
        fields[i].write(out, value);
      }
    }
    return out.position() - start;
  }

  /** Encodes one row into a new array of exactly its size. */
  public byte[] encode(Object[] values) {
    scratch.reset();
    writeRow(values, scratch);
    return scratch.toByteArray();
  }
}
