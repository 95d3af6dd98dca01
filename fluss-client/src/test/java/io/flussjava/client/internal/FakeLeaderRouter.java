package io.flussjava.client.internal;

import io.flussjava.client.TableBucket;
import io.flussjava.client.admin.TablePath;
import io.flussjava.exception.NetworkException;
import io.flussjava.rpc.ServerConnection;
import java.util.HashMap;
import java.util.Map;

/** A leader router whose leaders and servers a test sets; it counts invalidations. */
public final class FakeLeaderRouter implements LeaderRouter {
  private final Map<Integer, FakeServer> servers = new HashMap<>();
  private final Map<TableBucket, Route> routes = new HashMap<>();
  private Route fallback = Route.waiting();
  private int invalidations;

  public synchronized FakeServer server(int id) {
    return servers.computeIfAbsent(id, FakeServer::new);
  }

  /** Every bucket not set otherwise goes to {@code serverId}. */
  public synchronized void leadEverything(int serverId) {
    server(serverId);
    fallback = Route.leader(serverId);
  }

  public synchronized void setRoute(TableBucket bucket, Route route) {
    routes.put(bucket, route);
  }

  public synchronized int invalidations() {
    return invalidations;
  }

  @Override
  public synchronized Route route(
      TablePath path, TableBucket bucket, long routedAtNanos, Runnable wakeup) {
    return routes.getOrDefault(bucket, fallback);
  }

  @Override
  public synchronized ServerConnection tabletServer(int serverId) {
    FakeServer s = servers.get(serverId);
    if (s == null) {
      throw new NetworkException("tablet server " + serverId + " is not in the fake's metadata");
    }
    return s;
  }

  @Override
  public synchronized void invalidate(TablePath path) {
    invalidations++;
  }
}
