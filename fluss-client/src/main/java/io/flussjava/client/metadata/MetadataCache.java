package io.flussjava.client.metadata;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.flussjava.client.admin.SchemaInfo;
import io.flussjava.client.admin.TableInfo;
import io.flussjava.client.admin.TablePath;
import io.flussjava.client.internal.Clock;
import io.flussjava.client.internal.DescriptorJson;
import io.flussjava.client.internal.Futures;
import io.flussjava.client.internal.Retrier;
import io.flussjava.exception.NetworkException;
import io.flussjava.exception.PartitionNotExistException;
import io.flussjava.exception.TableNotPartitionedException;
import io.flussjava.rpc.ApiMethods;
import io.flussjava.rpc.RpcClient;
import io.flussjava.rpc.ServerConnection;
import io.flussjava.rpc.ServerNode;
import io.flussjava.rpc.ServerType;
import io.flussjava.rpc.protocol.GetTableSchemaRequest;
import io.flussjava.rpc.protocol.ListPartitionInfosRequest;
import io.flussjava.rpc.protocol.MetadataRequest;
import io.flussjava.rpc.protocol.MetadataResponse;
import io.flussjava.rpc.protocol.PbBucketMetadata;
import io.flussjava.rpc.protocol.PbPartitionInfo;
import io.flussjava.rpc.protocol.PbPartitionMetadata;
import io.flussjava.rpc.protocol.PbServerNode;
import io.flussjava.rpc.protocol.PbTableMetadata;
import io.flussjava.rpc.protocol.PbTablePath;
import io.flussjava.types.json.SchemaJsonCodec;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's view of the cluster. Servers come from GetMetadata (first from a bootstrap server,
 * then from the coordinator); table metadata (info and bucket leaders, and for partitioned tables
 * every partition with its bucket leaders) is cached in Caffeine for {@code
 * client.metadata.max-age} and dropped at once when a request reports stale metadata or meets a
 * partition the cache does not know, so the next use fetches it again.
 *
 * <p>Thread-safe. Concurrent requests for the same uncached table share one fetch.
 */
public final class MetadataCache {
  private static final Logger LOG = LoggerFactory.getLogger(MetadataCache.class);
  // A partition dropped between listing and GetMetadata fails the whole request; listing again is
  // then enough.
  private static final int MAX_PARTITION_LIST_ATTEMPTS = 3;

  private final Function<ServerNode, ServerConnection> connections;
  private final List<InetSocketAddress> bootstrapServers;
  private final Retrier retrier;
  private final Duration requestTimeout;
  private final Clock clock;
  private final AsyncCache<TablePath, TableMetadata> tables;
  private volatile ClusterNodes nodes;
  private final SchemaCache schemas;

  public MetadataCache(
      RpcClient rpc,
      List<InetSocketAddress> bootstrapServers,
      Retrier retrier,
      Duration requestTimeout,
      Duration maxAge) {
    this(rpc::connection, bootstrapServers, retrier, requestTimeout, maxAge, retrier.clock());
  }

  /**
   * The seam for unit tests: servers are reached through {@code connections} (a bootstrap server as
   * a node of unknown id and type, as {@link RpcClient#connection(InetSocketAddress)} does) and
   * every age, including {@code maxAge}, is read from {@code clock}.
   */
  MetadataCache(
      Function<ServerNode, ServerConnection> connections,
      List<InetSocketAddress> bootstrapServers,
      Retrier retrier,
      Duration requestTimeout,
      Duration maxAge,
      Clock clock) {
    this.connections = connections;
    this.bootstrapServers = List.copyOf(bootstrapServers);
    this.retrier = retrier;
    this.requestTimeout = requestTimeout;
    this.clock = clock;
    this.tables =
        Caffeine.newBuilder().expireAfterWrite(maxAge).ticker(clock::nanoTime).buildAsync();
    this.schemas = new SchemaCache(this::fetchSchema);
  }

  /** The schema versions of tables, fetched once each. */
  public SchemaCache schemas() {
    return schemas;
  }

  /**
   * One schema version of a table from the coordinator (the latest for a null id), retried within
   * the request timeout.
   */
  public CompletableFuture<SchemaInfo> fetchSchema(TablePath path, Integer schemaId) {
    GetTableSchemaRequest.Builder request =
        GetTableSchemaRequest.newBuilder()
            .setTablePath(
                PbTablePath.newBuilder()
                    .setDatabaseName(path.getDatabaseName())
                    .setTableName(path.getTableName()));
    if (schemaId != null) {
      request.setSchemaId(schemaId);
    }
    String operation = "getTableSchema(" + path + (schemaId == null ? "" : ", " + schemaId) + ")";
    return retrier.call(
        operation,
        requestTimeout,
        () ->
            coordinator()
                .send(ApiMethods.GET_TABLE_SCHEMA, request.build())
                .thenApply(
                    r ->
                        new SchemaInfo(
                            SchemaJsonCodec.fromBytes(r.getSchemaJson().toByteArray()),
                            r.getSchemaId())),
        stale -> refreshNodes());
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
              "Could not reach any of bootstrap.servers ["
                  + bootstrapServers.stream()
                      .map(a -> a.getHostString() + ":" + a.getPort())
                      .collect(Collectors.joining(", "))
                  + "]: "
                  + failures));
    }
    InetSocketAddress address = bootstrapServers.get(index);
    ServerNode node =
        new ServerNode(
            ServerNode.UNKNOWN_ID, address.getHostString(), address.getPort(), ServerType.UNKNOWN);
    return connections
        .apply(node)
        .send(ApiMethods.GET_METADATA, MetadataRequest.getDefaultInstance())
        .thenApply(this::updateNodes)
        .exceptionallyCompose(
            e -> {
              Throwable cause = Futures.unwrap(e);
              if (!(cause instanceof NetworkException)) {
                return Futures.failed(cause);
              }
              // The connection's message names the address and says what to check.
              failures.append(failures.length() == 0 ? "" : "; ").append(cause.getMessage());
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
        nodes()
            .coordinator()
            .orElseThrow(
                () -> new NetworkException("the cluster reported no coordinator; is it running?"));
    return connections.apply(c);
  }

  /**
   * A connection to a tablet server by id, failing with a retriable error if the server is not
   * known (yet).
   */
  public ServerConnection tabletServer(int id) {
    ServerNode node =
        nodes()
            .tabletServer(id)
            .orElseThrow(
                () ->
                    new NetworkException(
                        "tablet server " + id + " is not in the cluster metadata"));
    return connections.apply(node);
  }

  /** The table's metadata, from the cache or fetched (with retries) from the coordinator. */
  public CompletableFuture<TableMetadata> table(TablePath path) {
    return tables.get(path, (p, executor) -> fetchTable(p));
  }

  /**
   * Forgets a table's metadata so that the next use fetches it again (after a stale-metadata
   * error). A fetch still in flight is kept: it was started after whatever was found stale, so it
   * is the fresh view the caller wants. Dropping it instead let callers that retry faster than a
   * fetch completes (several buckets of one table, each invalidating on its own retry) restart the
   * fetch for ever, so that no view ever landed while the coordinator was slow.
   */
  public void invalidate(TablePath path) {
    CompletableFuture<TableMetadata> current = tables.asMap().get(path);
    if (current != null && current.isDone()) {
      tables.asMap().remove(path, current);
    }
  }

  /** Re-learns the servers, from the coordinator or, failing that, the bootstrap servers. */
  public CompletableFuture<ClusterNodes> refreshNodes() {
    CompletableFuture<ClusterNodes> viaCoordinator;
    try {
      viaCoordinator =
          coordinator()
              .send(ApiMethods.GET_METADATA, MetadataRequest.getDefaultInstance())
              .thenApply(this::updateNodes);
    } catch (RuntimeException e) {
      viaCoordinator = Futures.failed(e);
    }
    return viaCoordinator.exceptionallyCompose(e -> bootstrap());
  }

  /**
   * Fetches the table's metadata again unless someone already did since {@code seen} was current:
   * concurrent callers that all miss the same partition in {@code seen} share one fetch.
   */
  public CompletableFuture<TableMetadata> refresh(TablePath path, TableMetadata seen) {
    CompletableFuture<TableMetadata> current = tables.asMap().get(path);
    if (current != null && current.getNow(null) == seen) {
      tables.asMap().remove(path, current);
    }
    return table(path);
  }

  /**
   * The id of a partition, by name, as it is now: when the cached metadata does not know the
   * partition it is fetched again once (a partition created since), unless it was fetched after
   * {@code askedAtNanos}.
   *
   * @return the partition's metadata, or empty if the partition does not exist; fails with {@link
   *     TableNotPartitionedException} for an unpartitioned table
   */
  public CompletableFuture<Optional<PartitionMetadata>> partition(
      TablePath path, String partitionName, long askedAtNanos) {
    return table(path)
        .thenCompose(
            meta -> {
              if (!meta.info().isPartitioned()) {
                return Futures.failed(
                    new TableNotPartitionedException(
                        "Table "
                            + path
                            + " is not partitioned, so it has no partition '"
                            + partitionName
                            + "'."));
              }
              Optional<PartitionMetadata> p = meta.partition(partitionName);
              if (p.isPresent() || meta.fetchedAfter(askedAtNanos)) {
                return CompletableFuture.completedFuture(p);
              }
              return refresh(path, meta).thenApply(fresh -> fresh.partition(partitionName));
            });
  }

  private CompletableFuture<TableMetadata> fetchTable(TablePath path) {
    return retrier.call(
        "fetching metadata of " + path,
        requestTimeout,
        () -> fetchTableOnce(path, MAX_PARTITION_LIST_ATTEMPTS),
        stale -> refreshNodes());
  }

  /**
   * GetMetadata for the table; for a partitioned table then ListPartitionInfos and GetMetadata for
   * those partitions' buckets. A partition dropped between the two fails the second request as a
   * whole, so the listing is repeated.
   */
  private CompletableFuture<TableMetadata> fetchTableOnce(
      TablePath path, int partitionListAttempts) {
    long started = clock.nanoTime();
    PbTablePath pbPath =
        PbTablePath.newBuilder()
            .setDatabaseName(path.getDatabaseName())
            .setTableName(path.getTableName())
            .build();
    MetadataRequest request = MetadataRequest.newBuilder().addTablePath(pbPath).build();
    return coordinator()
        .send(ApiMethods.GET_METADATA, request)
        .thenCompose(
            r -> {
              PbTableMetadata table = findTable(path, r);
              TableInfo info = toTableInfo(path, table);
              if (!info.isPartitioned()) {
                return CompletableFuture.completedFuture(
                    new TableMetadata(
                        info,
                        leaders(info.getNumBuckets(), table.getBucketMetadataList()),
                        Map.of(),
                        Map.of(),
                        started));
              }
              return fetchPartitions(pbPath, info, started)
                  .exceptionallyCompose(
                      e -> {
                        Throwable cause = Futures.unwrap(e);
                        if (cause instanceof PartitionNotExistException
                            && partitionListAttempts > 1) {
                          return fetchTableOnce(path, partitionListAttempts - 1);
                        }
                        return Futures.failed(cause);
                      });
            });
  }

  private CompletableFuture<TableMetadata> fetchPartitions(
      PbTablePath pbPath, TableInfo info, long started) {
    ListPartitionInfosRequest list =
        ListPartitionInfosRequest.newBuilder().setTablePath(pbPath).build();
    return coordinator()
        .send(ApiMethods.LIST_PARTITION_INFOS, list)
        .thenCompose(
            partitions -> {
              if (partitions.getPartitionsInfoCount() == 0) {
                return CompletableFuture.completedFuture(
                    new TableMetadata(
                        info,
                        leaders(info.getNumBuckets(), List.of()),
                        Map.of(),
                        Map.of(),
                        started));
              }
              MetadataRequest.Builder req = MetadataRequest.newBuilder().addTablePath(pbPath);
              for (PbPartitionInfo p : partitions.getPartitionsInfoList()) {
                req.addPartitionsId(p.getPartitionId());
              }
              return coordinator()
                  .send(ApiMethods.GET_METADATA, req.build())
                  .thenApply(r -> withPartitions(info, r, started));
            });
  }

  private TableMetadata withPartitions(TableInfo info, MetadataResponse response, long started) {
    updateNodes(response);
    Map<Long, PartitionMetadata> byId = new HashMap<>();
    Map<String, PartitionMetadata> byName = new HashMap<>();
    for (PbPartitionMetadata p : response.getPartitionMetadataList()) {
      if (p.getTableId() != info.getTableId()) {
        continue;
      }
      PartitionMetadata pm =
          new PartitionMetadata(
              p.getPartitionId(),
              p.getPartitionName(),
              leaders(info.getNumBuckets(), p.getBucketMetadataList()));
      byId.put(pm.id(), pm);
      byName.put(pm.name(), pm);
    }
    return new TableMetadata(info, leaders(info.getNumBuckets(), List.of()), byId, byName, started);
  }

  private PbTableMetadata findTable(TablePath path, MetadataResponse response) {
    updateNodes(response);
    for (PbTableMetadata t : response.getTableMetadataList()) {
      TablePath p =
          TablePath.of(t.getTablePath().getDatabaseName(), t.getTablePath().getTableName());
      if (p.equals(path)) {
        return t;
      }
    }
    throw new io.flussjava.exception.TableNotExistException("Table " + path + " does not exist");
  }

  private static TableInfo toTableInfo(TablePath path, PbTableMetadata t) {
    return new TableInfo(
        path,
        t.getTableId(),
        t.getSchemaId(),
        DescriptorJson.tableFromJson(t.getTableJson().toByteArray()),
        t.getCreatedTime(),
        t.getModifiedTime());
  }

  private static int[] leaders(int numBuckets, List<PbBucketMetadata> buckets) {
    int[] leaders = new int[numBuckets];
    Arrays.fill(leaders, TableMetadata.NO_LEADER);
    for (PbBucketMetadata b : buckets) {
      if (b.hasLeaderId() && b.getBucketId() >= 0 && b.getBucketId() < leaders.length) {
        leaders[b.getBucketId()] = b.getLeaderId();
      }
    }
    return leaders;
  }

  private ClusterNodes updateNodes(MetadataResponse response) {
    ServerNode coordinator =
        response.hasCoordinatorServer()
            ? toNode(response.getCoordinatorServer(), ServerType.COORDINATOR)
            : null;
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
