package io.flussjava.arrow;

import java.util.Arrays;
import org.apache.arrow.memory.ArrowBuf;

/**
 * A growable heap array that one log batch is assembled in, reused for every batch. Little-endian.
 * Not thread-safe.
 */
final class HeapOutputChannel {
  private byte[] array;
  private int position;

  HeapOutputChannel(int initialCapacity) {
    this.array = new byte[Math.max(64, initialCapacity)];
  }

  void reset() {
    position = 0;
  }

  int position() {
    return position;
  }

  byte[] array() {
    return array;
  }

  /** Reserves {@code count} bytes to be filled in later (e.g. the batch header). */
  void skip(int count) {
    ensureRemaining(count);
    position += count;
  }

  void writeZeros(int count) {
    ensureRemaining(count);
    Arrays.fill(array, position, position + count, (byte) 0);
    position += count;
  }

  void writeIntLE(int value) {
    ensureRemaining(4);
    array[position] = (byte) value;
    array[position + 1] = (byte) (value >>> 8);
    array[position + 2] = (byte) (value >>> 16);
    array[position + 3] = (byte) (value >>> 24);
    position += 4;
  }

  void write(byte[] bytes, int offset, int length) {
    ensureRemaining(length);
    System.arraycopy(bytes, offset, array, position, length);
    position += length;
  }

  void write(java.nio.ByteBuffer source) {
    int length = source.remaining();
    ensureRemaining(length);
    source.get(array, position, length);
    position += length;
  }

  /** Copies {@code length} bytes of an Arrow buffer, starting at {@code index}. */
  void write(ArrowBuf source, long index, int length) {
    ensureRemaining(length);
    source.getBytes(index, array, position, length);
    position += length;
  }

  private void ensureRemaining(int count) {
    long needed = (long) position + count;
    if (needed > array.length) {
      if (needed > Integer.MAX_VALUE - 8) {
        throw new IllegalStateException("a log batch cannot exceed 2 GiB");
      }
      array =
          Arrays.copyOf(
              array, (int) Math.max(needed, Math.min(Integer.MAX_VALUE - 8, array.length * 2L)));
    }
  }
}
