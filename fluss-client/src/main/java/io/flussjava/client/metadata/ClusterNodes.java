package io.flussjava.client.metadata;

import io.flussjava.rpc.ServerNode;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;

/** An immutable snapshot of the cluster's servers: the coordinator and the tablet servers by id. */
public final class ClusterNodes {
  private final ServerNode coordinator;
  private final Map<Integer, ServerNode> tabletServers;

  ClusterNodes(ServerNode coordinator, Map<Integer, ServerNode> tabletServers) {
    this.coordinator = coordinator;
    this.tabletServers = Collections.unmodifiableMap(tabletServers);
  }

  /** The coordinator, if the server that answered knew it. */
  public Optional<ServerNode> coordinator() {
    return Optional.ofNullable(coordinator);
  }

  public Optional<ServerNode> tabletServer(int id) {
    return Optional.ofNullable(tabletServers.get(id));
  }

  public Collection<ServerNode> tabletServers() {
    return tabletServers.values();
  }

  @Override
  public String toString() {
    return "ClusterNodes{coordinator="
        + coordinator
        + ", tabletServers="
        + tabletServers.values()
        + "}";
  }
}
