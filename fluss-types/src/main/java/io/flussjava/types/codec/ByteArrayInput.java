package io.flussjava.types.codec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A cursor over a slice of a byte array, reading the little-endian numbers and varints of Fluss
 * records. Reads past the slice fail with an {@link IllegalArgumentException} that says where,
 * instead of reading a neighbour's bytes. Meant to be re-pointed at each record with {@link
 * #reset}; not thread-safe.
 */
public final class ByteArrayInput {
  private static final VarHandle SHORT_LE =
      MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INT_LE =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONG_LE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private static final byte[] EMPTY = new byte[0];

  private byte[] buffer =
      EMPTY; // shared: readers make a cursor per row, which must not cost an array
  private int position;
  private int limit;

  /** Points the cursor at {@code buffer[offset, offset + length)}. */
  public void reset(byte[] buffer, int offset, int length) {
    if (offset < 0 || length < 0 || offset + length > buffer.length || offset + length < 0) {
      throw new IndexOutOfBoundsException(
          "slice ["
              + offset
              + ", "
              + offset
              + " + "
              + length
              + ") is outside an array of "
              + buffer.length);
    }
    this.buffer = buffer;
    this.position = offset;
    this.limit = offset + length;
  }

  public int position() {
    return position;
  }

  public int remaining() {
    return limit - position;
  }

  private void require(int count) {
    if (count < 0 || count > limit - position) {
      throw new IllegalArgumentException(
          "malformed record: needs "
              + count
              + " more bytes at offset "
              + position
              + " but only "
              + remaining()
              + " remain");
    }
  }

  /**
   * The array read from; bytes of the current slice are {@code [position(), position() +
   * remaining())}.
   */
  public byte[] buffer() {
    return buffer;
  }

  /** Moves past {@code count} bytes and returns where they start in {@link #buffer()}. */
  public int take(int count) {
    require(count);
    int start = position;
    position += count;
    return start;
  }

  /** Moves past {@code count} bytes. */
  public void skip(int count) {
    require(count);
    position += count;
  }

  public byte readByte() {
    require(1);
    return buffer[position++];
  }

  public short readShortLE() {
    require(2);
    short value = (short) SHORT_LE.get(buffer, position);
    position += 2;
    return value;
  }

  public int readIntLE() {
    require(4);
    int value = (int) INT_LE.get(buffer, position);
    position += 4;
    return value;
  }

  public long readLongLE() {
    require(8);
    long value = (long) LONG_LE.get(buffer, position);
    position += 8;
    return value;
  }

  /** Reads an unsigned LEB128 int of at most 5 bytes (see {@link VarInts}). */
  public int readVarInt() {
    int value = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      byte b = readByte();
      value |= (b & 0x7F) << shift;
      if (b >= 0) {
        return value;
      }
    }
    throw new IllegalArgumentException(
        "malformed record: varint longer than 5 bytes before offset " + position);
  }

  /** Reads an unsigned LEB128 long of at most 10 bytes (see {@link VarInts}). */
  public long readVarLong() {
    long value = 0;
    for (int shift = 0; shift < 70; shift += 7) {
      byte b = readByte();
      value |= (long) (b & 0x7F) << shift;
      if (b >= 0) {
        return value;
      }
    }
    throw new IllegalArgumentException(
        "malformed record: varlong longer than 10 bytes before offset " + position);
  }

  /** Reads {@code length} bytes into a new array. */
  public byte[] readBytes(int length) {
    require(length);
    byte[] bytes = new byte[length];
    System.arraycopy(buffer, position, bytes, 0, length);
    position += length;
    return bytes;
  }

  /** Reads {@code length} bytes of UTF-8. */
  public String readUtf8(int length) {
    require(length);
    String text = new String(buffer, position, length, StandardCharsets.UTF_8);
    position += length;
    return text;
  }
}
