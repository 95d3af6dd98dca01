package io.flussjava.client.admin;

/**
 * Whether an ACL allows; Fluss 0.9 has allow rules only. {@link #ANY} is for filters only. The
 * codes are the wire protocol's.
 */
public enum AclPermission {
  ANY(1),
  ALLOW(2);

  private final int code;

  AclPermission(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** The permission for a wire code. */
  public static AclPermission forCode(int code) {
    return WireCodes.forCode(values(), code, AclPermission::code, "ACL permission type");
  }
}
