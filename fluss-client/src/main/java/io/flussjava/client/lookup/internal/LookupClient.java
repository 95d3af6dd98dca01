package io.flussjava.client.lookup.internal;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;
import io.flussjava.client.admin.TableInfo;
import io.flussjava.client.internal.Futures;
import io.flussjava.client.metadata.MetadataCache;
import io.flussjava.client.metadata.PartitionMetadata;
import io.flussjava.client.metadata.TableMetadata;
import io.flussjava.config.ClientOptions;
import io.flussjava.config.Configuration;
import io.flussjava.exception.Errors;
import io.flussjava.exception.InvalidMetadataException;
import io.flussjava.exception.LeaderNotAvailableException;
import io.flussjava.exception.PartitionNotExistException;
import io.flussjava.exception.RetriableException;
import io.flussjava.exception.TimeoutException;
import io.flussjava.rpc.ApiMethods;
import io.flussjava.rpc.protocol.LookupRequest;
import io.flussjava.rpc.protocol.LookupResponse;
import io.flussjava.rpc.protocol.PbLookupReqForBucket;
import io.flussjava.rpc.protocol.PbLookupRespForBucket;
import io.flussjava.rpc.protocol.PbPrefixLookupReqForBucket;
import io.flussjava.rpc.protocol.PbPrefixLookupRespForBucket;
import io.flussjava.rpc.protocol.PrefixLookupRequest;
import io.flussjava.rpc.protocol.PrefixLookupResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Sends lookups, gathering concurrent ones per tablet server. A key goes out at once when the server has a free
 * request slot ({@code client.lookup.max-inflight-requests}); while all slots are busy, keys queue and leave
 * together (up to {@code client.lookup.max-batch-size}) as soon as a slot frees. So a lone lookup never waits for a
 * timer, and under load requests grow instead of multiplying, which is what the server handles best.
 */
public final class LookupClient {
  private final MetadataCache metadata;
  private final ScheduledExecutorService scheduler;
  private final int maxBatch;
  private final int maxInFlight;
  private final long batchTimeoutNanos;
  private final int maxRetries;
  private final Duration requestTimeout;
  private final long backoffNanos;
  private final long backoffMaxNanos;
  private final Map<Integer, ServerQueue> queues = new ConcurrentHashMap<>();

  public LookupClient(MetadataCache metadata, Configuration conf, ScheduledExecutorService scheduler) {
    this.metadata = metadata;
    this.scheduler = scheduler;
    this.maxBatch = conf.get(ClientOptions.LOOKUP_MAX_BATCH_SIZE);
    this.maxInFlight = conf.get(ClientOptions.LOOKUP_MAX_INFLIGHT);
    this.batchTimeoutNanos = conf.get(ClientOptions.LOOKUP_BATCH_TIMEOUT).toNanos();
    this.maxRetries = conf.get(ClientOptions.LOOKUP_MAX_RETRIES);
    this.requestTimeout = conf.get(ClientOptions.REQUEST_TIMEOUT);
    this.backoffNanos = conf.get(ClientOptions.RETRY_BACKOFF).toNanos();
    this.backoffMaxNanos = conf.get(ClientOptions.RETRY_BACKOFF_MAX).toNanos();
  }

  /**
   * The value bytes stored under {@code key} ({@code schemaId} int16 LE + row), or {@code null} if absent (also when
   * the partition was dropped meanwhile).
   *
   * @param partitionId the key's partition, or -1 for an unpartitioned table
   */
  public CompletableFuture<byte[]> lookup(TableInfo table, long partitionId, int bucket, byte[] key) {
    Pending p = new Pending(false, table, partitionId, bucket, key, System.nanoTime() + requestTimeout.toNanos());
    route(p);
    return p.result.thenApply(values -> values.isEmpty() ? null : values.get(0));
  }

  /** The value bytes of every row whose key starts with {@code prefix}. */
  public CompletableFuture<List<byte[]>> prefixLookup(TableInfo table, long partitionId, int bucket, byte[] prefix) {
    Pending p = new Pending(true, table, partitionId, bucket, prefix, System.nanoTime() + requestTimeout.toNanos());
    route(p);
    return p.result;
  }

  /** The id of a partition by name, or -1 if it does not exist (refreshing the metadata once if it is not cached). */
  public CompletableFuture<Long> partitionId(TableInfo table, String partitionName) {
    return metadata.partition(table.getTablePath(), partitionName, System.nanoTime())
        .thenApply(p -> p.map(PartitionMetadata::id).orElse(-1L));
  }

  /** Finds the bucket's leader (fetching metadata if needed) and queues the key there. */
  private void route(Pending p) {
    metadata.table(p.table.getTablePath())
        .whenComplete(
            (meta, error) -> {
              if (error != null) {
                retryOrFail(p, Futures.unwrap(error));
                return;
              }
              int leader = meta.leaderOf(p.partitionId, p.bucket);
              if (leader == TableMetadata.UNKNOWN_PARTITION) {
                if (meta.fetchedAfter(p.createdNanos)) {
                  p.result.complete(List.of()); // the partition was dropped: its keys are gone too
                } else {
                  retryOrFail(p, new LeaderNotAvailableException(
                      "partition " + p.partitionId + " of " + p.table.getTablePath() + " is not in the cached metadata"));
                }
                return;
              }
              if (leader < 0 || metadata.nodes().tabletServer(leader).isEmpty()) {
                retryOrFail(p, new LeaderNotAvailableException(
                    "bucket " + p.bucket + " of " + p.table.getTablePath() + " has no leader right now"));
                return;
              }
              ServerQueue q = queues.computeIfAbsent(leader, ServerQueue::new);
              q.add(p);
            });
  }

  private void retryOrFail(Pending p, Throwable error) {
    boolean retriable = error instanceof RetriableException || error instanceof TimeoutException;
    long backoff = backoff(p.attempts);
    if (retriable && p.attempts < maxRetries && System.nanoTime() + backoff - p.deadlineNanos < 0) {
      if (error instanceof InvalidMetadataException || error instanceof TimeoutException) {
        metadata.invalidate(p.table.getTablePath());
      }
      p.attempts++;
      scheduler.schedule(() -> route(p), backoff, TimeUnit.NANOSECONDS);
      return;
    }
    if (retriable) {
      TimeoutException t =
          new TimeoutException(
              "Lookup in " + p.table.getTablePath() + " did not succeed within client.request-timeout ("
                  + requestTimeout.toMillis() + " ms); last error: " + error.getMessage());
      t.initCause(error);
      error = t;
    }
    p.result.completeExceptionally(error);
  }

  private long backoff(int attempts) {
    long b = Math.min(backoffMaxNanos, backoffNanos << Math.min(attempts, 16));
    return (long) (b * (0.8 + 0.4 * ThreadLocalRandom.current().nextDouble()));
  }

  /** One key waiting for its answer. */
  private static final class Pending {
    final boolean prefix;
    final TableInfo table;
    final long partitionId;
    final int bucket;
    final byte[] key;
    final long createdNanos = System.nanoTime();
    final long deadlineNanos;
    final CompletableFuture<List<byte[]>> result = new CompletableFuture<>();
    int attempts;

    Pending(boolean prefix, TableInfo table, long partitionId, int bucket, byte[] key, long deadlineNanos) {
      this.prefix = prefix;
      this.table = table;
      this.partitionId = partitionId;
      this.bucket = bucket;
      this.key = key;
      this.deadlineNanos = deadlineNanos;
    }

    boolean sameRequest(Pending o) {
      return o.prefix == prefix && o.table.getTableId() == table.getTableId();
    }
  }

  /** The keys queued for one tablet server and its requests in flight. Guarded by its monitor. */
  private final class ServerQueue {
    final int serverId;
    final ArrayDeque<Pending> queue = new ArrayDeque<>();
    int inFlight;
    boolean timerSet;

    ServerQueue(int serverId) {
      this.serverId = serverId;
    }

    void add(Pending p) {
      List<Pending> batch;
      synchronized (this) {
        queue.add(p);
        batch = takeBatch(false);
      }
      send(batch);
    }

    /** The next request's keys if a slot is free (and, with a batch timeout, the batch is full or due). */
    private List<Pending> takeBatch(boolean timerFired) {
      if (timerFired) {
        timerSet = false;
      }
      if (queue.isEmpty() || inFlight >= maxInFlight) {
        return null;
      }
      if (batchTimeoutNanos > 0 && queue.size() < maxBatch && !timerFired) {
        if (!timerSet) {
          timerSet = true;
          scheduler.schedule(this::onTimer, batchTimeoutNanos, TimeUnit.NANOSECONDS);
        }
        return null;
      }
      Pending head = queue.peek();
      List<Pending> batch = new ArrayList<>(Math.min(queue.size(), maxBatch));
      for (Iterator<Pending> it = queue.iterator(); it.hasNext() && batch.size() < maxBatch; ) {
        Pending p = it.next();
        if (p.sameRequest(head)) {
          batch.add(p);
          it.remove();
        }
      }
      inFlight++;
      return batch;
    }

    private void onTimer() {
      List<Pending> batch;
      synchronized (this) {
        batch = takeBatch(true);
      }
      send(batch);
    }

    private void done() {
      List<Pending> next;
      synchronized (this) {
        inFlight--;
        next = takeBatch(false);
      }
      send(next);
    }

    private void send(List<Pending> batch) {
      if (batch == null) {
        return;
      }
      CompletableFuture<?> sent;
      try {
        sent = batch.get(0).prefix ? sendPrefix(batch) : sendLookup(batch);
      } catch (RuntimeException e) {
        sent = Futures.failed(e);
      }
      sent.whenComplete(
          (r, error) -> {
            if (error != null) {
              Throwable cause = Futures.unwrap(error);
              batch.forEach(p -> retryOrFail(p, cause));
            }
            done();
          });
    }

    private CompletableFuture<LookupResponse> sendLookup(List<Pending> batch) {
      Map<BucketKey, List<Pending>> byBucket = byBucket(batch);
      LookupRequest.Builder req = LookupRequest.newBuilder().setTableId(batch.get(0).table.getTableId());
      for (Map.Entry<BucketKey, List<Pending>> e : byBucket.entrySet()) {
        PbLookupReqForBucket.Builder b = req.addBucketsReqBuilder().setBucketId(e.getKey().bucket());
        if (e.getKey().partitionId() >= 0) {
          b.setPartitionId(e.getKey().partitionId());
        }
        e.getValue().forEach(p -> b.addKeys(UnsafeByteOperations.unsafeWrap(p.key)));
      }
      return metadata.tabletServer(serverId)
          .send(ApiMethods.LOOKUP, req.build())
          .whenComplete(
              (resp, error) -> {
                if (error != null) {
                  return;
                }
                for (PbLookupRespForBucket r : resp.getBucketsRespList()) {
                  answer(byBucket, r.hasPartitionId() ? r.getPartitionId() : -1L, r.getBucketId(),
                      r.hasErrorCode() ? r.getErrorCode() : 0, r.getErrorMessage(),
                      i -> i < r.getValuesCount() && r.getValues(i).hasValues()
                          ? List.of(r.getValues(i).getValues().toByteArray())
                          : List.of());
                }
                missing(byBucket);
              });
    }

    private CompletableFuture<PrefixLookupResponse> sendPrefix(List<Pending> batch) {
      Map<BucketKey, List<Pending>> byBucket = byBucket(batch);
      PrefixLookupRequest.Builder req = PrefixLookupRequest.newBuilder().setTableId(batch.get(0).table.getTableId());
      for (Map.Entry<BucketKey, List<Pending>> e : byBucket.entrySet()) {
        PbPrefixLookupReqForBucket.Builder b = req.addBucketsReqBuilder().setBucketId(e.getKey().bucket());
        if (e.getKey().partitionId() >= 0) {
          b.setPartitionId(e.getKey().partitionId());
        }
        e.getValue().forEach(p -> b.addKeys(UnsafeByteOperations.unsafeWrap(p.key)));
      }
      return metadata.tabletServer(serverId)
          .send(ApiMethods.PREFIX_LOOKUP, req.build())
          .whenComplete(
              (resp, error) -> {
                if (error != null) {
                  return;
                }
                for (PbPrefixLookupRespForBucket r : resp.getBucketsRespList()) {
                  answer(byBucket, r.hasPartitionId() ? r.getPartitionId() : -1L, r.getBucketId(),
                      r.hasErrorCode() ? r.getErrorCode() : 0, r.getErrorMessage(),
                      i -> {
                        List<byte[]> rows = new ArrayList<>();
                        if (i < r.getValueListsCount()) {
                          for (ByteString v : r.getValueLists(i).getValuesList()) {
                            rows.add(v.toByteArray());
                          }
                        }
                        return rows;
                      });
                }
                missing(byBucket);
              });
    }

    /** Completes the keys of one bucket's answer: each with its values, or all with the bucket's error. */
    private void answer(
        Map<BucketKey, List<Pending>> byBucket,
        long partitionId,
        int bucket,
        int errorCode,
        String errorMessage,
        IntFunction<List<byte[]>> valuesOfKey) {
      List<Pending> keys = byBucket.remove(new BucketKey(partitionId, bucket));
      if (keys == null) {
        return;
      }
      if (errorCode != 0) {
        RuntimeException e = Errors.exceptionFor(errorCode, errorMessage);
        keys.forEach(p -> onBucketError(p, e));
        return;
      }
      for (int i = 0; i < keys.size(); i++) {
        keys.get(i).result.complete(valuesOfKey.apply(i));
      }
    }

    /** Keys whose bucket the answer left out: retried, they must never hang. */
    private void missing(Map<BucketKey, List<Pending>> unanswered) {
      unanswered.values().forEach(keys -> keys.forEach(p -> retryOrFail(p, new LeaderNotAvailableException(
          "the server's lookup answer has no entry for bucket " + p.bucket))));
    }
  }

  /** A key whose partition is gone has no row; any other per-bucket error is retried or fails the key. */
  private void onBucketError(Pending p, RuntimeException error) {
    if (error instanceof PartitionNotExistException) {
      p.result.complete(List.of());
    } else {
      retryOrFail(p, error);
    }
  }

  /** One bucket of one partition ({@code partitionId} -1 for unpartitioned tables). */
  private record BucketKey(long partitionId, int bucket) {}

  /**
   * Keys grouped by (partition, bucket), each once per request (the server keeps only the last entry per bucket).
   */
  private static Map<BucketKey, List<Pending>> byBucket(List<Pending> batch) {
    Map<BucketKey, List<Pending>> out = new LinkedHashMap<>();
    for (Pending p : batch) {
      out.computeIfAbsent(new BucketKey(p.partitionId, p.bucket), b -> new ArrayList<>()).add(p);
    }
    return out;
  }
}
