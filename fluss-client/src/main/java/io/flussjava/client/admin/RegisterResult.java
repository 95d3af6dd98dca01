package io.flussjava.client.admin;

/**
 * Whether {@link Admin#registerProducerOffsets} stored the offsets or found some already registered
 * for the producer; the codes are the wire protocol's.
 */
public enum RegisterResult {
  CREATED(0),
  ALREADY_EXISTS(1);

  private final int code;

  RegisterResult(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** The value for a wire code. */
  public static RegisterResult forCode(int code) {
    return WireCodes.forCode(values(), code, RegisterResult::code, "register result");
  }
}
