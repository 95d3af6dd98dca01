package io.flussjava.client.admin;

import io.flussjava.client.TableBucket;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Manages databases, tables and the partitions of partitioned tables. Obtained from {@code
 * Connection.getAdmin()}; shares the connection's resources, so closing it is optional and closing
 * the connection closes it.
 *
 * <p>Every operation comes twice: a sync method that returns the result or throws a typed {@link
 * io.flussjava.exception.FlussException} (for example {@link
 * io.flussjava.exception.TableNotExistException}), and an {@code ...Async} twin whose future
 * completes with the same result or fails with the same exception. Sync calls wait at most {@code
 * client.request-timeout} (plus retries' backoff within it) and then throw a {@link
 * io.flussjava.exception.TimeoutException} naming the operation. Retriable errors (leader changes,
 * lost connections) are retried with backoff within that bound.
 *
 * <pre>{@code
 * Admin admin = connection.getAdmin();
 * admin.createDatabase("my_db", DatabaseDescriptor.EMPTY, true);
 * admin.createTable(TablePath.of("my_db", "users"), descriptor, false);
 * TableInfo info = admin.getTableInfo(TablePath.of("my_db", "users"));
 * }</pre>
 */
public interface Admin extends AutoCloseable {

  /**
   * Creates a database.
   *
   * @throws io.flussjava.exception.DatabaseAlreadyExistException if it exists and {@code
   *     ignoreIfExists} is false
   */
  void createDatabase(String databaseName, DatabaseDescriptor descriptor, boolean ignoreIfExists);

  CompletableFuture<Void> createDatabaseAsync(
      String databaseName, DatabaseDescriptor descriptor, boolean ignoreIfExists);

  /**
   * Drops a database.
   *
   * @param cascade also drop its tables; without it a non-empty database fails with {@link
   *     io.flussjava.exception.DatabaseNotEmptyException}
   * @throws io.flussjava.exception.DatabaseNotExistException if absent and {@code
   *     ignoreIfNotExists} is false
   */
  void dropDatabase(String databaseName, boolean ignoreIfNotExists, boolean cascade);

  CompletableFuture<Void> dropDatabaseAsync(
      String databaseName, boolean ignoreIfNotExists, boolean cascade);

  /** Names of all databases. */
  List<String> listDatabases();

  CompletableFuture<List<String>> listDatabasesAsync();

  boolean databaseExists(String databaseName);

  CompletableFuture<Boolean> databaseExistsAsync(String databaseName);

  /**
   * The database's descriptor and timestamps.
   *
   * @throws io.flussjava.exception.DatabaseNotExistException if absent
   */
  DatabaseInfo getDatabaseInfo(String databaseName);

  CompletableFuture<DatabaseInfo> getDatabaseInfoAsync(String databaseName);

  /**
   * Creates a table.
   *
   * @throws io.flussjava.exception.TableAlreadyExistException if it exists and {@code
   *     ignoreIfExists} is false
   * @throws io.flussjava.exception.DatabaseNotExistException if its database does not exist
   * @throws io.flussjava.exception.InvalidConfigException for an unknown {@code table.*} property
   */
  void createTable(TablePath tablePath, TableDescriptor descriptor, boolean ignoreIfExists);

  CompletableFuture<Void> createTableAsync(
      TablePath tablePath, TableDescriptor descriptor, boolean ignoreIfExists);

  /**
   * Drops a table.
   *
   * @throws io.flussjava.exception.TableNotExistException if absent and {@code ignoreIfNotExists}
   *     is false
   */
  void dropTable(TablePath tablePath, boolean ignoreIfNotExists);

  CompletableFuture<Void> dropTableAsync(TablePath tablePath, boolean ignoreIfNotExists);

  /**
   * Names of the tables in a database.
   *
   * @throws io.flussjava.exception.DatabaseNotExistException if the database does not exist
   */
  List<String> listTables(String databaseName);

  CompletableFuture<List<String>> listTablesAsync(String databaseName);

  boolean tableExists(TablePath tablePath);

  CompletableFuture<Boolean> tableExistsAsync(TablePath tablePath);

  /**
   * The table's current schema, distribution, properties and ids, straight from the coordinator.
   *
   * @throws io.flussjava.exception.TableNotExistException if absent
   */
  TableInfo getTableInfo(TablePath tablePath);

  CompletableFuture<TableInfo> getTableInfoAsync(TablePath tablePath);

  /**
   * Log offsets of some buckets of a table, by bucket: the earliest retained offset, the latest
   * (the offset the next record will get), or the first offset at or after a timestamp.
   *
   * <pre>{@code
   * Map<Integer, Long> ends = admin.listOffsets(path, List.of(0, 1, 2), OffsetSpec.latest());
   * }</pre>
   */
  Map<Integer, Long> listOffsets(TablePath tablePath, List<Integer> buckets, OffsetSpec spec);

  CompletableFuture<Map<Integer, Long>> listOffsetsAsync(
      TablePath tablePath, List<Integer> buckets, OffsetSpec spec);

  /**
   * Log offsets of some buckets of one partition of a partitioned table, by bucket (see {@link
   * #listOffsets}).
   *
   * <pre>{@code
   * Map<Integer, Long> ends = admin.listOffsets(path, "2024-06-01", List.of(0, 1), OffsetSpec.latest());
   * }</pre>
   *
   * @param partitionName the partition's name, its values joined with {@code $} ({@link
   *     PartitionInfo#getPartitionName})
   * @throws io.flussjava.exception.PartitionNotExistException if there is no such partition
   */
  Map<Integer, Long> listOffsets(
      TablePath tablePath, String partitionName, List<Integer> buckets, OffsetSpec spec);

  CompletableFuture<Map<Integer, Long>> listOffsetsAsync(
      TablePath tablePath, String partitionName, List<Integer> buckets, OffsetSpec spec);

  /**
   * Creates a partition of a partitioned table. The spec names every partition key of the table.
   *
   * <pre>{@code
   * admin.createPartition(TablePath.of("my_db", "events"), PartitionSpec.of("dt", "2024-06-01"), true);
   * }</pre>
   *
   * @throws io.flussjava.exception.PartitionAlreadyExistsException if it exists and {@code
   *     ignoreIfExists} is false
   * @throws io.flussjava.exception.PartitionSpecInvalidException if the spec does not name exactly
   *     the table's partition keys, or a value cannot be a partition name
   * @throws io.flussjava.exception.TableNotPartitionedException if the table is not partitioned
   * @throws io.flussjava.exception.TableNotExistException if the table does not exist
   */
  void createPartition(TablePath tablePath, PartitionSpec spec, boolean ignoreIfExists);

  CompletableFuture<Void> createPartitionAsync(
      TablePath tablePath, PartitionSpec spec, boolean ignoreIfExists);

  /**
   * Drops a partition of a partitioned table and its data.
   *
   * @throws io.flussjava.exception.PartitionNotExistException if absent and {@code
   *     ignoreIfNotExists} is false
   * @throws io.flussjava.exception.PartitionSpecInvalidException if the spec does not name exactly
   *     the table's partition keys
   * @throws io.flussjava.exception.TableNotPartitionedException if the table is not partitioned
   */
  void dropPartition(TablePath tablePath, PartitionSpec spec, boolean ignoreIfNotExists);

  CompletableFuture<Void> dropPartitionAsync(
      TablePath tablePath, PartitionSpec spec, boolean ignoreIfNotExists);

  /**
   * Every partition of a partitioned table: id, spec and name.
   *
   * <pre>{@code
   * List<PartitionInfo> partitions = admin.listPartitionInfos(path);
   * }</pre>
   *
   * @throws io.flussjava.exception.TableNotPartitionedException if the table is not partitioned
   */
  List<PartitionInfo> listPartitionInfos(TablePath tablePath);

  CompletableFuture<List<PartitionInfo>> listPartitionInfosAsync(TablePath tablePath);

  /**
   * The partitions whose values match a partial spec, e.g. all partitions of one region of a table
   * partitioned by {@code (dt, region)}: {@code listPartitionInfos(path, PartitionSpec.of("region",
   * "EU"))}.
   *
   * @throws io.flussjava.exception.PartitionSpecInvalidException if the spec names a column that is
   *     not a partition key of the table
   */
  List<PartitionInfo> listPartitionInfos(TablePath tablePath, PartitionSpec partialSpec);

  CompletableFuture<List<PartitionInfo>> listPartitionInfosAsync(
      TablePath tablePath, PartitionSpec partialSpec);

  /** Releases nothing shared: the connection owns the resources. Safe to call more than once. */
  @Override
  void close();

  // "db.table" forms, as connection.getTable and the Python client's guide take them.

  /**
   * {@link #createTable(TablePath, TableDescriptor, boolean)} for a path written {@code
   * "db.table"}.
   */
  default void createTable(String tablePath, TableDescriptor descriptor, boolean ignoreIfExists) {
    createTable(TablePath.parse(tablePath), descriptor, ignoreIfExists);
  }

  /** {@link #dropTable(TablePath, boolean)} for a path written {@code "db.table"}. */
  default void dropTable(String tablePath, boolean ignoreIfNotExists) {
    dropTable(TablePath.parse(tablePath), ignoreIfNotExists);
  }

  /** {@link #tableExists(TablePath)} for a path written {@code "db.table"}. */
  default boolean tableExists(String tablePath) {
    return tableExists(TablePath.parse(tablePath));
  }

  /** {@link #getTableInfo(TablePath)} for a path written {@code "db.table"}. */
  default TableInfo getTableInfo(String tablePath) {
    return getTableInfo(TablePath.parse(tablePath));
  }

  /** {@link #listPartitionInfos(TablePath)} for a path written {@code "db.table"}. */
  default List<PartitionInfo> listPartitionInfos(String tablePath) {
    return listPartitionInfos(TablePath.parse(tablePath));
  }

  /**
   * {@link #createPartition(TablePath, PartitionSpec, boolean)} for a path written {@code
   * "db.table"}.
   */
  default void createPartition(String tablePath, PartitionSpec spec, boolean ignoreIfExists) {
    createPartition(TablePath.parse(tablePath), spec, ignoreIfExists);
  }

  /**
   * {@link #dropPartition(TablePath, PartitionSpec, boolean)} for a path written {@code
   * "db.table"}.
   */
  default void dropPartition(String tablePath, PartitionSpec spec, boolean ignoreIfNotExists) {
    dropPartition(TablePath.parse(tablePath), spec, ignoreIfNotExists);
  }

  // ---- The cluster, its configuration and snapshots (kept together so they merge as one block)
  // ----

  /**
   * The coordinator and every tablet server, as the coordinator knows them now.
   *
   * <pre>{@code
   * for (ServerInfo s : admin.getServerNodes()) {
   *   System.out.println(s.role() + " " + s.id() + " at " + s.address());
   * }
   * }</pre>
   */
  List<ServerInfo> getServerNodes();

  CompletableFuture<List<ServerInfo>> getServerNodesAsync();

  /** Every database with its creation time and number of tables. */
  List<DatabaseSummary> listDatabaseSummaries();

  CompletableFuture<List<DatabaseSummary>> listDatabaseSummariesAsync();

  /**
   * The servers' configuration as the coordinator reports it: the {@code server.yaml} values and
   * the dynamic ones set with {@link #alterClusterConfigs}, each with its source.
   *
   * @throws io.flussjava.exception.AuthorizationException on a cluster with an authorizer, for a
   *     user without DESCRIBE on the cluster
   */
  List<ConfigEntry> describeClusterConfigs();

  CompletableFuture<List<ConfigEntry>> describeClusterConfigsAsync();

  /**
   * Changes dynamic server configurations, all or none. Fluss 0.9.1 accepts only the keys it can
   * change at run time (e.g. {@code datalake.format}); any other key fails.
   *
   * <pre>{@code
   * admin.alterClusterConfigs(List.of(AlterConfig.set("datalake.format", "paimon")));
   * }</pre>
   *
   * @throws io.flussjava.exception.InvalidConfigException for a key that cannot be changed at run
   *     time, or a bad value
   * @throws io.flussjava.exception.AuthorizationException on a cluster with an authorizer, for a
   *     user without ALTER on the cluster
   */
  void alterClusterConfigs(Collection<AlterConfig> changes);

  CompletableFuture<Void> alterClusterConfigsAsync(Collection<AlterConfig> changes);

  /**
   * The latest KV snapshot of every bucket of an unpartitioned primary-key table. The tablet
   * servers take one every {@code kv.snapshot.interval} (server setting) into the remote storage.
   *
   * <pre>{@code
   * KvSnapshots snapshots = admin.getLatestKvSnapshots(path);
   * snapshots.latest(0).ifPresent(s -> System.out.println(s.snapshotId() + " @ " + s.logOffset()));
   * }</pre>
   *
   * @throws io.flussjava.exception.TableNotExistException if the table does not exist
   * @throws io.flussjava.exception.NonPrimaryKeyTableException for a log table
   */
  KvSnapshots getLatestKvSnapshots(TablePath tablePath);

  CompletableFuture<KvSnapshots> getLatestKvSnapshotsAsync(TablePath tablePath);

  /**
   * The latest KV snapshot of every bucket of one partition of a partitioned primary-key table.
   *
   * @throws io.flussjava.exception.PartitionNotExistException if there is no such partition
   */
  KvSnapshots getLatestKvSnapshots(TablePath tablePath, String partitionName);

  CompletableFuture<KvSnapshots> getLatestKvSnapshotsAsync(
      TablePath tablePath, String partitionName);

  /**
   * The files of one KV snapshot of a bucket in remote storage, and the log offset the changelog
   * continues it from.
   *
   * @throws io.flussjava.exception.KvSnapshotNotExistException if the bucket has no such snapshot
   */
  KvSnapshotMetadata getKvSnapshotMetadata(TableBucket bucket, long snapshotId);

  CompletableFuture<KvSnapshotMetadata> getKvSnapshotMetadataAsync(
      TableBucket bucket, long snapshotId);

  /**
   * A lease on KV snapshots under the given id, which keeps the snapshots it acquires from being
   * cleaned up while a reader restores them. Sends nothing yet: see {@link KvSnapshotLease}.
   */
  KvSnapshotLease createKvSnapshotLease(String leaseId, Duration leaseDuration);

  /**
   * The latest snapshot tiering committed to the lake for a lake-enabled table.
   *
   * @throws io.flussjava.exception.LakeSnapshotNotExistException if the table has none (it is not
   *     lake-enabled, or no tiering has committed yet)
   * @throws io.flussjava.exception.TableNotExistException if the table does not exist
   */
  LakeSnapshot getLatestLakeSnapshot(TablePath tablePath);

  CompletableFuture<LakeSnapshot> getLatestLakeSnapshotAsync(TablePath tablePath);

  /**
   * One lake snapshot of a table by id.
   *
   * @throws io.flussjava.exception.LakeSnapshotNotExistException if the table has no such snapshot
   */
  LakeSnapshot getLakeSnapshot(TablePath tablePath, long snapshotId);

  CompletableFuture<LakeSnapshot> getLakeSnapshotAsync(TablePath tablePath, long snapshotId);

  /**
   * The latest lake snapshot readers can use: one whose every bucket's data is committed, which may
   * be older than {@link #getLatestLakeSnapshot}.
   *
   * @throws io.flussjava.exception.LakeSnapshotNotExistException if the table has none
   */
  LakeSnapshot getReadableLakeSnapshot(TablePath tablePath);

  CompletableFuture<LakeSnapshot> getReadableLakeSnapshotAsync(TablePath tablePath);

  /**
   * Row counts of a table, per bucket and in total, from the bucket leaders.
   *
   * <pre>{@code
   * long rows = admin.getTableStats(path).rowCount();
   * }</pre>
   *
   * @throws io.flussjava.exception.TableNotExistException if the table does not exist
   */
  TableStats getTableStats(TablePath tablePath);

  CompletableFuture<TableStats> getTableStatsAsync(TablePath tablePath);

  /**
   * The ACLs that match a filter ({@link AclBindingFilter#ANY} for all).
   *
   * @throws io.flussjava.exception.SecurityDisabledException if the cluster's authorizer is off
   */
  List<AclBinding> listAcls(AclBindingFilter filter);

  CompletableFuture<List<AclBinding>> listAclsAsync(AclBindingFilter filter);

  /**
   * Creates ACLs. The server applies each on its own: if some fail, this fails with the typed error
   * of the first (the others' errors are suppressed in it) and the rest are in place.
   *
   * <pre>{@code
   * admin.createAcls(List.of(
   *     AclBinding.allow(AclResource.table(path), AclPrincipal.user("alice"), AclOperation.READ)));
   * }</pre>
   *
   * @throws io.flussjava.exception.SecurityDisabledException if the cluster's authorizer is off
   * @throws io.flussjava.exception.AuthorizationException for a user without ALTER on the cluster
   */
  void createAcls(Collection<AclBinding> bindings);

  CompletableFuture<Void> createAclsAsync(Collection<AclBinding> bindings);

  /**
   * Drops every ACL that matches one of the filters and returns them.
   *
   * @throws io.flussjava.exception.SecurityDisabledException if the cluster's authorizer is off
   * @throws io.flussjava.exception.AuthorizationException for a user without ALTER on the cluster
   */
  List<AclBinding> dropAcls(Collection<AclBindingFilter> filters);

  CompletableFuture<List<AclBinding>> dropAclsAsync(Collection<AclBindingFilter> filters);

  /**
   * Tags tablet servers, e.g. {@link ServerTag#TEMPORARY_OFFLINE} before maintenance, so that a
   * rebalance moves replicas off them.
   *
   * @throws io.flussjava.exception.ServerNotExistException if an id is not a tablet server
   * @throws io.flussjava.exception.ServerTagAlreadyExistException if a server already has a tag
   */
  void addServerTag(List<Integer> tabletServerIds, ServerTag tag);

  CompletableFuture<Void> addServerTagAsync(List<Integer> tabletServerIds, ServerTag tag);

  /**
   * Removes a tag from tablet servers.
   *
   * @throws io.flussjava.exception.ServerTagNotExistException if a server does not have the tag
   */
  void removeServerTag(List<Integer> tabletServerIds, ServerTag tag);

  CompletableFuture<Void> removeServerTagAsync(List<Integer> tabletServerIds, ServerTag tag);

  /**
   * Starts moving replicas and leaders between tablet servers towards the goals, and returns the
   * rebalance's id.
   *
   * @throws io.flussjava.exception.RebalanceFailureException when a rebalance is running already,
   *     or the coordinator cannot plan one (with nothing to move, the plan is empty and the
   *     rebalance completes at once)
   */
  String rebalance(List<RebalanceGoal> goals);

  CompletableFuture<String> rebalanceAsync(List<RebalanceGoal> goals);

  /**
   * How far a rebalance got; empty when the coordinator knows of none.
   *
   * @param rebalanceId the rebalance's id, or {@code null} for the current one
   */
  Optional<RebalanceProgress> listRebalanceProgress(String rebalanceId);

  CompletableFuture<Optional<RebalanceProgress>> listRebalanceProgressAsync(String rebalanceId);

  /**
   * Cancels a rebalance; moves already done stay.
   *
   * @param rebalanceId the rebalance's id, or {@code null} for the current one
   * @throws io.flussjava.exception.NoRebalanceInProgressException if the coordinator knows of no
   *     such rebalance (cancelling one that finished is not an error)
   */
  void cancelRebalance(String rebalanceId);

  CompletableFuture<Void> cancelRebalanceAsync(String rebalanceId);

  /**
   * Registers the log offsets a producer (e.g. a writer job) resumes from after a failure. The
   * first registration for an id wins: a second one answers {@link RegisterResult#ALREADY_EXISTS}
   * and changes nothing.
   */
  RegisterResult registerProducerOffsets(String producerId, Map<TableBucket, Long> offsets);

  CompletableFuture<RegisterResult> registerProducerOffsetsAsync(
      String producerId, Map<TableBucket, Long> offsets);

  /** The offsets registered for a producer (none when nothing is registered). */
  ProducerOffsets getProducerOffsets(String producerId);

  CompletableFuture<ProducerOffsets> getProducerOffsetsAsync(String producerId);

  /** Deletes a producer's registered offsets. */
  void deleteProducerOffsets(String producerId);

  CompletableFuture<Void> deleteProducerOffsetsAsync(String producerId);
}
