package io.flussjava.log;

/**
 * Reads one row, in some binary row format, back to canonical values. The decoders of {@link
 * RowCodecs} are thread-safe: they keep no scratch state between rows.
 */
public interface RowDecoder {
  /**
   * Decodes the row in {@code bytes[offset, offset + length)} into a new array.
   *
   * @throws IllegalArgumentException if the bytes are not a well-formed row
   */
  Object[] read(byte[] bytes, int offset, int length);
}
