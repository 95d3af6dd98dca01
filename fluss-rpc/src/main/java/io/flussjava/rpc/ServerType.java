package io.flussjava.rpc;

/** The role of a Fluss server, as its ApiVersions answer or the cluster metadata reports it. */
public enum ServerType {
  COORDINATOR("coordinator"),
  TABLET_SERVER("tablet-server"),
  /**
   * Not known yet (e.g. a bootstrap address before its handshake) or not reported by the server.
   */
  UNKNOWN("server");

  private final String label;

  ServerType(String label) {
    this.label = label;
  }

  /** Short lower-case label used in messages, e.g. {@code tablet-server}. */
  public String label() {
    return label;
  }

  /**
   * The type for the {@code server_type} code of an ApiVersions response (1 coordinator, 2 tablet
   * server).
   */
  public static ServerType fromWireCode(int code) {
    switch (code) {
      case 1:
        return COORDINATOR;
      case 2:
        return TABLET_SERVER;
      default:
        return UNKNOWN;
    }
  }
}
