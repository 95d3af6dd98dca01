package io.flussjava.client.lookup.internal;

import io.flussjava.client.TableBucket;
import io.flussjava.client.admin.TableInfo;
import io.flussjava.client.internal.Clock;
import io.flussjava.client.internal.ConnectionState;
import io.flussjava.client.internal.Futures;
import io.flussjava.client.internal.LeaderRouter;
import io.flussjava.client.internal.LeaderRouter.Route;
import io.flussjava.client.internal.MetadataLeaderRouter;
import io.flussjava.client.internal.RetryPolicy;
import io.flussjava.client.metadata.MetadataCache;
import io.flussjava.client.metadata.PartitionMetadata;
import io.flussjava.config.ClientOptions;
import io.flussjava.config.Configuration;
import io.flussjava.exception.LeaderNotAvailableException;
import io.flussjava.exception.PartitionNotExistException;
import io.flussjava.exception.TimeoutException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A connection's lookups: routes each key to its bucket's leader ({@link LeaderRouter}), gathers
 * keys per server ({@link ServerBatcher}), retries retriable failures with the client's {@link
 * RetryPolicy} until {@code client.request-timeout}, and fails every pending key with a {@link
 * io.flussjava.exception.ClosedException} when the connection closes.
 *
 * <p>Threads: raw answers complete on network threads (or timer/closing threads); {@link #deliver}
 * moves them to the lookup callback executor, a few daemon threads of this client, where they are
 * decoded and the user's futures complete, so user callbacks never run on, or stall, a network
 * thread.
 */
public final class LookupClient implements ServerBatcher.Outcome {
  /** Resolves partition names to ids: -1 when there is no such partition. */
  @FunctionalInterface
  interface PartitionIds {
    CompletableFuture<Long> idOf(TableInfo table, String partitionName);
  }

  private final LeaderRouter router;
  private final PartitionIds partitions;
  private final ConnectionState state;
  private final ScheduledExecutorService scheduler;
  private final Executor callbacks;
  private final Clock clock;
  private final RetryPolicy retry;
  private final LookupSettings settings;
  private final Map<Integer, ServerBatcher> servers = new ConcurrentHashMap<>();

  /** Every key not yet answered, so that closing the connection can fail them all at once. */
  private final Set<PendingLookup> pending = ConcurrentHashMap.newKeySet();

  public LookupClient(
      MetadataCache metadata,
      Configuration conf,
      ScheduledExecutorService scheduler,
      ConnectionState state) {
    this(
        new MetadataLeaderRouter(metadata),
        (table, name) ->
            metadata
                .partition(table.getTablePath(), name, Clock.SYSTEM.nanoTime())
                .thenApply(p -> p.map(PartitionMetadata::id).orElse(-1L)),
        LookupSettings.from(conf),
        RetryPolicy.from(conf),
        scheduler,
        newCallbackExecutor(conf.get(ClientOptions.CLIENT_ID)),
        Clock.SYSTEM,
        state);
  }

  LookupClient(
      LeaderRouter router,
      PartitionIds partitions,
      LookupSettings settings,
      RetryPolicy retry,
      ScheduledExecutorService scheduler,
      Executor callbacks,
      Clock clock,
      ConnectionState state) {
    this.router = router;
    this.partitions = partitions;
    this.settings = settings;
    this.retry = retry;
    this.scheduler = scheduler;
    this.callbacks = callbacks;
    this.clock = clock;
    this.state = state;
    state.onClose(this::failAllPending);
  }

  /**
   * @throws io.flussjava.exception.ClosedException if the connection is closed, naming {@code
   *     handle}
   */
  public void checkOpen(String handle) {
    state.checkOpen(handle);
  }

  /**
   * The value bytes stored under {@code key} ({@code schemaId} int16 LE + row), or {@code null} if
   * absent (also when the partition was dropped meanwhile). Completes on any thread: hand it to
   * {@link #deliver} before user code.
   *
   * @param partitionId the key's partition, or {@link TableBucket#NO_PARTITION}
   */
  public CompletableFuture<byte[]> lookup(
      TableInfo table, long partitionId, int bucket, byte[] key) {
    return submit(LookupKind.POINT, table, partitionId, bucket, key)
        .thenApply(values -> values.isEmpty() ? null : values.get(0));
  }

  /**
   * The value bytes of every row whose key starts with {@code prefix}; completes as {@link #lookup}
   * does.
   */
  public CompletableFuture<List<byte[]>> prefixLookup(
      TableInfo table, long partitionId, int bucket, byte[] prefix) {
    return submit(LookupKind.PREFIX, table, partitionId, bucket, prefix);
  }

  /**
   * The id of a partition by name, or -1 if it does not exist (refreshing the metadata once if it
   * is not cached).
   */
  public CompletableFuture<Long> partitionId(TableInfo table, String partitionName) {
    return partitions.idOf(table, partitionName);
  }

  /**
   * {@code raw}'s outcome, mapped by {@code decode}, completed on the lookup callback executor
   * (failures too), so neither decoding nor the user's callbacks run on a network thread.
   */
  public <T, R> CompletableFuture<R> deliver(CompletableFuture<T> raw, Function<T, R> decode) {
    CompletableFuture<R> out = new CompletableFuture<>();
    raw.whenComplete(
        (value, error) -> {
          Runnable complete =
              () -> {
                if (error != null) {
                  out.completeExceptionally(Futures.unwrap(error));
                  return;
                }
                try {
                  out.complete(decode.apply(value));
                } catch (Throwable t) {
                  out.completeExceptionally(t);
                }
              };
          // Answers already arrive on a callback thread (one hop per response, not per key: a hop
          // per key cost more CPU than the lookup itself); anything else hops here.
          if (Thread.currentThread() instanceof CallbackThread) {
            complete.run();
          } else {
            callbacks.execute(complete);
          }
        });
    return out;
  }

  private CompletableFuture<List<byte[]>> submit(
      LookupKind<?, ?> kind, TableInfo table, long partitionId, int bucket, byte[] key) {
    state.checkOpen(kind.handle(table.getTablePath()));
    long now = clock.nanoTime();
    PendingLookup p =
        new PendingLookup(
            kind,
            table,
            new TableBucket(table.getTableId(), partitionId, bucket),
            key,
            now,
            now + settings.requestTimeout().toNanos());
    pending.add(p);
    p.result.whenComplete((v, e) -> pending.remove(p));
    if (state.isClosed()) {
      // Closed between the check and the add: the close hook may have missed this key.
      failClosed(p);
      return p.result;
    }
    route(p);
    return p.result;
  }

  /** Finds the key's leader and queues it there, or waits for metadata, or settles it for good. */
  private void route(PendingLookup p) {
    if (p.result.isDone()) {
      return;
    }
    int turn = p.turn();
    Route r;
    try {
      r =
          router.route(
              p.table.getTablePath(),
              p.bucket,
              p.createdNanos,
              () -> {
                if (p.claim(turn)) {
                  runLater(
                      p,
                      0,
                      () -> route(p)); // not inline: the router may call back on its own stack
                }
              });
    } catch (RuntimeException e) {
      failed(p, e, turn);
      return;
    }
    if (r.hasLeader()) {
      if (p.claim(turn)) {
        servers
            .computeIfAbsent(
                r.leader(),
                id -> new ServerBatcher(id, router, scheduler, settings, this, callbacks))
            .add(p);
      }
    } else if (r.failure() instanceof PartitionNotExistException) {
      p.result.complete(List.of()); // the partition was dropped: its keys are gone too
    } else if (r.failure() != null) {
      p.result.completeExceptionally(r.failure());
    } else {
      // Metadata is on its way and the wakeup routes again; the backoff covers an election, which
      // sends no wakeup.
      failed(
          p,
          new LeaderNotAvailableException(
              "no leader known for " + p.bucket + " of " + p.table.getTablePath()),
          turn);
    }
  }

  @Override
  public void failed(PendingLookup p, Throwable error) {
    failed(p, error, p.turn());
  }

  /**
   * A key whose partition is gone has no row; other retriable errors are retried after a backoff,
   * if time is left.
   */
  private void failed(PendingLookup p, Throwable error, int turn) {
    Throwable cause = Futures.unwrap(error);
    if (p.result.isDone()) {
      return;
    }
    if (cause instanceof PartitionNotExistException) {
      p.result.complete(List.of());
      return;
    }
    if (!RetryPolicy.isRetriable(cause) || state.isClosed()) {
      p.result.completeExceptionally(state.isClosed() ? closedError(p) : cause);
      return;
    }
    p.attempts++;
    long backoff = retry.backoffNanos(p.attempts);
    if (p.attempts > settings.maxRetries()) {
      p.result.completeExceptionally(cause);
      return;
    }
    if (!RetryPolicy.fitsBefore(clock.nanoTime(), backoff, p.deadlineNanos)) {
      TimeoutException t =
          new TimeoutException(
              "Lookup in "
                  + p.table.getTablePath()
                  + " did not succeed within client.request-timeout ("
                  + settings.requestTimeout().toMillis()
                  + " ms) after "
                  + p.attempts
                  + " attempts; last error: "
                  + cause.getMessage());
      t.initCause(cause);
      p.result.completeExceptionally(t);
      return;
    }
    if (RetryPolicy.meansStaleMetadata(cause)) {
      router.invalidate(p.table.getTablePath());
    }
    runLater(
        p,
        backoff,
        () -> {
          if (p.claim(turn)) {
            route(p);
          }
        });
  }

  private void runLater(PendingLookup p, long delayNanos, Runnable task) {
    try {
      scheduler.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      failClosed(p); // the scheduler only refuses work once the connection is closing
    }
  }

  private void failAllPending() {
    for (PendingLookup p : pending) {
      failClosed(p);
    }
    if (callbacks instanceof ExecutorService e) {
      e.shutdown(); // callbacks already queued still run; later ones run on the completing thread
    }
  }

  private void failClosed(PendingLookup p) {
    p.result.completeExceptionally(closedError(p));
  }

  private static RuntimeException closedError(PendingLookup p) {
    return ConnectionState.closedError(p.kind.handle(p.table.getTablePath()));
  }

  /**
   * The threads lookup futures complete on: a few daemon threads named {@code
   * fluss-lookup-callback-N}, idle ones ending after a while. A blocking user callback holds up
   * other lookups' callbacks but never the network.
   */
  private static ExecutorService newCallbackExecutor(String clientId) {
    int threads = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));
    String prefix = "fluss-lookup-callback" + (clientId.isEmpty() ? "" : "-" + clientId) + "-";
    AtomicInteger count = new AtomicInteger();
    ThreadPoolExecutor e =
        new ThreadPoolExecutor(
            threads,
            threads,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new CallbackThread(r, prefix + count.incrementAndGet());
              t.setDaemon(true);
              return t;
            },
            // After close: run on the completing thread, so that no future is left hanging.
            (r, executor) -> r.run());
    e.allowCoreThreadTimeOut(true);
    return e;
  }

  /** A lookup callback thread: work that is already on one needs no further hop. */
  static final class CallbackThread extends Thread {
    CallbackThread(Runnable task, String name) {
      super(task, name);
    }
  }
}
