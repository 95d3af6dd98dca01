package io.flussjava.client.internal;

import static io.flussjava.client.internal.AdminCalls.toPb;

import io.flussjava.client.admin.OffsetSpec;
import io.flussjava.client.admin.PartitionInfo;
import io.flussjava.client.admin.PartitionSpec;
import io.flussjava.client.admin.TableInfo;
import io.flussjava.client.admin.TablePath;
import io.flussjava.exception.PartitionNotExistException;
import io.flussjava.exception.PartitionSpecInvalidException;
import io.flussjava.exception.TableNotPartitionedException;
import io.flussjava.rpc.ApiMethods;
import io.flussjava.rpc.protocol.CreatePartitionRequest;
import io.flussjava.rpc.protocol.DropPartitionRequest;
import io.flussjava.rpc.protocol.ListPartitionInfosRequest;
import io.flussjava.rpc.protocol.ListPartitionInfosResponse;
import io.flussjava.rpc.protocol.PbKeyValue;
import io.flussjava.rpc.protocol.PbPartitionInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The admin's partition and offset operations (async; {@link AdminImpl} adds the sync twins).
 * Partition specs are checked against the table's partition keys here, because the server does not
 * name a wrong key.
 */
final class PartitionAdmin {
  private final AdminCalls calls;
  private final OffsetLister offsets;

  PartitionAdmin(AdminCalls calls, OffsetLister offsets) {
    this.calls = calls;
    this.offsets = offsets;
  }

  CompletableFuture<Void> createPartition(
      TablePath tablePath, PartitionSpec spec, boolean ignoreIfExists) {
    Objects.requireNonNull(spec, "spec");
    String operation = "createPartition(" + tablePath + ", " + spec + ")";
    return partitionedTable(tablePath, spec, true)
        .thenCompose(
            info -> {
              CreatePartitionRequest request =
                  CreatePartitionRequest.newBuilder()
                      .setTablePath(toPb(tablePath))
                      .setPartitionSpec(toPb(spec))
                      .setIgnoreIfNotExists(
                          ignoreIfExists) // the server reads this field as "ignore if exists"
                      .build();
              return calls.call(operation, ApiMethods.CREATE_PARTITION, request, r -> (Void) null);
            })
        // Writers and lookups of this connection must see the new partition at once.
        .whenComplete((v, e) -> calls.metadata.invalidate(tablePath));
  }

  CompletableFuture<Void> dropPartition(
      TablePath tablePath, PartitionSpec spec, boolean ignoreIfNotExists) {
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
              return calls.call(operation, ApiMethods.DROP_PARTITION, request, r -> (Void) null);
            })
        .whenComplete((v, e) -> calls.metadata.invalidate(tablePath));
  }

  CompletableFuture<List<PartitionInfo>> listPartitionInfos(TablePath tablePath) {
    ListPartitionInfosRequest request =
        ListPartitionInfosRequest.newBuilder().setTablePath(toPb(tablePath)).build();
    return calls.call(
        "listPartitionInfos(" + tablePath + ")",
        ApiMethods.LIST_PARTITION_INFOS,
        request,
        PartitionAdmin::toPartitionInfos);
  }

  CompletableFuture<List<PartitionInfo>> listPartitionInfos(
      TablePath tablePath, PartitionSpec partialSpec) {
    Objects.requireNonNull(partialSpec, "partialSpec");
    String operation = "listPartitionInfos(" + tablePath + ", " + partialSpec + ")";
    // The server does not name a wrong key in a partial spec (it fails with an unknown error), so
    // check it here.
    return partitionedTable(tablePath, partialSpec, false)
        .thenCompose(
            info -> {
              ListPartitionInfosRequest request =
                  ListPartitionInfosRequest.newBuilder()
                      .setTablePath(toPb(tablePath))
                      .setPartialPartitionSpec(toPb(partialSpec))
                      .build();
              return calls.call(
                  operation,
                  ApiMethods.LIST_PARTITION_INFOS,
                  request,
                  PartitionAdmin::toPartitionInfos);
            });
  }

  CompletableFuture<Map<Integer, Long>> listOffsets(
      TablePath tablePath, List<Integer> buckets, OffsetSpec spec) {
    return calls.onCallbackThread(
        offsets.listOffsets(tablePath, buckets, toWire(spec), spec.timestamp()));
  }

  CompletableFuture<Map<Integer, Long>> listOffsets(
      TablePath tablePath, String partitionName, List<Integer> buckets, OffsetSpec spec) {
    Objects.requireNonNull(partitionName, "partitionName");
    long askedAt = offsets.clock().nanoTime();
    return calls.onCallbackThread(
        calls
            .metadata
            .partition(tablePath, partitionName, askedAt)
            .thenCompose(
                p -> {
                  if (p.isEmpty()) {
                    return Futures.failed(
                        new PartitionNotExistException(
                            "Partition '"
                                + partitionName
                                + "' of table "
                                + tablePath
                                + " does not exist."));
                  }
                  // The partition was looked up in this table view, so its id belongs to this table
                  // id.
                  return calls
                      .metadata
                      .table(tablePath)
                      .thenCompose(
                          t ->
                              offsets.listOffsets(
                                  tablePath,
                                  t.info().getTableId(),
                                  p.get().id(),
                                  buckets,
                                  toWire(spec),
                                  spec.timestamp(),
                                  askedAt));
                }));
  }

  /**
   * The table's info once it is known to be partitioned by the keys the spec names (all of them
   * unless {@code partial}); fails with {@link TableNotPartitionedException} or {@link
   * PartitionSpecInvalidException} otherwise.
   */
  private CompletableFuture<TableInfo> partitionedTable(
      TablePath tablePath, PartitionSpec spec, boolean whole) {
    return calls
        .tableInfo(tablePath)
        .thenApply(
            info -> {
              List<String> keys = info.getPartitionKeys();
              if (!info.isPartitioned()) {
                throw new TableNotPartitionedException(
                    "Table "
                        + tablePath
                        + " is not partitioned, so it has no partitions; create it with"
                        + " TableDescriptor.builder().partitionedBy(...) to use partitions.");
              }
              for (String key : spec.getSpecMap().keySet()) {
                if (!keys.contains(key)) {
                  throw new PartitionSpecInvalidException(
                      spec
                          + " names '"
                          + key
                          + "', which is not a partition key of "
                          + tablePath
                          + "; its partition keys are "
                          + keys
                          + ".");
                }
              }
              if (whole && !spec.getSpecMap().keySet().containsAll(keys)) {
                throw new PartitionSpecInvalidException(
                    spec
                        + " must give a value for every partition key of "
                        + tablePath
                        + " "
                        + keys
                        + ".");
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

  private static OffsetLister.OffsetSpec toWire(OffsetSpec spec) {
    return spec.isTimestamp()
        ? OffsetLister.OffsetSpec.TIMESTAMP
        : spec.isEarliest() ? OffsetLister.OffsetSpec.EARLIEST : OffsetLister.OffsetSpec.LATEST;
  }
}
