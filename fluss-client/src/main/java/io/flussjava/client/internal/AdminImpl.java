package io.flussjava.client.internal;

import static io.flussjava.client.internal.AdminCalls.checkDatabase;
import static io.flussjava.client.internal.AdminCalls.toPb;

import com.google.protobuf.ByteString;
import io.flussjava.client.TableBucket;
import io.flussjava.client.admin.AclBinding;
import io.flussjava.client.admin.AclBindingFilter;
import io.flussjava.client.admin.Admin;
import io.flussjava.client.admin.AlterConfig;
import io.flussjava.client.admin.ConfigEntry;
import io.flussjava.client.admin.DatabaseDescriptor;
import io.flussjava.client.admin.DatabaseInfo;
import io.flussjava.client.admin.DatabaseSummary;
import io.flussjava.client.admin.KvSnapshotLease;
import io.flussjava.client.admin.KvSnapshotMetadata;
import io.flussjava.client.admin.KvSnapshots;
import io.flussjava.client.admin.LakeSnapshot;
import io.flussjava.client.admin.OffsetSpec;
import io.flussjava.client.admin.PartitionInfo;
import io.flussjava.client.admin.PartitionSpec;
import io.flussjava.client.admin.ProducerOffsets;
import io.flussjava.client.admin.RebalanceGoal;
import io.flussjava.client.admin.RebalanceProgress;
import io.flussjava.client.admin.RegisterResult;
import io.flussjava.client.admin.ServerInfo;
import io.flussjava.client.admin.ServerTag;
import io.flussjava.client.admin.TableDescriptor;
import io.flussjava.client.admin.TableInfo;
import io.flussjava.client.admin.TablePath;
import io.flussjava.client.admin.TableStats;
import io.flussjava.client.metadata.MetadataCache;
import io.flussjava.rpc.ApiMethods;
import io.flussjava.rpc.protocol.CreateDatabaseRequest;
import io.flussjava.rpc.protocol.CreateTableRequest;
import io.flussjava.rpc.protocol.DatabaseExistsRequest;
import io.flussjava.rpc.protocol.DropDatabaseRequest;
import io.flussjava.rpc.protocol.DropTableRequest;
import io.flussjava.rpc.protocol.GetDatabaseInfoRequest;
import io.flussjava.rpc.protocol.ListDatabasesRequest;
import io.flussjava.rpc.protocol.ListTablesRequest;
import io.flussjava.rpc.protocol.TableExistsRequest;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * {@link Admin} over the coordinator. Each call is one request, retried on retriable errors within
 * the request timeout; each sync method is its async twin plus a bounded wait ({@link
 * AdminCalls#await}). Database and table DDL live here; partition and offset operations in {@link
 * PartitionAdmin}.
 */
public final class AdminImpl implements Admin {
  private final AdminCalls calls;
  private final PartitionAdmin partitions;
  private final ClusterAdmin cluster;
  private final SnapshotAdmin snapshots;
  private final AclAdmin acls;
  private final TableStatsAdmin tableStats;
  private final RebalanceAdmin rebalances;
  private final ProducerOffsetsAdmin producerOffsets;

  /**
   * @param callbacks where the futures of async calls complete (the connection's callback threads)
   */
  public AdminImpl(
      MetadataCache metadata,
      Retrier retrier,
      Duration requestTimeout,
      OffsetLister offsets,
      java.util.concurrent.Executor callbacks) {
    this.calls = new AdminCalls(metadata, retrier, requestTimeout, callbacks);
    this.partitions = new PartitionAdmin(calls, offsets);
    this.cluster = new ClusterAdmin(calls);
    this.snapshots = new SnapshotAdmin(calls);
    this.acls = new AclAdmin(calls);
    this.tableStats = new TableStatsAdmin(calls, retrier, requestTimeout);
    this.rebalances = new RebalanceAdmin(calls);
    this.producerOffsets = new ProducerOffsetsAdmin(calls);
  }

  @Override
  public void createDatabase(
      String databaseName, DatabaseDescriptor descriptor, boolean ignoreIfExists) {
    calls.await(
        createDatabaseAsync(databaseName, descriptor, ignoreIfExists),
        "createDatabase(" + databaseName + ")");
  }

  @Override
  public CompletableFuture<Void> createDatabaseAsync(
      String databaseName, DatabaseDescriptor descriptor, boolean ignoreIfExists) {
    Objects.requireNonNull(descriptor, "descriptor");
    CreateDatabaseRequest request =
        CreateDatabaseRequest.newBuilder()
            .setDatabaseName(checkDatabase(databaseName))
            .setIgnoreIfExists(ignoreIfExists)
            .setDatabaseJson(ByteString.copyFrom(DescriptorJson.databaseToJson(descriptor)))
            .build();
    return calls.call(
        "createDatabase(" + databaseName + ")", ApiMethods.CREATE_DATABASE, request, r -> null);
  }

  @Override
  public void dropDatabase(String databaseName, boolean ignoreIfNotExists, boolean cascade) {
    calls.await(
        dropDatabaseAsync(databaseName, ignoreIfNotExists, cascade),
        "dropDatabase(" + databaseName + ")");
  }

  @Override
  public CompletableFuture<Void> dropDatabaseAsync(
      String databaseName, boolean ignoreIfNotExists, boolean cascade) {
    DropDatabaseRequest request =
        DropDatabaseRequest.newBuilder()
            .setDatabaseName(checkDatabase(databaseName))
            .setIgnoreIfNotExists(ignoreIfNotExists)
            .setCascade(cascade)
            .build();
    return calls.call(
        "dropDatabase(" + databaseName + ")", ApiMethods.DROP_DATABASE, request, r -> null);
  }

  @Override
  public List<String> listDatabases() {
    return calls.await(listDatabasesAsync(), "listDatabases()");
  }

  @Override
  public CompletableFuture<List<String>> listDatabasesAsync() {
    return calls.call(
        "listDatabases()",
        ApiMethods.LIST_DATABASES,
        ListDatabasesRequest.getDefaultInstance(),
        r -> List.copyOf(r.getDatabaseNameList()));
  }

  @Override
  public boolean databaseExists(String databaseName) {
    return calls.await(databaseExistsAsync(databaseName), "databaseExists(" + databaseName + ")");
  }

  @Override
  public CompletableFuture<Boolean> databaseExistsAsync(String databaseName) {
    DatabaseExistsRequest request =
        DatabaseExistsRequest.newBuilder().setDatabaseName(checkDatabase(databaseName)).build();
    return calls.call(
        "databaseExists(" + databaseName + ")",
        ApiMethods.DATABASE_EXISTS,
        request,
        r -> r.getExists());
  }

  @Override
  public DatabaseInfo getDatabaseInfo(String databaseName) {
    return calls.await(getDatabaseInfoAsync(databaseName), "getDatabaseInfo(" + databaseName + ")");
  }

  @Override
  public CompletableFuture<DatabaseInfo> getDatabaseInfoAsync(String databaseName) {
    GetDatabaseInfoRequest request =
        GetDatabaseInfoRequest.newBuilder().setDatabaseName(checkDatabase(databaseName)).build();
    return calls.call(
        "getDatabaseInfo(" + databaseName + ")",
        ApiMethods.GET_DATABASE_INFO,
        request,
        r ->
            new DatabaseInfo(
                databaseName,
                DescriptorJson.databaseFromJson(r.getDatabaseJson().toByteArray()),
                r.getCreatedTime(),
                r.getModifiedTime()));
  }

  @Override
  public void createTable(TablePath tablePath, TableDescriptor descriptor, boolean ignoreIfExists) {
    calls.await(
        createTableAsync(tablePath, descriptor, ignoreIfExists), "createTable(" + tablePath + ")");
  }

  @Override
  public CompletableFuture<Void> createTableAsync(
      TablePath tablePath, TableDescriptor descriptor, boolean ignoreIfExists) {
    Objects.requireNonNull(descriptor, "descriptor");
    CreateTableRequest request =
        CreateTableRequest.newBuilder()
            .setTablePath(toPb(tablePath))
            .setTableJson(ByteString.copyFrom(DescriptorJson.tableToJson(descriptor)))
            .setIgnoreIfExists(ignoreIfExists)
            .build();
    return calls.call(
        "createTable(" + tablePath + ")", ApiMethods.CREATE_TABLE, request, r -> null);
  }

  @Override
  public void dropTable(TablePath tablePath, boolean ignoreIfNotExists) {
    calls.await(dropTableAsync(tablePath, ignoreIfNotExists), "dropTable(" + tablePath + ")");
  }

  @Override
  public CompletableFuture<Void> dropTableAsync(TablePath tablePath, boolean ignoreIfNotExists) {
    DropTableRequest request =
        DropTableRequest.newBuilder()
            .setTablePath(toPb(tablePath))
            .setIgnoreIfNotExists(ignoreIfNotExists)
            .build();
    return calls
        .call("dropTable(" + tablePath + ")", ApiMethods.DROP_TABLE, request, r -> (Void) null)
        .whenComplete((v, e) -> calls.metadata.invalidate(tablePath));
  }

  @Override
  public List<String> listTables(String databaseName) {
    return calls.await(listTablesAsync(databaseName), "listTables(" + databaseName + ")");
  }

  @Override
  public CompletableFuture<List<String>> listTablesAsync(String databaseName) {
    ListTablesRequest request =
        ListTablesRequest.newBuilder().setDatabaseName(checkDatabase(databaseName)).build();
    return calls.call(
        "listTables(" + databaseName + ")",
        ApiMethods.LIST_TABLES,
        request,
        r -> List.copyOf(r.getTableNameList()));
  }

  @Override
  public boolean tableExists(TablePath tablePath) {
    return calls.await(tableExistsAsync(tablePath), "tableExists(" + tablePath + ")");
  }

  @Override
  public CompletableFuture<Boolean> tableExistsAsync(TablePath tablePath) {
    TableExistsRequest request =
        TableExistsRequest.newBuilder().setTablePath(toPb(tablePath)).build();
    return calls.call(
        "tableExists(" + tablePath + ")", ApiMethods.TABLE_EXISTS, request, r -> r.getExists());
  }

  @Override
  public TableInfo getTableInfo(TablePath tablePath) {
    return calls.await(getTableInfoAsync(tablePath), "getTableInfo(" + tablePath + ")");
  }

  @Override
  public CompletableFuture<TableInfo> getTableInfoAsync(TablePath tablePath) {
    return calls.tableInfo(tablePath);
  }

  @Override
  public Map<Integer, Long> listOffsets(
      TablePath tablePath, List<Integer> buckets, OffsetSpec spec) {
    return calls.await(
        listOffsetsAsync(tablePath, buckets, spec), "listOffsets(" + tablePath + ")");
  }

  @Override
  public CompletableFuture<Map<Integer, Long>> listOffsetsAsync(
      TablePath tablePath, List<Integer> buckets, OffsetSpec spec) {
    return partitions.listOffsets(tablePath, buckets, spec);
  }

  @Override
  public Map<Integer, Long> listOffsets(
      TablePath tablePath, String partitionName, List<Integer> buckets, OffsetSpec spec) {
    return calls.await(
        listOffsetsAsync(tablePath, partitionName, buckets, spec),
        "listOffsets(" + tablePath + ", partition " + partitionName + ")");
  }

  @Override
  public CompletableFuture<Map<Integer, Long>> listOffsetsAsync(
      TablePath tablePath, String partitionName, List<Integer> buckets, OffsetSpec spec) {
    return partitions.listOffsets(tablePath, partitionName, buckets, spec);
  }

  @Override
  public void createPartition(TablePath tablePath, PartitionSpec spec, boolean ignoreIfExists) {
    calls.await(
        createPartitionAsync(tablePath, spec, ignoreIfExists),
        "createPartition(" + tablePath + ", " + spec + ")");
  }

  @Override
  public CompletableFuture<Void> createPartitionAsync(
      TablePath tablePath, PartitionSpec spec, boolean ignoreIfExists) {
    return partitions.createPartition(tablePath, spec, ignoreIfExists);
  }

  @Override
  public void dropPartition(TablePath tablePath, PartitionSpec spec, boolean ignoreIfNotExists) {
    calls.await(
        dropPartitionAsync(tablePath, spec, ignoreIfNotExists),
        "dropPartition(" + tablePath + ", " + spec + ")");
  }

  @Override
  public CompletableFuture<Void> dropPartitionAsync(
      TablePath tablePath, PartitionSpec spec, boolean ignoreIfNotExists) {
    return partitions.dropPartition(tablePath, spec, ignoreIfNotExists);
  }

  @Override
  public List<PartitionInfo> listPartitionInfos(TablePath tablePath) {
    return calls.await(listPartitionInfosAsync(tablePath), "listPartitionInfos(" + tablePath + ")");
  }

  @Override
  public CompletableFuture<List<PartitionInfo>> listPartitionInfosAsync(TablePath tablePath) {
    return partitions.listPartitionInfos(tablePath);
  }

  @Override
  public List<PartitionInfo> listPartitionInfos(TablePath tablePath, PartitionSpec partialSpec) {
    return calls.await(
        listPartitionInfosAsync(tablePath, partialSpec),
        "listPartitionInfos(" + tablePath + ", " + partialSpec + ")");
  }

  @Override
  public CompletableFuture<List<PartitionInfo>> listPartitionInfosAsync(
      TablePath tablePath, PartitionSpec partialSpec) {
    return partitions.listPartitionInfos(tablePath, partialSpec);
  }

  @Override
  public void close() {
    // Nothing of its own to release: the connection owns the network and the metadata cache.
  }

  // ---- The cluster, its configuration and snapshots (kept together so they merge as one block)
  // ----

  @Override
  public List<ServerInfo> getServerNodes() {
    return calls.await(getServerNodesAsync(), "getServerNodes()");
  }

  @Override
  public CompletableFuture<List<ServerInfo>> getServerNodesAsync() {
    return cluster.serverNodes();
  }

  @Override
  public List<DatabaseSummary> listDatabaseSummaries() {
    return calls.await(listDatabaseSummariesAsync(), "listDatabaseSummaries()");
  }

  @Override
  public CompletableFuture<List<DatabaseSummary>> listDatabaseSummariesAsync() {
    return cluster.databaseSummaries();
  }

  @Override
  public List<ConfigEntry> describeClusterConfigs() {
    return calls.await(describeClusterConfigsAsync(), "describeClusterConfigs()");
  }

  @Override
  public CompletableFuture<List<ConfigEntry>> describeClusterConfigsAsync() {
    return cluster.describeConfigs();
  }

  @Override
  public void alterClusterConfigs(Collection<AlterConfig> changes) {
    calls.await(alterClusterConfigsAsync(changes), "alterClusterConfigs()");
  }

  @Override
  public CompletableFuture<Void> alterClusterConfigsAsync(Collection<AlterConfig> changes) {
    return cluster.alterConfigs(changes);
  }

  @Override
  public KvSnapshots getLatestKvSnapshots(TablePath tablePath) {
    return calls.await(
        getLatestKvSnapshotsAsync(tablePath), "getLatestKvSnapshots(" + tablePath + ")");
  }

  @Override
  public CompletableFuture<KvSnapshots> getLatestKvSnapshotsAsync(TablePath tablePath) {
    return snapshots.latestKvSnapshots(tablePath, null);
  }

  @Override
  public KvSnapshots getLatestKvSnapshots(TablePath tablePath, String partitionName) {
    return calls.await(
        getLatestKvSnapshotsAsync(tablePath, partitionName),
        "getLatestKvSnapshots(" + tablePath + ", partition " + partitionName + ")");
  }

  @Override
  public CompletableFuture<KvSnapshots> getLatestKvSnapshotsAsync(
      TablePath tablePath, String partitionName) {
    return snapshots.latestKvSnapshots(
        tablePath, Objects.requireNonNull(partitionName, "partitionName"));
  }

  @Override
  public KvSnapshotMetadata getKvSnapshotMetadata(TableBucket bucket, long snapshotId) {
    return calls.await(
        getKvSnapshotMetadataAsync(bucket, snapshotId),
        "getKvSnapshotMetadata(" + bucket + ", snapshot " + snapshotId + ")");
  }

  @Override
  public CompletableFuture<KvSnapshotMetadata> getKvSnapshotMetadataAsync(
      TableBucket bucket, long snapshotId) {
    return snapshots.kvSnapshotMetadata(bucket, snapshotId);
  }

  @Override
  public KvSnapshotLease createKvSnapshotLease(String leaseId, Duration leaseDuration) {
    return new KvSnapshotLeaseImpl(calls, leaseId, leaseDuration);
  }

  @Override
  public LakeSnapshot getLatestLakeSnapshot(TablePath tablePath) {
    return calls.await(
        getLatestLakeSnapshotAsync(tablePath), "getLatestLakeSnapshot(" + tablePath + ")");
  }

  @Override
  public CompletableFuture<LakeSnapshot> getLatestLakeSnapshotAsync(TablePath tablePath) {
    return snapshots.lakeSnapshot(
        tablePath, OptionalLong.empty(), false, "getLatestLakeSnapshot(" + tablePath + ")");
  }

  @Override
  public LakeSnapshot getLakeSnapshot(TablePath tablePath, long snapshotId) {
    return calls.await(
        getLakeSnapshotAsync(tablePath, snapshotId),
        "getLakeSnapshot(" + tablePath + ", " + snapshotId + ")");
  }

  @Override
  public CompletableFuture<LakeSnapshot> getLakeSnapshotAsync(
      TablePath tablePath, long snapshotId) {
    return snapshots.lakeSnapshot(
        tablePath,
        OptionalLong.of(snapshotId),
        false,
        "getLakeSnapshot(" + tablePath + ", " + snapshotId + ")");
  }

  @Override
  public LakeSnapshot getReadableLakeSnapshot(TablePath tablePath) {
    return calls.await(
        getReadableLakeSnapshotAsync(tablePath), "getReadableLakeSnapshot(" + tablePath + ")");
  }

  @Override
  public CompletableFuture<LakeSnapshot> getReadableLakeSnapshotAsync(TablePath tablePath) {
    return snapshots.lakeSnapshot(
        tablePath, OptionalLong.empty(), true, "getReadableLakeSnapshot(" + tablePath + ")");
  }

  @Override
  public TableStats getTableStats(TablePath tablePath) {
    return calls.await(getTableStatsAsync(tablePath), "getTableStats(" + tablePath + ")");
  }

  @Override
  public CompletableFuture<TableStats> getTableStatsAsync(TablePath tablePath) {
    return tableStats.stats(tablePath);
  }

  @Override
  public List<AclBinding> listAcls(AclBindingFilter filter) {
    return calls.await(listAclsAsync(filter), "listAcls(" + filter + ")");
  }

  @Override
  public CompletableFuture<List<AclBinding>> listAclsAsync(AclBindingFilter filter) {
    return acls.list(filter);
  }

  @Override
  public void createAcls(Collection<AclBinding> bindings) {
    calls.await(createAclsAsync(bindings), "createAcls()");
  }

  @Override
  public CompletableFuture<Void> createAclsAsync(Collection<AclBinding> bindings) {
    return acls.create(bindings);
  }

  @Override
  public List<AclBinding> dropAcls(Collection<AclBindingFilter> filters) {
    return calls.await(dropAclsAsync(filters), "dropAcls()");
  }

  @Override
  public CompletableFuture<List<AclBinding>> dropAclsAsync(Collection<AclBindingFilter> filters) {
    return acls.drop(filters);
  }

  @Override
  public void addServerTag(List<Integer> tabletServerIds, ServerTag tag) {
    calls.await(addServerTagAsync(tabletServerIds, tag), "addServerTag(" + tabletServerIds + ")");
  }

  @Override
  public CompletableFuture<Void> addServerTagAsync(List<Integer> tabletServerIds, ServerTag tag) {
    return rebalances.addTag(tabletServerIds, tag);
  }

  @Override
  public void removeServerTag(List<Integer> tabletServerIds, ServerTag tag) {
    calls.await(
        removeServerTagAsync(tabletServerIds, tag), "removeServerTag(" + tabletServerIds + ")");
  }

  @Override
  public CompletableFuture<Void> removeServerTagAsync(
      List<Integer> tabletServerIds, ServerTag tag) {
    return rebalances.removeTag(tabletServerIds, tag);
  }

  @Override
  public String rebalance(List<RebalanceGoal> goals) {
    return calls.await(rebalanceAsync(goals), "rebalance(" + goals + ")");
  }

  @Override
  public CompletableFuture<String> rebalanceAsync(List<RebalanceGoal> goals) {
    return rebalances.rebalance(goals);
  }

  @Override
  public Optional<RebalanceProgress> listRebalanceProgress(String rebalanceId) {
    return calls.await(
        listRebalanceProgressAsync(rebalanceId), "listRebalanceProgress(" + rebalanceId + ")");
  }

  @Override
  public CompletableFuture<Optional<RebalanceProgress>> listRebalanceProgressAsync(
      String rebalanceId) {
    return rebalances.progress(rebalanceId);
  }

  @Override
  public void cancelRebalance(String rebalanceId) {
    calls.await(cancelRebalanceAsync(rebalanceId), "cancelRebalance(" + rebalanceId + ")");
  }

  @Override
  public CompletableFuture<Void> cancelRebalanceAsync(String rebalanceId) {
    return rebalances.cancel(rebalanceId);
  }

  @Override
  public RegisterResult registerProducerOffsets(String producerId, Map<TableBucket, Long> offsets) {
    return calls.await(
        registerProducerOffsetsAsync(producerId, offsets),
        "registerProducerOffsets(" + producerId + ")");
  }

  @Override
  public CompletableFuture<RegisterResult> registerProducerOffsetsAsync(
      String producerId, Map<TableBucket, Long> offsets) {
    return producerOffsets.register(producerId, offsets);
  }

  @Override
  public ProducerOffsets getProducerOffsets(String producerId) {
    return calls.await(
        getProducerOffsetsAsync(producerId), "getProducerOffsets(" + producerId + ")");
  }

  @Override
  public CompletableFuture<ProducerOffsets> getProducerOffsetsAsync(String producerId) {
    return producerOffsets.get(producerId);
  }

  @Override
  public void deleteProducerOffsets(String producerId) {
    calls.await(
        deleteProducerOffsetsAsync(producerId), "deleteProducerOffsets(" + producerId + ")");
  }

  @Override
  public CompletableFuture<Void> deleteProducerOffsetsAsync(String producerId) {
    return producerOffsets.delete(producerId);
  }
}
