package io.flussjava.client.internal;

import com.google.protobuf.ByteString;
import com.google.protobuf.MessageLite;
import io.flussjava.client.admin.Admin;
import io.flussjava.client.admin.DatabaseDescriptor;
import io.flussjava.client.admin.DatabaseInfo;
import io.flussjava.client.admin.OffsetSpec;
import io.flussjava.client.admin.PartitionInfo;
import io.flussjava.client.admin.PartitionSpec;
import io.flussjava.client.admin.TableDescriptor;
import io.flussjava.client.admin.TableInfo;
import io.flussjava.client.admin.TablePath;
import io.flussjava.client.metadata.MetadataCache;
import io.flussjava.rpc.ApiMethod;
import io.flussjava.rpc.ApiMethods;
import io.flussjava.exception.PartitionNotExistException;
import io.flussjava.exception.PartitionSpecInvalidException;
import io.flussjava.exception.TableNotPartitionedException;
import io.flussjava.rpc.protocol.CreateDatabaseRequest;
import io.flussjava.rpc.protocol.CreatePartitionRequest;
import io.flussjava.rpc.protocol.DropPartitionRequest;
import io.flussjava.rpc.protocol.ListPartitionInfosRequest;
import io.flussjava.rpc.protocol.ListPartitionInfosResponse;
import io.flussjava.rpc.protocol.PbKeyValue;
import io.flussjava.rpc.protocol.PbPartitionInfo;
import io.flussjava.rpc.protocol.PbPartitionSpec;
import io.flussjava.rpc.protocol.CreateTableRequest;
import io.flussjava.rpc.protocol.DatabaseExistsRequest;
import io.flussjava.rpc.protocol.DropDatabaseRequest;
import io.flussjava.rpc.protocol.DropTableRequest;
import io.flussjava.rpc.protocol.GetDatabaseInfoRequest;
import io.flussjava.rpc.protocol.GetTableInfoRequest;
import io.flussjava.rpc.protocol.ListDatabasesRequest;
import io.flussjava.rpc.protocol.ListTablesRequest;
import io.flussjava.rpc.protocol.PbTablePath;
import io.flussjava.rpc.protocol.TableExistsRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * {@link Admin} over the coordinator. Each call is one request, retried on retriable errors within the request
 * timeout; each sync method is its async twin plus a bounded wait.
 */
public final class AdminImpl implements Admin {
  private final MetadataCache metadata;
  private final Retrier retrier;
  private final Duration requestTimeout;
  private final Duration syncWait;
  private final OffsetLister offsets;

  public AdminImpl(MetadataCache metadata, Retrier retrier, Duration requestTimeout, OffsetLister offsets) {
    this.metadata = metadata;
    this.offsets = offsets;
    this.retrier = retrier;
    this.requestTimeout = requestTimeout;
    // The async operation bounds itself by the request timeout; the sync wait adds slack for the final backoff.
    this.syncWait = requestTimeout.plusSeconds(5);
  }

  @Override
  public void createDatabase(String databaseName, DatabaseDescriptor descriptor, boolean ignoreIfExists) {
    await(createDatabaseAsync(databaseName, descriptor, ignoreIfExists), "createDatabase(" + databaseName + ")");
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
    return call("createDatabase(" + databaseName + ")", ApiMethods.CREATE_DATABASE, request, r -> null);
  }

  @Override
  public void dropDatabase(String databaseName, boolean ignoreIfNotExists, boolean cascade) {
    await(dropDatabaseAsync(databaseName, ignoreIfNotExists, cascade), "dropDatabase(" + databaseName + ")");
  }

  @Override
  public CompletableFuture<Void> dropDatabaseAsync(String databaseName, boolean ignoreIfNotExists, boolean cascade) {
    DropDatabaseRequest request =
        DropDatabaseRequest.newBuilder()
            .setDatabaseName(checkDatabase(databaseName))
            .setIgnoreIfNotExists(ignoreIfNotExists)
            .setCascade(cascade)
            .build();
    return call("dropDatabase(" + databaseName + ")", ApiMethods.DROP_DATABASE, request, r -> null);
  }

  @Override
  public List<String> listDatabases() {
    return await(listDatabasesAsync(), "listDatabases()");
  }

  @Override
  public CompletableFuture<List<String>> listDatabasesAsync() {
    return call(
        "listDatabases()",
        ApiMethods.LIST_DATABASES,
        ListDatabasesRequest.getDefaultInstance(),
        r -> List.copyOf(r.getDatabaseNameList()));
  }

  @Override
  public boolean databaseExists(String databaseName) {
    return await(databaseExistsAsync(databaseName), "databaseExists(" + databaseName + ")");
  }

  @Override
  public CompletableFuture<Boolean> databaseExistsAsync(String databaseName) {
    DatabaseExistsRequest request =
        DatabaseExistsRequest.newBuilder().setDatabaseName(checkDatabase(databaseName)).build();
    return call("databaseExists(" + databaseName + ")", ApiMethods.DATABASE_EXISTS, request, r -> r.getExists());
  }

  @Override
  public DatabaseInfo getDatabaseInfo(String databaseName) {
    return await(getDatabaseInfoAsync(databaseName), "getDatabaseInfo(" + databaseName + ")");
  }

  @Override
  public CompletableFuture<DatabaseInfo> getDatabaseInfoAsync(String databaseName) {
    GetDatabaseInfoRequest request =
        GetDatabaseInfoRequest.newBuilder().setDatabaseName(checkDatabase(databaseName)).build();
    return call(
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
    await(createTableAsync(tablePath, descriptor, ignoreIfExists), "createTable(" + tablePath + ")");
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
    return call("createTable(" + tablePath + ")", ApiMethods.CREATE_TABLE, request, r -> null);
  }

  @Override
  public void dropTable(TablePath tablePath, boolean ignoreIfNotExists) {
    await(dropTableAsync(tablePath, ignoreIfNotExists), "dropTable(" + tablePath + ")");
  }

  @Override
  public CompletableFuture<Void> dropTableAsync(TablePath tablePath, boolean ignoreIfNotExists) {
    DropTableRequest request =
        DropTableRequest.newBuilder().setTablePath(toPb(tablePath)).setIgnoreIfNotExists(ignoreIfNotExists).build();
    CompletableFuture<Void> dropped = call("dropTable(" + tablePath + ")", ApiMethods.DROP_TABLE, request, r -> null);
    return dropped.whenComplete((v, e) -> metadata.invalidate(tablePath));
  }

  @Override
  public List<String> listTables(String databaseName) {
    return await(listTablesAsync(databaseName), "listTables(" + databaseName + ")");
  }

  @Override
  public CompletableFuture<List<String>> listTablesAsync(String databaseName) {
    ListTablesRequest request = ListTablesRequest.newBuilder().setDatabaseName(checkDatabase(databaseName)).build();
    return call(
        "listTables(" + databaseName + ")",
        ApiMethods.LIST_TABLES,
        request,
        r -> List.copyOf(r.getTableNameList()));
  }

  @Override
  public boolean tableExists(TablePath tablePath) {
    return await(tableExistsAsync(tablePath), "tableExists(" + tablePath + ")");
  }

  @Override
  public CompletableFuture<Boolean> tableExistsAsync(TablePath tablePath) {
    TableExistsRequest request = TableExistsRequest.newBuilder().setTablePath(toPb(tablePath)).build();
    return call("tableExists(" + tablePath + ")", ApiMethods.TABLE_EXISTS, request, r -> r.getExists());
  }

  @Override
  public TableInfo getTableInfo(TablePath tablePath) {
    return await(getTableInfoAsync(tablePath), "getTableInfo(" + tablePath + ")");
  }

  @Override
  public CompletableFuture<TableInfo> getTableInfoAsync(TablePath tablePath) {
    GetTableInfoRequest request = GetTableInfoRequest.newBuilder().setTablePath(toPb(tablePath)).build();
    return call(
        "getTableInfo(" + tablePath + ")",
        ApiMethods.GET_TABLE_INFO,
        request,
        r ->
            new TableInfo(
                tablePath,
                r.getTableId(),
                r.getSchemaId(),
                DescriptorJson.tableFromJson(r.getTableJson().toByteArray()),
                r.getCreatedTime(),
                r.getModifiedTime()));
  }

  @Override
  public Map<Integer, Long> listOffsets(TablePath tablePath, List<Integer> buckets, OffsetSpec spec) {
    return await(listOffsetsAsync(tablePath, buckets, spec), "listOffsets(" + tablePath + ")");
  }

  @Override
  public CompletableFuture<Map<Integer, Long>> listOffsetsAsync(
      TablePath tablePath, List<Integer> buckets, OffsetSpec spec) {
    return offsets.listOffsets(tablePath, buckets, toWire(spec), spec.timestamp());
  }

  @Override
  public Map<Integer, Long> listOffsets(
      TablePath tablePath, String partitionName, List<Integer> buckets, OffsetSpec spec) {
    return await(
        listOffsetsAsync(tablePath, partitionName, buckets, spec),
        "listOffsets(" + tablePath + ", partition " + partitionName + ")");
  }

  @Override
  public CompletableFuture<Map<Integer, Long>> listOffsetsAsync(
      TablePath tablePath, String partitionName, List<Integer> buckets, OffsetSpec spec) {
    Objects.requireNonNull(partitionName, "partitionName");
    return metadata.partition(tablePath, partitionName, System.nanoTime())
        .thenCompose(
            p -> {
              if (p.isEmpty()) {
                return Futures.failed(
                    new PartitionNotExistException(
                        "Partition '" + partitionName + "' of table " + tablePath + " does not exist."));
              }
              return offsets.listOffsets(tablePath, p.get().id(), buckets, toWire(spec), spec.timestamp());
            });
  }

  @Override
  public void createPartition(TablePath tablePath, PartitionSpec spec, boolean ignoreIfExists) {
    await(createPartitionAsync(tablePath, spec, ignoreIfExists), "createPartition(" + tablePath + ", " + spec + ")");
  }

  @Override
  public CompletableFuture<Void> createPartitionAsync(TablePath tablePath, PartitionSpec spec, boolean ignoreIfExists) {
    Objects.requireNonNull(spec, "spec");
    String operation = "createPartition(" + tablePath + ", " + spec + ")";
    return partitionedTable(tablePath, spec, true)
        .thenCompose(
            info -> {
              CreatePartitionRequest request =
                  CreatePartitionRequest.newBuilder()
                      .setTablePath(toPb(tablePath))
                      .setPartitionSpec(toPb(spec))
                      .setIgnoreIfNotExists(ignoreIfExists) // the server reads this field as "ignore if exists"
                      .build();
              return call(operation, ApiMethods.CREATE_PARTITION, request, r -> (Void) null);
            })
        // Writers and lookups of this connection must see the new partition at once.
        .whenComplete((v, e) -> metadata.invalidate(tablePath));
  }

  @Override
  public void dropPartition(TablePath tablePath, PartitionSpec spec, boolean ignoreIfNotExists) {
    await(dropPartitionAsync(tablePath, spec, ignoreIfNotExists), "dropPartition(" + tablePath + ", " + spec + ")");
  }

  @Override
  public CompletableFuture<Void> dropPartitionAsync(TablePath tablePath, PartitionSpec spec, boolean ignoreIfNotExists) {
    Objects.requireNonNull(spec, "spec");
    String operation = "dropPartition(" + tablePath + ", " + spec + ")";
    return partitionedTable(tablePath, spec, true)
        .thenCompose(
            info -> {
              DropPartitionRequest request =
                  DropPartitionRequest.newBuilder()
                      .setTablePath(toPb(tablePath))
                      .setPartitionSpec(toPb(spec))
                      .setIgnoreIfNotExists(ignoreIfNotExists)
                      .build();
              return call(operation, ApiMethods.DROP_PARTITION, request, r -> (Void) null);
            })
        .whenComplete((v, e) -> metadata.invalidate(tablePath));
  }

  @Override
  public List<PartitionInfo> listPartitionInfos(TablePath tablePath) {
    return await(listPartitionInfosAsync(tablePath), "listPartitionInfos(" + tablePath + ")");
  }

  @Override
  public CompletableFuture<List<PartitionInfo>> listPartitionInfosAsync(TablePath tablePath) {
    ListPartitionInfosRequest request = ListPartitionInfosRequest.newBuilder().setTablePath(toPb(tablePath)).build();
    return call(
        "listPartitionInfos(" + tablePath + ")", ApiMethods.LIST_PARTITION_INFOS, request, AdminImpl::toPartitionInfos);
  }

  @Override
  public List<PartitionInfo> listPartitionInfos(TablePath tablePath, PartitionSpec partialSpec) {
    return await(
        listPartitionInfosAsync(tablePath, partialSpec), "listPartitionInfos(" + tablePath + ", " + partialSpec + ")");
  }

  @Override
  public CompletableFuture<List<PartitionInfo>> listPartitionInfosAsync(TablePath tablePath, PartitionSpec partialSpec) {
    Objects.requireNonNull(partialSpec, "partialSpec");
    String operation = "listPartitionInfos(" + tablePath + ", " + partialSpec + ")";
    // The server does not name a wrong key in a partial spec (it fails with an unknown error), so check it here.
    return partitionedTable(tablePath, partialSpec, false)
        .thenCompose(
            info -> {
              ListPartitionInfosRequest request =
                  ListPartitionInfosRequest.newBuilder()
                      .setTablePath(toPb(tablePath))
                      .setPartialPartitionSpec(toPb(partialSpec))
                      .build();
              return call(operation, ApiMethods.LIST_PARTITION_INFOS, request, AdminImpl::toPartitionInfos);
            });
  }

  /**
   * The table's info once it is known to be partitioned by the keys the spec names (all of them unless {@code
   * partial}); fails with {@link TableNotPartitionedException} or {@link PartitionSpecInvalidException} otherwise.
   */
  private CompletableFuture<TableInfo> partitionedTable(TablePath tablePath, PartitionSpec spec, boolean whole) {
    return getTableInfoAsync(tablePath)
        .thenApply(
            info -> {
              List<String> keys = info.getPartitionKeys();
              if (!info.isPartitioned()) {
                throw new TableNotPartitionedException(
                    "Table " + tablePath + " is not partitioned, so it has no partitions; create it with"
                        + " TableDescriptor.builder().partitionedBy(...) to use partitions.");
              }
              for (String key : spec.getSpecMap().keySet()) {
                if (!keys.contains(key)) {
                  throw new PartitionSpecInvalidException(
                      spec + " names '" + key + "', which is not a partition key of " + tablePath
                          + "; its partition keys are " + keys + ".");
                }
              }
              if (whole && !spec.getSpecMap().keySet().containsAll(keys)) {
                throw new PartitionSpecInvalidException(
                    spec + " must give a value for every partition key of " + tablePath + " " + keys + ".");
              }
              return info;
            });
  }

  private static List<PartitionInfo> toPartitionInfos(ListPartitionInfosResponse response) {
    List<PartitionInfo> out = new ArrayList<>(response.getPartitionsInfoCount());
    for (PbPartitionInfo p : response.getPartitionsInfoList()) {
      Map<String, String> spec = new LinkedHashMap<>();
      for (PbKeyValue kv : p.getPartitionSpec().getPartitionKeyValuesList()) {
        spec.put(kv.getKey(), kv.getValue());
      }
      out.add(new PartitionInfo(p.getPartitionId(), PartitionSpec.of(spec)));
    }
    out.sort(Comparator.comparing(PartitionInfo::getPartitionName));
    return List.copyOf(out);
  }

  static PbPartitionSpec toPb(PartitionSpec spec) {
    PbPartitionSpec.Builder b = PbPartitionSpec.newBuilder();
    spec.getSpecMap().forEach((k, v) -> b.addPartitionKeyValues(PbKeyValue.newBuilder().setKey(k).setValue(v)));
    return b.build();
  }

  private static OffsetLister.OffsetSpec toWire(OffsetSpec spec) {
    return spec.isTimestamp()
        ? OffsetLister.OffsetSpec.TIMESTAMP
        : spec.isEarliest() ? OffsetLister.OffsetSpec.EARLIEST : OffsetLister.OffsetSpec.LATEST;
  }

  @Override
  public void close() {
    // Nothing of its own to release: the connection owns the network and the metadata cache.
  }

  /** Sends one coordinator request with retries and maps its response. */
  private <Req extends MessageLite, Resp extends MessageLite, T> CompletableFuture<T> call(
      String operation, ApiMethod<Req, Resp> method, Req request, Function<Resp, T> mapper) {
    return retrier.call(
        operation,
        requestTimeout,
        () -> metadata.coordinator().send(method, request).thenApply(mapper),
        stale -> metadata.refreshNodes());
  }

  private <T> T await(CompletableFuture<T> future, String operation) {
    return Futures.await(future, syncWait, operation);
  }

  static PbTablePath toPb(TablePath path) {
    Objects.requireNonNull(path, "tablePath");
    return PbTablePath.newBuilder()
        .setDatabaseName(path.getDatabaseName())
        .setTableName(path.getTableName())
        .build();
  }

  private static String checkDatabase(String databaseName) {
    // Reuses TablePath's identifier rule so that a bad name fails here, named, instead of at the server.
    TablePath.of(databaseName, "x");
    return databaseName;
  }
}
