package io.flussjava.types.codec;

/**
 * Unsigned LEB128 varints as Fluss writes them in CompactedRow and KV records: 7 bits per byte,
 * least significant group first, high bit set on every byte but the last. There is no zigzag step,
 * so a negative int takes 5 bytes and a negative long 10; Fluss accepts that to keep the common
 * small positive values at one or two bytes.
 */
public final class VarInts {
  /** The most bytes an int can take. */
  public static final int MAX_INT_BYTES = 5;

  /** The most bytes a long can take. */
  public static final int MAX_LONG_BYTES = 10;

  private VarInts() {}

  /**
   * Writes {@code value} at {@code position} (the caller ensures {@link #MAX_INT_BYTES} of room);
   * returns the end.
   */
  public static int writeInt(byte[] buffer, int position, int value) {
    while ((value & ~0x7F) != 0) {
      buffer[position++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    buffer[position++] = (byte) value;
    return position;
  }

  /**
   * Writes {@code value} at {@code position} (the caller ensures {@link #MAX_LONG_BYTES} of room);
   * returns the end.
   */
  public static int writeLong(byte[] buffer, int position, long value) {
    while ((value & ~0x7FL) != 0) {
      buffer[position++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    buffer[position++] = (byte) value;
    return position;
  }

  /** How many bytes {@link #writeInt} takes for {@code value}. */
  public static int sizeOfInt(int value) {
    // Each byte carries 7 bits; 32 - leading zeros is the number of significant bits (at least 1
    // byte for 0).
    int bits = 32 - Integer.numberOfLeadingZeros(value);
    return bits == 0 ? 1 : (bits + 6) / 7;
  }

  /** How many bytes {@link #writeLong} takes for {@code value}. */
  public static int sizeOfLong(long value) {
    int bits = 64 - Long.numberOfLeadingZeros(value);
    return bits == 0 ? 1 : (bits + 6) / 7;
  }
}
