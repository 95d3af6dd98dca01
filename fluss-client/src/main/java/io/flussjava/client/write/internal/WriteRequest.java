package io.flussjava.client.write.internal;

import com.google.protobuf.UnsafeByteOperations;
import io.flussjava.client.TableBucket;
import io.flussjava.rpc.ApiMethods;
import io.flussjava.rpc.ServerConnection;
import io.flussjava.rpc.protocol.PbProduceLogReqForBucket;
import io.flussjava.rpc.protocol.PbProduceLogRespForBucket;
import io.flussjava.rpc.protocol.PbPutKvReqForBucket;
import io.flussjava.rpc.protocol.PbPutKvRespForBucket;
import io.flussjava.rpc.protocol.ProduceLogRequest;
import io.flussjava.rpc.protocol.PutKvRequest;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One write request to one leader, of either kind: ProduceLog for log batches, PutKv (with its
 * target columns) for KV batches. The two differ only in the protobuf messages; the sender builds,
 * sends and reads both through this class, so the handling of a write's answer is written once.
 */
abstract class WriteRequest {
  /**
   * A bucket's part of the answer: its error code (0 for none) and, for logs, the base offset
   * written.
   */
  record BucketAnswer(
      long partitionId, int bucket, int errorCode, String errorMessage, long baseOffset) {
    boolean answers(TableBucket tb) {
      return bucket == tb.bucket() && partitionId == tb.partitionId();
    }
  }

  static WriteRequest of(WriteTarget target, int acks, int timeoutMs) {
    return target.kind() == WriteTarget.Kind.LOG
        ? new ProduceLog(target, acks, timeoutMs)
        : new PutKv(target, acks, timeoutMs);
  }

  /** Adds one bucket's records. */
  abstract void add(TableBucket bucket, ByteBuffer records);

  /** Sends the request; the answer is one entry per bucket added. */
  abstract CompletableFuture<List<BucketAnswer>> send(ServerConnection leader);

  private static long partitionOf(boolean has, long id) {
    return has ? id : TableBucket.NO_PARTITION;
  }

  private static final class ProduceLog extends WriteRequest {
    private final ProduceLogRequest.Builder request;

    ProduceLog(WriteTarget target, int acks, int timeoutMs) {
      request =
          ProduceLogRequest.newBuilder()
              .setAcks(acks)
              .setTableId(target.tableId())
              .setTimeoutMs(timeoutMs);
    }

    @Override
    void add(TableBucket bucket, ByteBuffer records) {
      PbProduceLogReqForBucket.Builder b =
          request
              .addBucketsReqBuilder()
              .setBucketId(bucket.bucket())
              .setRecords(UnsafeByteOperations.unsafeWrap(records));
      if (bucket.isPartitioned()) {
        b.setPartitionId(bucket.partitionId());
      }
    }

    @Override
    CompletableFuture<List<BucketAnswer>> send(ServerConnection leader) {
      return leader
          .send(ApiMethods.PRODUCE_LOG, request.build())
          .thenApply(
              response -> {
                List<BucketAnswer> answers = new ArrayList<>(response.getBucketsRespCount());
                for (PbProduceLogRespForBucket r : response.getBucketsRespList()) {
                  answers.add(
                      new BucketAnswer(
                          partitionOf(r.hasPartitionId(), r.getPartitionId()),
                          r.getBucketId(),
                          r.hasErrorCode() ? r.getErrorCode() : 0,
                          r.getErrorMessage(),
                          r.hasBaseOffset() ? r.getBaseOffset() : -1));
                }
                return answers;
              });
    }
  }

  private static final class PutKv extends WriteRequest {
    private final PutKvRequest.Builder request;

    PutKv(WriteTarget target, int acks, int timeoutMs) {
      request =
          PutKvRequest.newBuilder()
              .setAcks(acks)
              .setTableId(target.tableId())
              .setTimeoutMs(timeoutMs);
      if (target.targetColumns() != null) {
        for (int c : target.targetColumns()) {
          request.addTargetColumns(c);
        }
      }
    }

    @Override
    void add(TableBucket bucket, ByteBuffer records) {
      PbPutKvReqForBucket.Builder b =
          request
              .addBucketsReqBuilder()
              .setBucketId(bucket.bucket())
              .setRecords(UnsafeByteOperations.unsafeWrap(records));
      if (bucket.isPartitioned()) {
        b.setPartitionId(bucket.partitionId());
      }
    }

    @Override
    CompletableFuture<List<BucketAnswer>> send(ServerConnection leader) {
      return leader
          .send(ApiMethods.PUT_KV, request.build())
          .thenApply(
              response -> {
                List<BucketAnswer> answers = new ArrayList<>(response.getBucketsRespCount());
                for (PbPutKvRespForBucket r : response.getBucketsRespList()) {
                  answers.add(
                      new BucketAnswer(
                          partitionOf(r.hasPartitionId(), r.getPartitionId()),
                          r.getBucketId(),
                          r.hasErrorCode() ? r.getErrorCode() : 0,
                          r.getErrorMessage(),
                          -1));
                }
                return answers;
              });
    }
  }
}
