package io.flussjava.client.admin;

import java.util.Objects;
import java.util.Optional;

/**
 * A server of the cluster as the coordinator lists it ({@link Admin#getServerNodes()}).
 *
 * @param id the coordinator's or tablet server's id
 * @param host the host clients connect to
 * @param port the port clients connect to
 * @param role coordinator or tablet server
 * @param rack the tablet server's rack ({@code tablet-server.rack}), if it has one
 */
public record ServerInfo(int id, String host, int port, Role role, Optional<String> rack) {
  /** What a server does in the cluster. */
  public enum Role {
    COORDINATOR,
    TABLET_SERVER
  }

  public ServerInfo {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(rack, "rack");
  }

  /** {@code host:port}. */
  public String address() {
    return host + ":" + port;
  }
}
