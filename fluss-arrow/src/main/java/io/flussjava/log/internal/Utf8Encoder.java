package io.flussjava.log.internal;

/**
 * UTF-8 encoding of a {@code String} straight into a caller's array, to write strings without the temporary array of
 * {@code String.getBytes}. Unpaired surrogates become {@code '?'}, as {@code getBytes(UTF_8)} does, so both produce the
 * same bytes.
 */
public final class Utf8Encoder {
  private Utf8Encoder() {}

  /** An upper bound of the encoded size: 3 bytes per UTF-16 unit. */
  public static int maxEncodedLength(String text) {
    return text.length() * 3;
  }

  /** The exact number of bytes {@link #encode} writes. */
  public static int encodedLength(String text) {
    int length = text.length();
    int bytes = length;
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c >= 0x80) {
        if (c < 0x800) {
          bytes += 1;
        } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
          bytes += 2; // two units, four bytes
          i++;
        } else if (!Character.isSurrogate(c)) {
          bytes += 2;
        } // an unpaired surrogate is one '?'
      }
    }
    return bytes;
  }

  /**
   * Encodes {@code text} at {@code position}; the caller has made room for {@link #maxEncodedLength} bytes.
   *
   * @return the position after the last byte written
   */
  public static int encode(String text, byte[] buffer, int position) {
    int length = text.length();
    int i = 0;
    // Most strings are ASCII: a tight loop for the leading ASCII run.
    for (; i < length; i++) {
      char c = text.charAt(i);
      if (c >= 0x80) {
        break;
      }
      buffer[position++] = (byte) c;
    }
    for (; i < length; i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        buffer[position++] = (byte) c;
      } else if (c < 0x800) {
        buffer[position++] = (byte) (0xC0 | (c >> 6));
        buffer[position++] = (byte) (0x80 | (c & 0x3F));
      } else if (!Character.isSurrogate(c)) {
        buffer[position++] = (byte) (0xE0 | (c >> 12));
        buffer[position++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        buffer[position++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
        int codePoint = Character.toCodePoint(c, text.charAt(++i));
        buffer[position++] = (byte) (0xF0 | (codePoint >> 18));
        buffer[position++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
        buffer[position++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
        buffer[position++] = (byte) (0x80 | (codePoint & 0x3F));
      } else {
        buffer[position++] = (byte) '?';
      }
    }
    return position;
  }
}
