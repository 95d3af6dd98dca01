package io.flussjava.client.internal;

import io.flussjava.client.TableBucket;
import io.flussjava.client.admin.TablePath;
import io.flussjava.client.metadata.MetadataCache;
import io.flussjava.exception.ClosedException;
import io.flussjava.exception.Errors;
import io.flussjava.exception.LeaderNotAvailableException;
import io.flussjava.exception.PartitionNotExistException;
import io.flussjava.exception.TimeoutException;
import io.flussjava.rpc.ApiMethods;
import io.flussjava.rpc.protocol.ListOffsetsRequest;
import io.flussjava.rpc.protocol.ListOffsetsResponse;
import io.flussjava.rpc.protocol.PbListOffsetsRespForBucket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Asks bucket leaders for log offsets (ListOffsets): the earliest retained offset, the latest (the
 * offset the next record will get), or the first offset at or after a timestamp.
 *
 * <p>Leaders come from the client's one {@link LeaderRouter}; buckets are grouped into one request
 * per leader. A bucket whose leader is not known yet, or whose leader answered with a retriable
 * error, is asked again after the {@link RetryPolicy}'s backoff (earlier when the router wakes us
 * up), until the request timeout; buckets already answered are not asked again. A route that failed
 * for good (partition dropped, table dropped or re-created) fails the listing with that typed
 * error.
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

  // A router may wake us up while we are still routing (its answer improved already); going again
  // at once is right
  // then, but a router that always did so would spin, so only this many such rounds run in a row
  // without a backoff.
  private static final int MAX_IMMEDIATE_ROUNDS = 3;

  private final LeaderRouter router;
  private final Function<TablePath, CompletableFuture<Long>> tableIds;
  private final ScheduledExecutorService scheduler;
  private final RetryPolicy policy;
  private final Clock clock;
  private final Duration requestTimeout;

  public OffsetLister(MetadataCache metadata, Retrier retrier, Duration requestTimeout) {
    this(
        new MetadataLeaderRouter(metadata),
        path -> metadata.table(path).thenApply(t -> t.info().getTableId()),
        retrier.scheduler(),
        retrier.policy(),
        retrier.clock(),
        requestTimeout);
  }

  /**
   * @param tableIds the current id of the table at a path, for callers that name the table only by
   *     path
   */
  OffsetLister(
      LeaderRouter router,
      Function<TablePath, CompletableFuture<Long>> tableIds,
      ScheduledExecutorService scheduler,
      RetryPolicy policy,
      Clock clock,
      Duration requestTimeout) {
    this.router = router;
    this.tableIds = tableIds;
    this.scheduler = scheduler;
    this.policy = policy;
    this.clock = clock;
    this.requestTimeout = requestTimeout;
  }

  /**
   * The time source of this lister, so callers can say when they learnt of a partition in the same
   * clock.
   */
  Clock clock() {
    return clock;
  }

  /**
   * Offsets of the given buckets, by bucket. {@code timestamp} is used only with {@link
   * OffsetSpec#TIMESTAMP}.
   */
  public CompletableFuture<Map<Integer, Long>> listOffsets(
      TablePath path, List<Integer> buckets, OffsetSpec spec, long timestamp) {
    return listOffsets(path, TableBucket.NO_PARTITION, buckets, spec, timestamp);
  }

  /**
   * Offsets of the given buckets of one partition ({@code partitionId} -1: of an unpartitioned
   * table) of the table now at {@code path}, by bucket. Fails with a {@link
   * PartitionNotExistException} when the partition does not exist (any more).
   */
  public CompletableFuture<Map<Integer, Long>> listOffsets(
      TablePath path, long partitionId, List<Integer> buckets, OffsetSpec spec, long timestamp) {
    long askedAt = clock.nanoTime();
    return tableIds
        .apply(path)
        .thenCompose(
            tableId -> listOffsets(path, tableId, partitionId, buckets, spec, timestamp, askedAt));
  }

  /**
   * Offsets of the given buckets of one partition of the table with id {@code tableId}; fails with
   * a {@link io.flussjava.exception.TableNotExistException} when the table at {@code path} was
   * dropped or re-created.
   *
   * @param knownAtNanos when (on this lister's clock) the caller learnt that the partition exists:
   *     a table view fetched after it that lacks the partition means the partition was dropped
   */
  public CompletableFuture<Map<Integer, Long>> listOffsets(
      TablePath path,
      long tableId,
      long partitionId,
      List<Integer> buckets,
      OffsetSpec spec,
      long timestamp,
      long knownAtNanos) {
    Listing listing =
        new Listing(path, tableId, partitionId, buckets, spec, timestamp, knownAtNanos);
    listing.round();
    return listing.result;
  }

  /**
   * One listOffsets call: the buckets still to ask, the offsets answered so far, and the retry
   * state.
   */
  private final class Listing {
    final TablePath path;
    final long tableId;
    final long partitionId;
    final OffsetSpec spec;
    final long timestamp;
    final long knownAt;
    final long deadline;
    final TreeSet<Integer> remaining;
    final Map<Integer, Long> offsets = new TreeMap<>();
    final CompletableFuture<Map<Integer, Long>> result = new CompletableFuture<>();
    int backoffs;
    int immediateRounds;
    Throwable lastError;

    Listing(
        TablePath path,
        long tableId,
        long partitionId,
        List<Integer> buckets,
        OffsetSpec spec,
        long timestamp,
        long knownAt) {
      this.path = path;
      this.tableId = tableId;
      this.partitionId = partitionId;
      this.spec = spec;
      this.timestamp = timestamp;
      this.knownAt = knownAt;
      this.deadline = clock.nanoTime() + requestTimeout.toNanos();
      this.remaining = new TreeSet<>(buckets);
    }

    /** Routes every bucket still unanswered and asks each leader once for its buckets. */
    void round() {
      Round round = new Round();
      List<CompletableFuture<Void>> sent = new ArrayList<>();
      synchronized (this) {
        if (result.isDone()) {
          return;
        }
        Map<Integer, List<Integer>> byLeader = new TreeMap<>();
        for (int b : remaining) {
          LeaderRouter.Route route =
              router.route(path, TableBucket.of(tableId, partitionId, b), knownAt, round::wake);
          if (route.failure() != null) {
            result.completeExceptionally(route.failure());
            return;
          }
          if (route.isWaiting()) {
            round.waited = true;
            lastError =
                new LeaderNotAvailableException("the leader of bucket " + b + " is not known yet");
          } else {
            byLeader.computeIfAbsent(route.leader(), k -> new ArrayList<>()).add(b);
          }
        }
        byLeader.forEach((leader, bs) -> sent.add(ask(leader, bs)));
      }
      CompletableFuture.allOf(sent.toArray(new CompletableFuture<?>[0]))
          .whenComplete((v, e) -> next(round));
    }

    private CompletableFuture<Void> ask(int leader, List<Integer> buckets) {
      ListOffsetsRequest.Builder req =
          ListOffsetsRequest.newBuilder()
              .setFollowerServerId(-1)
              .setOffsetType(spec.wireType)
              .setTableId(tableId)
              .addAllBucketId(buckets);
      if (partitionId >= 0) {
        req.setPartitionId(partitionId);
      }
      if (spec == OffsetSpec.TIMESTAMP) {
        req.setStartTimestamp(timestamp);
      }
      CompletableFuture<ListOffsetsResponse> response;
      try {
        response = router.tabletServer(leader).send(ApiMethods.LIST_OFFSETS, req.build());
      } catch (RuntimeException e) {
        response =
            Futures.failed(e); // a leader not in the metadata: retriable like a failed request
      }
      return response.handle(
          (resp, error) -> {
            if (error != null) {
              failed(Futures.unwrap(error));
            } else {
              answered(resp);
            }
            return null;
          });
    }

    private synchronized void answered(ListOffsetsResponse response) {
      for (PbListOffsetsRespForBucket r : response.getBucketsRespList()) {
        if (r.hasErrorCode() && r.getErrorCode() != 0) {
          failed(Errors.exceptionFor(r.getErrorCode(), r.getErrorMessage()));
        } else if (remaining.remove(r.getBucketId())) {
          offsets.put(r.getBucketId(), r.getOffset());
        }
      }
    }

    /**
     * A bucket's (or a whole request's) error: a final one ends the listing, a retriable one is
     * retried.
     */
    private synchronized void failed(Throwable error) {
      if (!RetryPolicy.isRetriable(error)) {
        result.completeExceptionally(error);
        return;
      }
      lastError = error;
      if (RetryPolicy.meansStaleMetadata(error)) {
        router.invalidate(path); // the leader moved (or is gone): route again from fresh metadata
      }
    }

    /**
     * After a round: done, or the next round after a backoff (or a wakeup), or a timeout at the
     * deadline.
     */
    private void next(Round round) {
      synchronized (this) {
        if (result.isDone()) {
          return;
        }
        if (remaining.isEmpty()) {
          result.complete(new TreeMap<>(offsets));
          return;
        }
        long backoff = policy.backoffNanos(backoffs + 1);
        if (!RetryPolicy.fitsBefore(clock.nanoTime(), backoff, deadline)) {
          TimeoutException t =
              new TimeoutException(
                  "listOffsets("
                      + path
                      + (partitionId >= 0 ? ", partition " + partitionId : "")
                      + ", "
                      + spec
                      + ", buckets "
                      + remaining
                      + ") did not complete within "
                      + requestTimeout.toMillis()
                      + " ms; last error: "
                      + (lastError == null ? "none" : lastError.getMessage()));
          t.initCause(lastError);
          result.completeExceptionally(t);
          return;
        }
        if (round.waited && round.woken.get() && immediateRounds < MAX_IMMEDIATE_ROUNDS) {
          immediateRounds++;
        } else {
          immediateRounds = 0;
          backoffs++;
          try {
            round.arm(scheduler.schedule(() -> round.go(), backoff, TimeUnit.NANOSECONDS));
          } catch (RejectedExecutionException e) {
            result.completeExceptionally(
                ClosedException.of("the connection")); // its scheduler stopped
          }
          return;
        }
      }
      round.go();
    }

    /**
     * Starts the round after {@code this} once: by the backoff timer or by the router's wakeup,
     * whichever first.
     */
    private final class Round {
      final AtomicBoolean woken = new AtomicBoolean();
      final AtomicBoolean gone = new AtomicBoolean();
      volatile ScheduledFuture<?> timer;
      volatile boolean waited;

      void wake() {
        woken.set(true);
        // A wakeup only matters for buckets that were waiting; once armed, it cuts the backoff
        // short.
        if (waited && timer != null) {
          go();
        }
      }

      void arm(ScheduledFuture<?> t) {
        timer = t;
        if (waited && woken.get()) {
          go(); // woken between the round's end and now
        }
      }

      void go() {
        if (gone.compareAndSet(false, true)) {
          ScheduledFuture<?> t = timer;
          if (t != null) {
            t.cancel(false);
          }
          round();
        }
      }
    }
  }
}
