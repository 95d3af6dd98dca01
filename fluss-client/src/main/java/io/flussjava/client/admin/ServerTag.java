package io.flussjava.client.admin;

/**
 * A tag that takes a tablet server out of replica placement ({@link Admin#addServerTag}); the codes
 * are the wire protocol's.
 */
public enum ServerTag {
  PERMANENT_OFFLINE(0),
  TEMPORARY_OFFLINE(1);

  private final int code;

  ServerTag(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** The value for a wire code. */
  public static ServerTag forCode(int code) {
    return WireCodes.forCode(values(), code, ServerTag::code, "server tag");
  }
}
