package io.flussjava.types.codec;

/**
 * UTF-8 encoding straight into a caller's array, so that strings are written without the temporary
 * array of {@code String.getBytes}. Unpaired surrogates become {@code '?'}, exactly as {@code
 * getBytes(UTF_8)} does, so both paths produce the same bytes.
 *
 * <p>For fluss-java's own modules; not an API for applications, and it may change without notice.
 */
public final class Utf8 {
  private Utf8() {}

  /** An upper bound of the encoded size (3 bytes per UTF-16 unit). */
  public static int maxEncodedLength(String text) {
    return text.length() * 3;
  }

  /**
   * Encodes {@code text} at {@code position} (the caller ensures room) and returns the end
   * position.
   */
  public static int encode(String text, byte[] buffer, int position) {
    int length = text.length();
    int i = 0;
    // Most keys and values are ASCII: a tight loop for the leading ASCII run.
    while (i < length) {
      char c = text.charAt(i);
      if (c >= 0x80) {
        break;
      }
      buffer[position++] = (byte) c;
      i++;
    }
    for (; i < length; i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        buffer[position++] = (byte) c;
      } else if (c < 0x800) {
        buffer[position++] = (byte) (0xC0 | (c >> 6));
        buffer[position++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c)
            && i + 1 < length
            && Character.isLowSurrogate(text.charAt(i + 1))) {
          int codePoint = Character.toCodePoint(c, text.charAt(++i));
          buffer[position++] = (byte) (0xF0 | (codePoint >> 18));
          buffer[position++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
          buffer[position++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
          buffer[position++] = (byte) (0x80 | (codePoint & 0x3F));
        } else {
          buffer[position++] = (byte) '?';
        }
      } else {
        buffer[position++] = (byte) (0xE0 | (c >> 12));
        buffer[position++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        buffer[position++] = (byte) (0x80 | (c & 0x3F));
      }
    }
    return position;
  }
}
