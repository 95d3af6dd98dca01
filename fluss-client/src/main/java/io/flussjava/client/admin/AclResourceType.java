package io.flussjava.client.admin;

/** What an ACL protects; the codes are the wire protocol's. {@link #ANY} is for filters only. */
public enum AclResourceType {
  ANY(1),
  CLUSTER(2),
  DATABASE(3),
  TABLE(4);

  private final int code;

  AclResourceType(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** The type for a wire code. */
  public static AclResourceType forCode(int code) {
    return WireCodes.forCode(values(), code, AclResourceType::code, "ACL resource type");
  }
}
