package io.flussjava.client.internal;

import static io.flussjava.client.internal.AdminCalls.checkDatabase;
import static io.flussjava.client.internal.AdminCalls.toPb;

import com.google.protobuf.ByteString;
import io.flussjava.client.admin.Admin;
import io.flussjava.client.admin.DatabaseDescriptor;
import io.flussjava.client.admin.DatabaseInfo;
import io.flussjava.client.admin.OffsetSpec;
import io.flussjava.client.admin.PartitionInfo;
import io.flussjava.client.admin.PartitionSpec;
import io.flussjava.client.admin.SchemaInfo;
import io.flussjava.client.admin.TableChange;
import io.flussjava.client.admin.TableDescriptor;
import io.flussjava.client.admin.TableInfo;
import io.flussjava.client.admin.TablePath;
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
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
  private final SchemaAdmin schemas;

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
    this.schemas = new SchemaAdmin(calls);
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

  // ---- Schema evolution: table schemas and alterTable.

  @Override
  public SchemaInfo getTableSchema(TablePath tablePath) {
    return calls.await(getTableSchemaAsync(tablePath), "getTableSchema(" + tablePath + ")");
  }

  @Override
  public CompletableFuture<SchemaInfo> getTableSchemaAsync(TablePath tablePath) {
    return schemas.getTableSchema(tablePath, null);
  }

  @Override
  public SchemaInfo getTableSchema(TablePath tablePath, int schemaId) {
    return calls.await(
        getTableSchemaAsync(tablePath, schemaId),
        "getTableSchema(" + tablePath + ", " + schemaId + ")");
  }

  @Override
  public CompletableFuture<SchemaInfo> getTableSchemaAsync(TablePath tablePath, int schemaId) {
    return schemas.getTableSchema(tablePath, schemaId);
  }

  @Override
  public void alterTable(
      TablePath tablePath, List<TableChange> changes, boolean ignoreIfNotExists) {
    calls.await(
        alterTableAsync(tablePath, changes, ignoreIfNotExists), "alterTable(" + tablePath + ")");
  }

  @Override
  public CompletableFuture<Void> alterTableAsync(
      TablePath tablePath, List<TableChange> changes, boolean ignoreIfNotExists) {
    return schemas.alterTable(tablePath, changes, ignoreIfNotExists);
  }

  // ---- End of schema evolution.

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
}
