package io.flussjava.types.codec;

import java.util.HexFormat;

/** Hex helpers for the byte-exact codec tests. */
final class CodecTestSupport {
  private CodecTestSupport() {}

  /** Bytes from hex written with optional spaces, as in the facts sheet. */
  static byte[] hex(String spaced) {
    return HexFormat.of().parseHex(spaced.replace(" ", ""));
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
