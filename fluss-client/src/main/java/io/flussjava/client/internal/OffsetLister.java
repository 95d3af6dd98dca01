package io.flussjava.client.internal;

import io.flussjava.client.admin.TablePath;
import io.flussjava.client.metadata.MetadataCache;
import io.flussjava.client.metadata.TableMetadata;
import io.flussjava.exception.Errors;
import io.flussjava.exception.LeaderNotAvailableException;
import io.flussjava.exception.PartitionNotExistException;
import io.flussjava.rpc.ApiMethods;
import io.flussjava.rpc.protocol.ListOffsetsRequest;
import io.flussjava.rpc.protocol.PbListOffsetsRespForBucket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * Asks bucket leaders for log offsets (ListOffsets): the earliest retained offset, the latest (the offset the next
 * record will get), or the first offset at or after a timestamp. Retries with fresh metadata when a leader moved.
 */
public final class OffsetLister {
  /** What to list. */
  public enum OffsetSpec {
    EARLIEST(0),
    LATEST(1),
    TIMESTAMP(2);

    final int wireType;

    OffsetSpec(int wireType) {
      this.wireType = wireType;
    }
  }

  private final MetadataCache metadata;
  private final Retrier retrier;
  private final Duration requestTimeout;

  public OffsetLister(MetadataCache metadata, Retrier retrier, Duration requestTimeout) {
    this.metadata = metadata;
    this.retrier = retrier;
    this.requestTimeout = requestTimeout;
  }

  /** Offsets of the given buckets, by bucket. {@code timestamp} is used only with {@link OffsetSpec#TIMESTAMP}. */
  public CompletableFuture<Map<Integer, Long>> listOffsets(
      TablePath path, List<Integer> buckets, OffsetSpec spec, long timestamp) {
    return listOffsets(path, -1L, buckets, spec, timestamp);
  }

  /**
   * Offsets of the given buckets of one partition ({@code partitionId} -1: of an unpartitioned table), by bucket.
   * Fails with a {@link PartitionNotExistException} when the partition does not exist (any more).
   */
  public CompletableFuture<Map<Integer, Long>> listOffsets(
      TablePath path, long partitionId, List<Integer> buckets, OffsetSpec spec, long timestamp) {
    long askedAt = System.nanoTime();
    return retrier.call(
        "listOffsets(" + path + (partitionId >= 0 ? ", partition " + partitionId : "") + ", " + spec + ")",
        requestTimeout,
        () -> metadata.table(path).thenCompose(t -> listOnce(t, partitionId, askedAt, buckets, spec, timestamp)),
        stale -> metadata.invalidate(path));
  }

  private CompletableFuture<Map<Integer, Long>> listOnce(
      TableMetadata table, long partitionId, long askedAt, List<Integer> buckets, OffsetSpec spec, long timestamp) {
    Map<Integer, List<Integer>> byLeader = new HashMap<>();
    for (int b : buckets) {
      int leader = table.leaderOf(partitionId, b);
      if (leader == TableMetadata.UNKNOWN_PARTITION) {
        if (table.fetchedAfter(askedAt)) {
          return Futures.failed(new PartitionNotExistException(
              "Partition " + partitionId + " of " + table.info().getTablePath() + " does not exist."));
        }
        // A partition newer than the cached metadata: the stale-metadata error makes the retrier refresh it.
        return Futures.failed(new LeaderNotAvailableException(
            "partition " + partitionId + " of " + table.info().getTablePath() + " is not in the cached metadata"));
      }
      if (leader < 0) {
        return Futures.failed(new LeaderNotAvailableException("bucket " + b + " of " + table.info().getTablePath()
            + " has no leader right now"));
      }
      byLeader.computeIfAbsent(leader, k -> new ArrayList<>()).add(b);
    }
    List<CompletableFuture<Map<Integer, Long>>> parts = new ArrayList<>();
    for (Map.Entry<Integer, List<Integer>> e : byLeader.entrySet()) {
      ListOffsetsRequest.Builder req =
          ListOffsetsRequest.newBuilder()
              .setFollowerServerId(-1)
              .setOffsetType(spec.wireType)
              .setTableId(table.info().getTableId())
              .addAllBucketId(e.getValue());
      if (partitionId >= 0) {
        req.setPartitionId(partitionId);
      }
      if (spec == OffsetSpec.TIMESTAMP) {
        req.setStartTimestamp(timestamp);
      }
      parts.add(
          metadata.tabletServer(e.getKey())
              .send(ApiMethods.LIST_OFFSETS, req.build())
              .thenApply(
                  resp -> {
                    Map<Integer, Long> out = new HashMap<>();
                    for (PbListOffsetsRespForBucket r : resp.getBucketsRespList()) {
                      if (r.hasErrorCode() && r.getErrorCode() != 0) {
                        throw Errors.exceptionFor(r.getErrorCode(), r.getErrorMessage());
                      }
                      out.put(r.getBucketId(), r.getOffset());
                    }
                    return out;
                  }));
    }
    return CompletableFuture.allOf(parts.toArray(new CompletableFuture<?>[0]))
        .thenApply(
            v -> {
              Map<Integer, Long> all = new TreeMap<>();
              parts.forEach(p -> all.putAll(p.join()));
              return all;
            });
  }
}
