package io.flussjava.types.codec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte array written front to back, meant to be reset and reused for every row or batch
 * so that encoding allocates only when the array must grow. Multi-byte numbers are little-endian,
 * as everywhere inside Fluss records. Not thread-safe.
 *
 * <p>For fluss-java's own modules; not an API for applications, and it may change without notice.
 */
public final class ByteArrayOutput {
  private static final VarHandle SHORT_LE =
      MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INT_LE =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONG_LE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private byte[] buffer;
  private int position;

  /** An output with room for {@code initialCapacity} bytes before it first grows. */
  public ByteArrayOutput(int initialCapacity) {
    this.buffer = new byte[Math.max(16, initialCapacity)];
  }

  /** Forgets what was written; keeps the array. */
  public void reset() {
    position = 0;
  }

  /** Bytes written so far, which is also where the next byte goes. */
  public int position() {
    return position;
  }

  /** The backing array; valid bytes are {@code [0, position())}. Replaced when the output grows. */
  public byte[] array() {
    return buffer;
  }

  /** A copy of the bytes written. */
  public byte[] toByteArray() {
    return Arrays.copyOf(buffer, position);
  }

  /** Makes room for {@code count} more bytes, growing the array at least twofold when needed. */
  public void ensureRemaining(int count) {
    int needed = position + count;
    if (needed > buffer.length) {
      if (needed < 0) {
        throw new IllegalStateException("cannot hold more than 2 GiB in one output");
      }
      buffer =
          Arrays.copyOf(
              buffer, Math.max(needed, (int) Math.min(Integer.MAX_VALUE - 8, buffer.length * 2L)));
    }
  }

  /**
   * Writes {@code count} zero bytes and returns where they start (e.g. for a null bitset filled in
   * later).
   */
  public int skipZeroed(int count) {
    ensureRemaining(count);
    int start = position;
    Arrays.fill(buffer, start, start + count, (byte) 0);
    position += count;
    return start;
  }

  public void writeByte(int value) {
    ensureRemaining(1);
    buffer[position++] = (byte) value;
  }

  public void writeShortLE(short value) {
    ensureRemaining(2);
    SHORT_LE.set(buffer, position, value);
    position += 2;
  }

  public void writeIntLE(int value) {
    ensureRemaining(4);
    INT_LE.set(buffer, position, value);
    position += 4;
  }

  public void writeLongLE(long value) {
    ensureRemaining(8);
    LONG_LE.set(buffer, position, value);
    position += 8;
  }

  /** Overwrites 4 bytes at {@code at} (for length fields known only after the body is written). */
  public void putIntLE(int at, int value) {
    INT_LE.set(buffer, at, value);
  }

  public void putShortLE(int at, short value) {
    SHORT_LE.set(buffer, at, value);
  }

  public void putLongLE(int at, long value) {
    LONG_LE.set(buffer, at, value);
  }

  /** Writes zero bytes until the position is a multiple of 8 counted from {@code from}. */
  public void padTo8(int from) {
    int misalignment = (position - from) & 7;
    if (misalignment != 0) {
      skipZeroed(8 - misalignment);
    }
  }

  public void writeVarInt(int value) {
    ensureRemaining(VarInts.MAX_INT_BYTES);
    position = VarInts.writeInt(buffer, position, value);
  }

  public void writeVarLong(long value) {
    ensureRemaining(VarInts.MAX_LONG_BYTES);
    position = VarInts.writeLong(buffer, position, value);
  }

  public void writeBytes(byte[] bytes) {
    writeBytes(bytes, 0, bytes.length);
  }

  public void writeBytes(byte[] bytes, int offset, int length) {
    ensureRemaining(length);
    System.arraycopy(bytes, offset, buffer, position, length);
    position += length;
  }

  /**
   * Writes the UTF-8 bytes of {@code text} without an intermediate array; returns how many there
   * were.
   */
  public int writeUtf8(String text) {
    ensureRemaining(Utf8.maxEncodedLength(text));
    int start = position;
    position = Utf8.encode(text, buffer, position);
    return position - start;
  }

  /**
   * Writes the varint UTF-8 length of {@code text}, then its UTF-8 bytes. Through {@code
   * String.getBytes}: the JDK checks and copies Latin-1 strings in one intrinsic pass, faster than
   * measuring and encoding char by char.
   */
  public void writeLengthPrefixedUtf8(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    ensureRemaining(VarInts.MAX_INT_BYTES + bytes.length);
    position = VarInts.writeInt(buffer, position, bytes.length);
    System.arraycopy(bytes, 0, buffer, position, bytes.length);
    position += bytes.length;
  }
}
