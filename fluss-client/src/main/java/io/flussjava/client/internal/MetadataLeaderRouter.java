package io.flussjava.client.internal;

import io.flussjava.client.TableBucket;
import io.flussjava.client.admin.TablePath;
import io.flussjava.client.metadata.MetadataCache;
import io.flussjava.client.metadata.TableMetadata;
import io.flussjava.exception.PartitionNotExistException;
import io.flussjava.exception.TableNotExistException;
import io.flussjava.exception.UnknownServerException;
import io.flussjava.rpc.ServerConnection;
import java.util.concurrent.CompletableFuture;

/**
 * The {@link LeaderRouter} of a connection: leaders from its metadata cache, fetched again when
 * they go stale.
 */
public final class MetadataLeaderRouter implements LeaderRouter {
  private final MetadataCache metadata;

  public MetadataLeaderRouter(MetadataCache metadata) {
    this.metadata = metadata;
  }

  @Override
  public Route route(TablePath path, TableBucket bucket, long routedAtNanos, Runnable wakeup) {
    CompletableFuture<TableMetadata> f = metadata.table(path);
    // Not getNow: it throws (a CompletionException) for a failed fetch, which the branch below
    // handles.
    TableMetadata table = f.isDone() && !f.isCompletedExceptionally() ? f.join() : null;
    if (table == null) {
      if (f.isCompletedExceptionally()) {
        Throwable cause = Futures.unwrap(f.handle((t, e) -> e).join());
        if (cause instanceof TableNotExistException || meansTableNotExist(cause)) {
          // A table of that name may be created again: do not cache its absence.
          metadata.invalidate(path);
          return Route.failed(
              new TableNotExistException(
                  "Table " + path + " no longer exists (dropped?): " + cause.getMessage()));
        }
        // The fetch gave up on a transient error: start another one and look again when it ends.
        metadata.invalidate(path);
        metadata.table(path).whenComplete((t, e) -> wakeup.run());
      } else {
        f.whenComplete((t, e) -> wakeup.run());
      }
      return Route.waiting();
    }
    if (table.info().getTableId() != bucket.tableId()) {
      if (table.fetchedAfter(routedAtNanos)) {
        return Route.failed(
            new TableNotExistException(
                "Table "
                    + path
                    + " was dropped and created again (id "
                    + bucket.tableId()
                    + ", now "
                    + table.info().getTableId()
                    + "): get a new Table from the connection to use the new one."));
      }
      metadata.refresh(path, table).whenComplete((t, e) -> wakeup.run());
      return Route.waiting();
    }
    int leader = table.leaderOf(bucket.partitionId(), bucket.bucket());
    if (leader == TableMetadata.UNKNOWN_PARTITION) {
      if (table.fetchedAfter(routedAtNanos)) {
        // The partition existed when the caller learnt of it, and a later view of the table lacks
        // it: dropped.
        return Route.failed(
            new PartitionNotExistException(
                "Partition "
                    + bucket.partitionId()
                    + " of table "
                    + path
                    + " no longer exists (dropped?)."));
      }
      metadata.refresh(path, table).whenComplete((t, e) -> wakeup.run());
      return Route.waiting();
    }
    if (leader < 0 || metadata.nodes().tabletServer(leader).isEmpty()) {
      // No leader yet (an election is going on) or a server we do not know: the next route fetches
      // again. No wakeup:
      // an election takes a while, and waking at once would only hammer the coordinator; callers
      // look again after
      // their own backoff.
      metadata.invalidate(path);
      return Route.waiting();
    }
    return Route.leader(leader);
  }

  /**
   * The 0.9 coordinator answers a metadata request for a dropped table with UNKNOWN_SERVER_ERROR
   * whose message carries the server's TableNotExistException, not with TABLE_NOT_EXIST.
   */
  private static boolean meansTableNotExist(Throwable cause) {
    return cause instanceof UnknownServerException
        && String.valueOf(cause.getMessage()).contains("TableNotExistException");
  }

  @Override
  public ServerConnection tabletServer(int serverId) {
    return metadata.tabletServer(serverId);
  }

  @Override
  public void invalidate(TablePath path) {
    metadata.invalidate(path);
  }
}
