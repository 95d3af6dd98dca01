package io.flussjava.client.internal;

import com.google.protobuf.MessageLite;
import io.flussjava.client.admin.PartitionSpec;
import io.flussjava.client.admin.TableInfo;
import io.flussjava.client.admin.TablePath;
import io.flussjava.client.metadata.MetadataCache;
import io.flussjava.rpc.ApiMethod;
import io.flussjava.rpc.ApiMethods;
import io.flussjava.rpc.protocol.GetTableInfoRequest;
import io.flussjava.rpc.protocol.PbKeyValue;
import io.flussjava.rpc.protocol.PbPartitionSpec;
import io.flussjava.rpc.protocol.PbTablePath;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * What every admin operation is made of: one coordinator request retried within the request
 * timeout, the bounded wait that turns it into a sync call, and the request fields the operations
 * share. Written once here so that the admin's parts (DDL, partitions, offsets) behave alike.
 */
final class AdminCalls {
  final MetadataCache metadata;
  private final Retrier retrier;
  private final Duration requestTimeout;
  private final Duration syncWait;
  private final Executor callbacks;

  AdminCalls(MetadataCache metadata, Retrier retrier, Duration requestTimeout, Executor callbacks) {
    this.metadata = metadata;
    this.callbacks = callbacks;
    this.retrier = retrier;
    this.requestTimeout = requestTimeout;
    // The async operation bounds itself by the request timeout; the sync wait adds slack for the
    // final backoff.
    this.syncWait = requestTimeout.plusSeconds(5);
  }

  /** Sends one coordinator request with retries and maps its response. */
  <Req extends MessageLite, Resp extends MessageLite, T> CompletableFuture<T> call(
      String operation, ApiMethod<Req, Resp> method, Req request, Function<Resp, T> mapper) {
    return onCallbackThread(
        retrier.call(
            operation,
            requestTimeout,
            () -> metadata.coordinator().send(method, request).thenApply(mapper),
            stale -> metadata.refreshNodes()));
  }

  /** The caller's future completes on the connection's callback threads, not a network thread. */
  <T> CompletableFuture<T> onCallbackThread(CompletableFuture<T> future) {
    return Futures.completeOn(future, callbacks);
  }

  /** The sync twin of an async operation: its result, or the typed exception it failed with. */
  <T> T await(CompletableFuture<T> future, String operation) {
    return Futures.await(future, syncWait, operation);
  }

  /**
   * The table's info from the coordinator's catalog (authoritative right after a create or drop).
   */
  CompletableFuture<TableInfo> tableInfo(TablePath tablePath) {
    GetTableInfoRequest request =
        GetTableInfoRequest.newBuilder().setTablePath(toPb(tablePath)).build();
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

  Clock clock() {
    return retrier.clock();
  }

  static PbTablePath toPb(TablePath path) {
    Objects.requireNonNull(path, "tablePath");
    return PbTablePath.newBuilder()
        .setDatabaseName(path.getDatabaseName())
        .setTableName(path.getTableName())
        .build();
  }

  static PbPartitionSpec toPb(PartitionSpec spec) {
    PbPartitionSpec.Builder b = PbPartitionSpec.newBuilder();
    spec.getSpecMap()
        .forEach((k, v) -> b.addPartitionKeyValues(PbKeyValue.newBuilder().setKey(k).setValue(v)));
    return b.build();
  }

  static String checkDatabase(String databaseName) {
    // Reuses TablePath's identifier rule so that a bad name fails here, named, instead of at the
    // server.
    TablePath.of(databaseName, "x");
    return databaseName;
  }
}
