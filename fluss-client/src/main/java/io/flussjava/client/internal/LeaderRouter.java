package io.flussjava.client.internal;

import io.flussjava.client.TableBucket;
import io.flussjava.client.admin.TablePath;
import io.flussjava.rpc.ServerConnection;

/**
 * Where requests for a bucket go: the client's one leader router, shared by writers, scanners,
 * lookups and offset requests. It is also the seam between the client's machinery and the network:
 * unit tests hand the sender, fetcher and lookup batcher a fake router whose "servers" are fakes,
 * and drive them at fake time.
 *
 * <p>Routing never blocks. When the router does not know a leader yet it starts fetching metadata
 * and answers {@link Route#waiting()}; the caller's {@code wakeup} runs once the fetch ends, so an
 * event loop can go on with other work and look again.
 */
public interface LeaderRouter {
  /**
   * The leader of {@code bucket} of table {@code path}.
   *
   * @param routedAtNanos when the caller learnt that the bucket's partition exists (e.g. when its
   *     row was routed): a table view fetched after it that lacks the partition means the partition
   *     was dropped
   * @param wakeup run (on any thread) when a {@link Route#waiting()} answer may have become a
   *     better one; not run while a bucket has no leader (an election), so callers also look again
   *     after a backoff of their own
   */
  Route route(TablePath path, TableBucket bucket, long routedAtNanos, Runnable wakeup);

  /**
   * A connection to a tablet server by id.
   *
   * @throws io.flussjava.exception.NetworkException (retriable) if the server is not in the
   *     metadata
   */
  ServerConnection tabletServer(int serverId);

  /** Forgets what is known of the table's leaders: the next route fetches them again. */
  void invalidate(TablePath path);

  /**
   * The answer of a route: a leader, "wait" (metadata is being fetched), or a final failure
   * (partition dropped, table dropped or re-created under a new id).
   */
  record Route(int leader, RuntimeException failure) {
    private static final Route WAITING = new Route(-1, null);

    public static Route leader(int serverId) {
      return new Route(serverId, null);
    }

    public static Route waiting() {
      return WAITING;
    }

    public static Route failed(RuntimeException failure) {
      return new Route(-1, failure);
    }

    public boolean hasLeader() {
      return leader >= 0;
    }

    public boolean isWaiting() {
      return leader < 0 && failure == null;
    }
  }
}
