package io.flussjava.client.admin;

import java.util.function.ToIntFunction;

/**
 * Reads the wire code of the ACL enums back, failing loudly on a code this client does not know.
 */
final class WireCodes {
  private WireCodes() {}

  static <E> E forCode(E[] values, int code, ToIntFunction<E> codeOf, String what) {
    for (E e : values) {
      if (codeOf.applyAsInt(e) == code) {
        return e;
      }
    }
    throw new IllegalArgumentException("unknown " + what + " code " + code);
  }
}
