package io.flussjava.client.internal;

import io.flussjava.client.admin.AlterConfig;
import io.flussjava.client.admin.ConfigEntry;
import io.flussjava.client.admin.DatabaseSummary;
import io.flussjava.client.admin.ServerInfo;
import io.flussjava.rpc.ApiMethods;
import io.flussjava.rpc.protocol.AlterClusterConfigsRequest;
import io.flussjava.rpc.protocol.DescribeClusterConfigsRequest;
import io.flussjava.rpc.protocol.ListDatabasesRequest;
import io.flussjava.rpc.protocol.MetadataRequest;
import io.flussjava.rpc.protocol.MetadataResponse;
import io.flussjava.rpc.protocol.PbAlterConfig;
import io.flussjava.rpc.protocol.PbServerNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The admin operations about the cluster rather than one table: its servers, database summaries and
 * dynamic server configuration. Each is one coordinator request.
 */
final class ClusterAdmin {
  private final AdminCalls calls;

  ClusterAdmin(AdminCalls calls) {
    this.calls = calls;
  }

  CompletableFuture<List<ServerInfo>> serverNodes() {
    // A metadata request naming no table answers with the servers only.
    return calls.call(
        "getServerNodes()",
        ApiMethods.GET_METADATA,
        MetadataRequest.getDefaultInstance(),
        ClusterAdmin::servers);
  }

  CompletableFuture<List<DatabaseSummary>> databaseSummaries() {
    return calls.call(
        "listDatabaseSummaries()",
        ApiMethods.LIST_DATABASES,
        ListDatabasesRequest.newBuilder().setIncludeSummary(true).build(),
        r ->
            r.getDatabaseSummaryList().stream()
                .map(
                    s ->
                        new DatabaseSummary(
                            s.getDatabaseName(), s.getCreatedTime(), s.getTableCount()))
                .toList());
  }

  CompletableFuture<List<ConfigEntry>> describeConfigs() {
    return calls.call(
        "describeClusterConfigs()",
        ApiMethods.DESCRIBE_CLUSTER_CONFIGS,
        DescribeClusterConfigsRequest.getDefaultInstance(),
        r ->
            r.getConfigsList().stream()
                .map(
                    c ->
                        new ConfigEntry(
                            c.getConfigKey(),
                            c.hasConfigValue() ? Optional.of(c.getConfigValue()) : Optional.empty(),
                            c.getConfigSource()))
                .toList());
  }

  CompletableFuture<Void> alterConfigs(Collection<AlterConfig> changes) {
    Objects.requireNonNull(changes, "changes");
    AlterClusterConfigsRequest.Builder request = AlterClusterConfigsRequest.newBuilder();
    List<String> keys = new ArrayList<>();
    for (AlterConfig c : changes) {
      PbAlterConfig.Builder pb =
          PbAlterConfig.newBuilder().setConfigKey(c.key()).setOpType(c.op().code());
      if (c.value() != null) {
        pb.setConfigValue(c.value());
      }
      request.addAlterConfigs(pb);
      keys.add(c.key());
    }
    return calls.call(
        "alterClusterConfigs(" + keys + ")",
        ApiMethods.ALTER_CLUSTER_CONFIGS,
        request.build(),
        r -> null);
  }

  private static List<ServerInfo> servers(MetadataResponse r) {
    List<ServerInfo> servers = new ArrayList<>();
    if (r.hasCoordinatorServer()) {
      servers.add(server(r.getCoordinatorServer(), ServerInfo.Role.COORDINATOR));
    }
    r.getTabletServersList().forEach(n -> servers.add(server(n, ServerInfo.Role.TABLET_SERVER)));
    return List.copyOf(servers);
  }

  private static ServerInfo server(PbServerNode n, ServerInfo.Role role) {
    Optional<String> rack = n.hasRack() ? Optional.of(n.getRack()) : Optional.empty();
    return new ServerInfo(n.getNodeId(), n.getHost(), n.getPort(), role, rack);
  }
}
