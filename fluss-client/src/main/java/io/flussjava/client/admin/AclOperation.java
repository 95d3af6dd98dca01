package io.flussjava.client.admin;

/**
 * What an ACL allows; the codes are the wire protocol's. {@link #ALL} allows every operation;
 * {@link #ANY} is for filters only.
 */
public enum AclOperation {
  ANY(1),
  ALL(2),
  READ(3),
  WRITE(4),
  CREATE(5),
  DROP(6),
  ALTER(7),
  DESCRIBE(8);

  private final int code;

  AclOperation(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** The operation for a wire code. */
  public static AclOperation forCode(int code) {
    return WireCodes.forCode(values(), code, AclOperation::code, "ACL operation");
  }
}
