package io.flussjava.client.metadata;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.flussjava.client.admin.TableInfo;
import io.flussjava.client.admin.TablePath;
import io.flussjava.client.internal.DescriptorJson;
import io.flussjava.client.internal.Futures;
import io.flussjava.client.internal.Retrier;
import io.flussjava.exception.NetworkException;
import io.flussjava.rpc.ApiMethods;
import io.flussjava.rpc.RpcClient;
import io.flussjava.rpc.ServerConnection;
import io.flussjava.rpc.ServerNode;
import io.flussjava.rpc.ServerType;
import io.flussjava.rpc.protocol.MetadataRequest;
import io.flussjava.rpc.protocol.MetadataResponse;
import io.flussjava.rpc.protocol.PbBucketMetadata;
import io.flussjava.rpc.protocol.PbServerNode;
import io.flussjava.rpc.protocol.PbTableMetadata;
import io.flussjava.rpc.protocol.PbTablePath;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's view of the cluster. Servers come from GetMetadata (first from a bootstrap server, then from the
 * coordinator); table metadata (info and bucket leaders) is cached in Caffeine for {@code client.metadata.max-age}
 * and dropped at once when a request reports stale metadata, so the next use fetches it again.
 *
 * <p>Thread-safe. Concurrent requests for the same uncached table share one fetch.
 */
public final class MetadataCache {
  private static final Logger LOG = LoggerFactory.getLogger(MetadataCache.class);

  private final RpcClient rpc;
  private final List<InetSocketAddress> bootstrapServers;
  private final Retrier retrier;
  private final Duration requestTimeout;
  private final AsyncCache<TablePath, TableMetadata> tables;
  private volatile ClusterNodes nodes;

  public MetadataCache(
      RpcClient rpc,
      List<InetSocketAddress> bootstrapServers,
      Retrier retrier,
      Duration requestTimeout,
      Duration maxAge) {
    this.rpc = rpc;
    this.bootstrapServers = List.copyOf(bootstrapServers);
    this.retrier = retrier;
    this.requestTimeout = requestTimeout;
    this.tables = Caffeine.newBuilder().expireAfterWrite(maxAge).buildAsync();
  }

  /**
   * Learns the cluster's servers from the first bootstrap server that answers. Fails with a {@link
   * NetworkException} naming every address tried when none does.
   */
  public CompletableFuture<ClusterNodes> bootstrap() {
    return bootstrapFrom(0, new StringBuilder());
  }

  private CompletableFuture<ClusterNodes> bootstrapFrom(int index, StringBuilder failures) {
    if (index >= bootstrapServers.size()) {
      return Futures.failed(
          new NetworkException(
              "Could not reach any of bootstrap.servers " + bootstrapServers + ": " + failures
                  + ". Check that the addresses are right and the Fluss cluster is running."));
    }
    InetSocketAddress address = bootstrapServers.get(index);
    return rpc.connection(address)
        .send(ApiMethods.GET_METADATA, MetadataRequest.getDefaultInstance())
        .thenApply(this::updateNodes)
        .exceptionallyCompose(
            e -> {
              Throwable cause = Futures.unwrap(e);
              if (!(cause instanceof NetworkException)) {
                return Futures.failed(cause);
              }
              failures.append(failures.length() == 0 ? "" : "; ").append(address).append(": ")
                  .append(cause.getMessage());
              return bootstrapFrom(index + 1, failures);
            });
  }

  /** The servers as last seen. */
  public ClusterNodes nodes() {
    ClusterNodes n = nodes;
    if (n == null) {
      throw new IllegalStateException("metadata not bootstrapped yet");
    }
    return n;
  }

  /** A connection to the coordinator (DDL and metadata go there). */
  public ServerConnection coordinator() {
    ServerNode c =
        nodes().coordinator()
            .orElseThrow(() -> new NetworkException("the cluster reported no coordinator; is it running?"));
    return rpc.connection(c);
  }

  /** A connection to a tablet server by id, failing with a retriable error if the server is not known (yet). */
  public ServerConnection tabletServer(int id) {
    ServerNode node =
        nodes().tabletServer(id)
            .orElseThrow(() -> new NetworkException("tablet server " + id + " is not in the cluster metadata"));
    return rpc.connection(node);
  }

  /** The table's metadata, from the cache or fetched (with retries) from the coordinator. */
  public CompletableFuture<TableMetadata> table(TablePath path) {
    return tables.get(path, (p, executor) -> fetchTable(p));
  }

  /** Forgets a table's metadata so that the next use fetches it again (after a stale-metadata error). */
  public void invalidate(TablePath path) {
    tables.synchronous().invalidate(path);
  }

  /** Re-learns the servers, from the coordinator or, failing that, the bootstrap servers. */
  public CompletableFuture<ClusterNodes> refreshNodes() {
    CompletableFuture<ClusterNodes> viaCoordinator;
    try {
      viaCoordinator =
          coordinator().send(ApiMethods.GET_METADATA, MetadataRequest.getDefaultInstance()).thenApply(this::updateNodes);
    } catch (RuntimeException e) {
      viaCoordinator = Futures.failed(e);
    }
    return viaCoordinator.exceptionallyCompose(e -> bootstrap());
  }

  private CompletableFuture<TableMetadata> fetchTable(TablePath path) {
    MetadataRequest request =
        MetadataRequest.newBuilder()
            .addTablePath(
                PbTablePath.newBuilder().setDatabaseName(path.getDatabaseName()).setTableName(path.getTableName()))
            .build();
    return retrier.call(
        "fetching metadata of " + path,
        requestTimeout,
        () -> coordinator().send(ApiMethods.GET_METADATA, request).thenApply(r -> toTableMetadata(path, r)),
        stale -> refreshNodes());
  }

  private TableMetadata toTableMetadata(TablePath path, MetadataResponse response) {
    updateNodes(response);
    for (PbTableMetadata t : response.getTableMetadataList()) {
      TablePath p = TablePath.of(t.getTablePath().getDatabaseName(), t.getTablePath().getTableName());
      if (p.equals(path)) {
        TableInfo info =
            new TableInfo(
                p,
                t.getTableId(),
                t.getSchemaId(),
                DescriptorJson.tableFromJson(t.getTableJson().toByteArray()),
                t.getCreatedTime(),
                t.getModifiedTime());
        int[] leaders = new int[info.getNumBuckets()];
        Arrays.fill(leaders, TableMetadata.NO_LEADER);
        for (PbBucketMetadata b : t.getBucketMetadataList()) {
          if (b.hasLeaderId() && b.getBucketId() < leaders.length) {
            leaders[b.getBucketId()] = b.getLeaderId();
          }
        }
        return new TableMetadata(info, leaders);
      }
    }
    throw new io.flussjava.exception.TableNotExistException("Table " + path + " does not exist");
  }

  private ClusterNodes updateNodes(MetadataResponse response) {
    ServerNode coordinator =
        response.hasCoordinatorServer() ? toNode(response.getCoordinatorServer(), ServerType.COORDINATOR) : null;
    Map<Integer, ServerNode> tablets = new LinkedHashMap<>();
    for (PbServerNode n : response.getTabletServersList()) {
      tablets.put(n.getNodeId(), toNode(n, ServerType.TABLET_SERVER));
    }
    ClusterNodes previous = nodes;
    if (coordinator == null && previous != null) {
      coordinator = previous.coordinator().orElse(null);
    }
    ClusterNodes updated = new ClusterNodes(coordinator, tablets);
    nodes = updated;
    if (previous == null || !previous.toString().equals(updated.toString())) {
      LOG.debug("cluster servers: {}", updated);
    }
    return updated;
  }

  private static ServerNode toNode(PbServerNode n, ServerType type) {
    return new ServerNode(n.getNodeId(), n.getHost(), n.getPort(), type);
  }
}
