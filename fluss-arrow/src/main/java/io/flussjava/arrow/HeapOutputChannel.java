package io.flussjava.arrow;

import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.Arrays;

/**
 * A growable heap array that Arrow's {@code WriteChannel} writes into, reused for every batch. Bytes before the
 * Arrow payload (the batch header) are reserved with {@link #skip}.
 */
final class HeapOutputChannel implements WritableByteChannel {
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

  void skip(int count) {
    ensureRemaining(count);
    position += count;
  }

  void write(byte[] bytes, int offset, int length) {
    ensureRemaining(length);
    System.arraycopy(bytes, offset, array, position, length);
    position += length;
  }

  @Override
  public int write(ByteBuffer source) {
    int length = source.remaining();
    ensureRemaining(length);
    source.get(array, position, length);
    position += length;
    return length;
  }

  private void ensureRemaining(int count) {
    long needed = (long) position + count;
    if (needed > array.length) {
      if (needed > Integer.MAX_VALUE - 8) {
        throw new IllegalStateException("a log batch cannot exceed 2 GiB");
      }
      array = Arrays.copyOf(array, (int) Math.max(needed, Math.min(Integer.MAX_VALUE - 8, array.length * 2L)));
    }
  }

  @Override
  public boolean isOpen() {
    return true;
  }

  @Override
  public void close() {}
}
