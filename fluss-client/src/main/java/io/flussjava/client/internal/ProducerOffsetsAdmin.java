package io.flussjava.client.internal;

import io.flussjava.client.TableBucket;
import io.flussjava.client.admin.ProducerOffsets;
import io.flussjava.client.admin.RegisterResult;
import io.flussjava.rpc.ApiMethods;
import io.flussjava.rpc.protocol.DeleteProducerOffsetsRequest;
import io.flussjava.rpc.protocol.GetProducerOffsetsRequest;
import io.flussjava.rpc.protocol.GetProducerOffsetsResponse;
import io.flussjava.rpc.protocol.PbProducerBucketOffset;
import io.flussjava.rpc.protocol.PbProducerTableOffsets;
import io.flussjava.rpc.protocol.RegisterProducerOffsetsRequest;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Offsets a producer registers with the coordinator (where its exactly-once recovery resumes),
 * grouped by table on the wire.
 */
final class ProducerOffsetsAdmin {
  private final AdminCalls calls;

  ProducerOffsetsAdmin(AdminCalls calls) {
    this.calls = calls;
  }

  /** The coordinator keeps them for its configured time to live. */
  CompletableFuture<RegisterResult> register(String producerId, Map<TableBucket, Long> offsets) {
    RegisterProducerOffsetsRequest.Builder request =
        RegisterProducerOffsetsRequest.newBuilder()
            .setProducerId(Objects.requireNonNull(producerId, "producerId"));
    Map<Long, PbProducerTableOffsets.Builder> byTable = new LinkedHashMap<>();
    offsets.forEach(
        (bucket, offset) -> {
          PbProducerBucketOffset.Builder b =
              PbProducerBucketOffset.newBuilder()
                  .setBucketId(bucket.bucket())
                  .setLogEndOffset(offset);
          if (bucket.isPartitioned()) {
            b.setPartitionId(bucket.partitionId());
          }
          byTable
              .computeIfAbsent(
                  bucket.tableId(), id -> PbProducerTableOffsets.newBuilder().setTableId(id))
              .addBucketOffsets(b);
        });
    byTable.values().forEach(request::addTableOffsets);
    return calls.call(
        "registerProducerOffsets(" + producerId + ")",
        ApiMethods.REGISTER_PRODUCER_OFFSETS,
        request.build(),
        r -> r.hasResult() ? RegisterResult.forCode(r.getResult()) : RegisterResult.CREATED);
  }

  CompletableFuture<ProducerOffsets> get(String producerId) {
    GetProducerOffsetsRequest request =
        GetProducerOffsetsRequest.newBuilder()
            .setProducerId(Objects.requireNonNull(producerId, "producerId"))
            .build();
    return calls.call(
        "getProducerOffsets(" + producerId + ")",
        ApiMethods.GET_PRODUCER_OFFSETS,
        request,
        r -> offsets(producerId, r));
  }

  CompletableFuture<Void> delete(String producerId) {
    DeleteProducerOffsetsRequest request =
        DeleteProducerOffsetsRequest.newBuilder()
            .setProducerId(Objects.requireNonNull(producerId, "producerId"))
            .build();
    return calls.call(
        "deleteProducerOffsets(" + producerId + ")",
        ApiMethods.DELETE_PRODUCER_OFFSETS,
        request,
        r -> null);
  }

  private static ProducerOffsets offsets(String producerId, GetProducerOffsetsResponse r) {
    Map<TableBucket, Long> offsets = new HashMap<>();
    for (PbProducerTableOffsets table : r.getTableOffsetsList()) {
      for (PbProducerBucketOffset b : table.getBucketOffsetsList()) {
        long partitionId = b.hasPartitionId() ? b.getPartitionId() : TableBucket.NO_PARTITION;
        offsets.put(
            new TableBucket(table.getTableId(), partitionId, b.getBucketId()), b.getLogEndOffset());
      }
    }
    return new ProducerOffsets(producerId, r.getExpirationTime(), offsets);
  }
}
