package io.flussjava.rpc;

import io.flussjava.config.ClientOptions;
import io.flussjava.config.Configuration;
import io.flussjava.exception.ClosedException;
import io.flussjava.exception.NetworkException;
import io.flussjava.rpc.internal.ConnectionSettings;
import io.flussjava.rpc.internal.NettyServerConnection;
import io.flussjava.rpc.internal.NetworkThreadFactory;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of the RPC layer: owns the network threads and one {@link ServerConnection} per
 * server address.
 *
 * <p>Thread-safe. Connections are opened lazily by {@link #connection(ServerNode)} and reused by
 * every caller; a connection that has closed (server restart, network failure) is replaced by a
 * fresh one on the next call. All connections share one Netty event-loop group of {@code
 * client.network.threads} daemon threads named {@code fluss-netty-<client.id>-N}.
 *
 * <p>Settings read: {@code client.request-timeout} (default deadline of every request), {@code
 * client.connect-timeout} (capped at the request timeout), {@code client.network.threads}, {@code
 * client.id}, {@code client.security.protocol} and the {@code client.security.sasl.*} credentials.
 */
public final class RpcClient implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RpcClient.class);
  private static final long SHUTDOWN_TIMEOUT_MILLIS = 5_000;

  private final ConnectionSettings settings;
  private final EventLoopGroup eventLoops;
  private final NetworkThreadFactory threadFactory;
  private final Bootstrap bootstrap;
  private final NettyServerConnection.Connector connector = this::openChannel;
  private final Map<String, NettyServerConnection> connections = new ConcurrentHashMap<>();
  private final Object lifecycleLock = new Object();
  private volatile boolean closed;

  /**
   * Creates a client and its network threads; no connection is opened yet.
   *
   * @throws io.flussjava.exception.InvalidConfigException if a setting is invalid, e.g. SASL
   *     without credentials
   */
  public RpcClient(Configuration conf) {
    Objects.requireNonNull(conf, "conf");
    this.settings = ConnectionSettings.fromConfiguration(conf);
    int threads = conf.get(ClientOptions.NETWORK_THREADS);
    this.threadFactory = new NetworkThreadFactory(conf.get(ClientOptions.CLIENT_ID));
    this.eventLoops =
        new MultiThreadIoEventLoopGroup(threads, threadFactory, NioIoHandler.newFactory());
    this.bootstrap =
        new Bootstrap()
            .group(eventLoops)
            .channel(NioSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.SO_KEEPALIVE, true)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, settings.effectiveConnectTimeoutMillis());
  }

  /**
   * The connection to {@code server}, opened now if there is none or the previous one closed.
   * Connections are keyed by {@code host:port}, so the same server reached by node or by address
   * shares one connection.
   *
   * <p>If the node's {@link ServerNode#serverType()} is known and the server reports another role
   * during the handshake, the connection fails with a {@link NetworkException} (stale metadata).
   *
   * @throws IllegalStateException if this client is closed
   */
  public ServerConnection connection(ServerNode server) {
    Objects.requireNonNull(server, "server");
    String key = server.address();
    NettyServerConnection existing = connections.get(key);
    if (existing != null && !existing.isClosed()) {
      return existing;
    }
    synchronized (lifecycleLock) {
      checkOpen();
      existing = connections.get(key);
      if (existing != null && !existing.isClosed()) {
        return existing;
      }
      NettyServerConnection created =
          new NettyServerConnection(server, settings, eventLoops.next());
      connections.put(key, created);
      created.closeFuture().thenRun(() -> connections.remove(key, created));
      created.start(connector);
      return created;
    }
  }

  /**
   * The connection to a server known only by address (e.g. a bootstrap server); see {@link
   * #connection(ServerNode)}.
   */
  public ServerConnection connection(InetSocketAddress address) {
    Objects.requireNonNull(address, "address");
    return connection(
        new ServerNode(
            ServerNode.UNKNOWN_ID, address.getHostString(), address.getPort(), ServerType.UNKNOWN));
  }

  /** Whether {@link #close()} has been called. */
  public boolean isClosed() {
    return closed;
  }

  /**
   * Closes every connection (failing requests still in flight with a {@link NetworkException}) and
   * stops the network threads, waiting a bounded time for them. Idempotent. New requests on this
   * client's connections fail at once.
   */
  @Override
  public void close() {
    List<NettyServerConnection> toClose;
    synchronized (lifecycleLock) {
      if (closed) {
        return;
      }
      closed = true;
      toClose = new ArrayList<>(connections.values());
    }
    for (NettyServerConnection connection : toClose) {
      // Not a NetworkException: that one is retriable, and nothing may retry into a closed client.
      connection.closeWith(
          new ClosedException(
              "the Connection was closed before "
                  + connection.server()
                  + " answered this request"));
    }
    // Quiet period 0: the close tasks queued above still run before the threads stop.
    io.netty.util.concurrent.Future<?> termination =
        eventLoops.shutdownGracefully(0, SHUTDOWN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    if (!calledFromOwnEventLoop()) {
      // Waiting from one of our own threads would wait for ourselves.
      long deadline =
          System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SHUTDOWN_TIMEOUT_MILLIS + 1_000);
      boolean ended = termination.awaitUninterruptibly(SHUTDOWN_TIMEOUT_MILLIS + 1_000);
      try {
        ended = ended && threadFactory.awaitThreadsEnded(deadline);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (!ended) {
        LOG.warn(
            "Network threads of the RpcClient did not stop within {} ms", SHUTDOWN_TIMEOUT_MILLIS);
      }
    }
  }

  private ChannelFuture openChannel(EventLoop loop, ServerNode server, ChannelHandler handler) {
    return bootstrap.clone(loop).handler(handler).connect(server.host(), server.port());
  }

  private boolean calledFromOwnEventLoop() {
    for (io.netty.util.concurrent.EventExecutor executor : eventLoops) {
      if (executor.inEventLoop()) {
        return true;
      }
    }
    return false;
  }

  private void checkOpen() {
    if (closed) {
      throw new ClosedException("the Connection is closed: create a new one to send requests");
    }
  }
}
