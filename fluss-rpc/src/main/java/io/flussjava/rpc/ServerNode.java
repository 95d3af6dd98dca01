package io.flussjava.rpc;

import java.util.Objects;

/**
 * A Fluss server: node id, the host and port clients connect to, and its role. Bootstrap addresses
 * whose identity is not known yet use id {@code -1} and {@link ServerType#UNKNOWN}.
 */
public final class ServerNode {
  /** Id used for a server whose node id is not known (e.g. a bootstrap address). */
  public static final int UNKNOWN_ID = -1;

  private final int id;
  private final String host;
  private final int port;
  private final ServerType serverType;

  public ServerNode(int id, String host, int port, ServerType serverType) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    this.id = id;
    this.host = Objects.requireNonNull(host, "host");
    this.port = port;
    this.serverType = Objects.requireNonNull(serverType, "serverType");
  }

  public int id() {
    return id;
  }

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }

  public ServerType serverType() {
    return serverType;
  }

  /** {@code host:port}. */
  public String address() {
    return host + ":" + port;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ServerNode)) {
      return false;
    }
    ServerNode other = (ServerNode) o;
    return id == other.id
        && port == other.port
        && host.equals(other.host)
        && serverType == other.serverType;
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, host, port, serverType);
  }

  /**
   * E.g. {@code tablet-server 0 @ 127.0.0.1:29124}, or {@code server @ localhost:29123} for an
   * unknown node.
   */
  @Override
  public String toString() {
    return id == UNKNOWN_ID && serverType == ServerType.UNKNOWN
        ? serverType.label() + " @ " + address()
        : serverType.label() + " " + id + " @ " + address();
  }
}
