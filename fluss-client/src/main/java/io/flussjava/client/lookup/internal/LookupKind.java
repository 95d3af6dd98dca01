package io.flussjava.client.lookup.internal;

import com.google.protobuf.ByteString;
import com.google.protobuf.MessageLite;
import com.google.protobuf.UnsafeByteOperations;
import io.flussjava.client.TableBucket;
import io.flussjava.client.admin.TablePath;
import io.flussjava.rpc.ApiMethod;
import io.flussjava.rpc.ApiMethods;
import io.flussjava.rpc.protocol.LookupRequest;
import io.flussjava.rpc.protocol.LookupResponse;
import io.flussjava.rpc.protocol.PbLookupReqForBucket;
import io.flussjava.rpc.protocol.PbLookupRespForBucket;
import io.flussjava.rpc.protocol.PbPrefixLookupReqForBucket;
import io.flussjava.rpc.protocol.PbPrefixLookupRespForBucket;
import io.flussjava.rpc.protocol.PrefixLookupRequest;
import io.flussjava.rpc.protocol.PrefixLookupResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * What one batch asks a tablet server: rows by whole key, or rows by key prefix. Only the protobuf
 * messages differ, so a kind builds its request and unpacks its response per bucket, and the
 * batcher does the grouping, matching, retrying and error handling once for both.
 */
abstract class LookupKind<Req extends MessageLite, Resp extends MessageLite> {
  static final LookupKind<LookupRequest, LookupResponse> POINT = new Point();
  static final LookupKind<PrefixLookupRequest, PrefixLookupResponse> PREFIX = new Prefix();

  /** Receives the answer of one bucket of a response. */
  interface BucketAnswer {
    /**
     * @param errorCode 0 when the bucket was answered
     * @param valuesOfKey the stored values answering the bucket's {@code i}-th key (empty when
     *     there are none)
     */
    void accept(
        TableBucket bucket,
        int errorCode,
        String errorMessage,
        IntFunction<List<byte[]>> valuesOfKey);
  }

  abstract ApiMethod<Req, Resp> method();

  /**
   * The request for one table's keys, grouped by bucket (each bucket's keys in the order answers
   * come back).
   */
  abstract Req request(long tableId, Map<TableBucket, List<PendingLookup>> byBucket);

  /** Hands every bucket answer of {@code response} to {@code sink}. */
  abstract void answers(long tableId, Resp response, BucketAnswer sink);

  /** The user-facing handle these lookups come from, as errors name it: "the Lookuper of db.t". */
  abstract String handle(TablePath path);

  private static TableBucket bucket(
      long tableId, boolean hasPartition, long partitionId, int bucket) {
    return new TableBucket(tableId, hasPartition ? partitionId : TableBucket.NO_PARTITION, bucket);
  }

  private static final class Point extends LookupKind<LookupRequest, LookupResponse> {
    @Override
    ApiMethod<LookupRequest, LookupResponse> method() {
      return ApiMethods.LOOKUP;
    }

    @Override
    LookupRequest request(long tableId, Map<TableBucket, List<PendingLookup>> byBucket) {
      LookupRequest.Builder req = LookupRequest.newBuilder().setTableId(tableId);
      byBucket.forEach(
          (bucket, keys) -> {
            PbLookupReqForBucket.Builder b =
                req.addBucketsReqBuilder().setBucketId(bucket.bucket());
            if (bucket.isPartitioned()) {
              b.setPartitionId(bucket.partitionId());
            }
            keys.forEach(p -> b.addKeys(UnsafeByteOperations.unsafeWrap(p.key)));
          });
      return req.build();
    }

    @Override
    void answers(long tableId, LookupResponse response, BucketAnswer sink) {
      for (PbLookupRespForBucket r : response.getBucketsRespList()) {
        sink.accept(
            bucket(tableId, r.hasPartitionId(), r.getPartitionId(), r.getBucketId()),
            r.hasErrorCode() ? r.getErrorCode() : 0,
            r.getErrorMessage(),
            i ->
                i < r.getValuesCount() && r.getValues(i).hasValues()
                    ? List.of(r.getValues(i).getValues().toByteArray())
                    : List.of());
      }
    }

    @Override
    String handle(TablePath path) {
      return "the Lookuper of " + path;
    }
  }

  private static final class Prefix extends LookupKind<PrefixLookupRequest, PrefixLookupResponse> {
    @Override
    ApiMethod<PrefixLookupRequest, PrefixLookupResponse> method() {
      return ApiMethods.PREFIX_LOOKUP;
    }

    @Override
    PrefixLookupRequest request(long tableId, Map<TableBucket, List<PendingLookup>> byBucket) {
      PrefixLookupRequest.Builder req = PrefixLookupRequest.newBuilder().setTableId(tableId);
      byBucket.forEach(
          (bucket, keys) -> {
            PbPrefixLookupReqForBucket.Builder b =
                req.addBucketsReqBuilder().setBucketId(bucket.bucket());
            if (bucket.isPartitioned()) {
              b.setPartitionId(bucket.partitionId());
            }
            keys.forEach(p -> b.addKeys(UnsafeByteOperations.unsafeWrap(p.key)));
          });
      return req.build();
    }

    @Override
    void answers(long tableId, PrefixLookupResponse response, BucketAnswer sink) {
      for (PbPrefixLookupRespForBucket r : response.getBucketsRespList()) {
        sink.accept(
            bucket(tableId, r.hasPartitionId(), r.getPartitionId(), r.getBucketId()),
            r.hasErrorCode() ? r.getErrorCode() : 0,
            r.getErrorMessage(),
            i -> {
              if (i >= r.getValueListsCount()) {
                return List.of();
              }
              List<byte[]> rows = new ArrayList<>(r.getValueLists(i).getValuesCount());
              for (ByteString v : r.getValueLists(i).getValuesList()) {
                rows.add(v.toByteArray());
              }
              return rows;
            });
      }
    }

    @Override
    String handle(TablePath path) {
      return "the PrefixLookuper of " + path;
    }
  }
}
