package io.flussjava.types.codec;

import io.flussjava.types.ArrayType;
import io.flussjava.types.DataType;
import io.flussjava.types.MapType;
import io.flussjava.types.RowType;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The bytes of one ARRAY, MAP or ROW value, without a length: whatever holds the value (a
 * CompactedRow field, an IndexedRow's length slots, a binary array's slot) records how long they
 * are. One per nested type; writing is not thread-safe (scratch buffers), reading is (lookups
 * decode on many threads with one codec).
 *
 * <p>For fluss-java's own modules; not an API for applications, and it may change without notice.
 */
public interface NestedValueCodec {
  /**
   * Appends the bytes of {@code value}, a canonical ARRAY ({@code List}), MAP ({@code Map}) or ROW
   * ({@code List}).
   */
  void writeValue(Object value, ByteArrayOutput out);

  /**
   * Decodes the value in {@code bytes[offset, offset + length)} into its canonical, unmodifiable
   * form.
   *
   * @throws IllegalArgumentException if the bytes are not a well-formed value of the type
   */
  Object readValue(byte[] bytes, int offset, int length);

  /**
   * The codec of a nested type, whose nested rows use {@code rows} (CompactedRows inside a
   * CompactedRow, IndexedRows inside an IndexedRow).
   *
   * @throws IllegalArgumentException if {@code type} is not ARRAY, MAP or ROW
   */
  static NestedValueCodec forType(DataType type, NestedRowCodec.Factory rows) {
    switch (type.getTypeRoot()) {
      case ARRAY:
        return new BinaryArrayCodec(((ArrayType) type).getElementType(), rows);
      case MAP:
        return new BinaryMapCodec((MapType) type, rows);
      case ROW:
        NestedRowCodec row = rows.create((RowType) type);
        return new NestedValueCodec() {
          @Override
          public void writeValue(Object value, ByteArrayOutput out) {
            row.writeRow(((List<?>) value).toArray(), out);
          }

          @Override
          public Object readValue(byte[] bytes, int offset, int length) {
            return Collections.unmodifiableList(Arrays.asList(row.readRow(bytes, offset, length)));
          }
        };
      default:
        throw new IllegalArgumentException("not a nested type: " + type);
    }
  }
}
