package io.flussjava.testkit;

import io.flussjava.testkit.internal.FaultSettings;
import io.flussjava.testkit.internal.ProxyLink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP proxy between a client and one Fluss server that injects faults a test switches on and off
 * while traffic flows: added latency, a bandwidth limit, a black hole (connections are accepted and
 * nothing comes back), connection resets, half-closed connections, and dropping the N-th response
 * to one API (e.g. the second ProduceLog answer) while the responses before and after it pass.
 *
 * <p>It copies whole Fluss frames, so a dropped response leaves the connection usable: the client
 * sees only a request that never gets its answer, like a response lost in the network, and must
 * time it out. Faults apply to connections open at the time and to later ones; {@link #clear()}
 * removes them all.
 *
 * <p>A cluster built with {@link FlussCluster.Builder#faultProxies()} puts one proxy in front of
 * every server and advertises the proxies' addresses to clients (servers still talk to each other
 * directly), so a test reaches them with {@link FlussCluster#tabletServerProxy(int)} and {@link
 * FlussCluster#coordinatorProxy()}. A proxy can also be started on its own for any host and port:
 *
 * <pre>{@code
 * FaultProxy proxy = cluster.tabletServerProxy(leaderId);
 * proxy.dropResponse(FaultProxy.PRODUCE_LOG, 1); // the next ProduceLog answer is lost
 * writer.append(row);                             // written, its answer never arrives
 * proxy.blackHole(true);                          // the server looks alive but never answers
 * proxy.clear();                                  // back to normal
 * }</pre>
 *
 * <p>Thread-safe. Threads are daemons named {@code fault-proxy-<name>-...}; {@link #close()} ends
 * them and every connection.
 */
public final class FaultProxy implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FaultProxy.class);

  /** API key of GetMetadata. */
  public static final int GET_METADATA = 1012;

  /** API key of ProduceLog (appends to log tables). */
  public static final int PRODUCE_LOG = 1014;

  /** API key of FetchLog (scanners). */
  public static final int FETCH_LOG = 1015;

  /** API key of PutKv (upserts and deletes on primary-key tables). */
  public static final int PUT_KV = 1016;

  /** API key of Lookup. */
  public static final int LOOKUP = 1017;

  /** API key of InitWriter (the idempotent writer id). */
  public static final int INIT_WRITER = 1026;

  private final String name;
  private final InetSocketAddress target;
  private final ServerSocket listener;
  private final FaultSettings faults = new FaultSettings();
  private final Set<ProxyLink> links = ConcurrentHashMap.newKeySet();
  private final AtomicInteger connections = new AtomicInteger();
  private volatile boolean closed;

  private FaultProxy(String name, int listenPort, String targetHost, int targetPort)
      throws IOException {
    this.name = name;
    this.target = new InetSocketAddress(targetHost, targetPort);
    this.listener = new ServerSocket();
    listener.setReuseAddress(true);
    listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), listenPort));
    Thread acceptor = new Thread(this::acceptLoop, "fault-proxy-" + name + "-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Starts a proxy on a free loopback port in front of {@code targetHost:targetPort}. */
  public static FaultProxy start(String targetHost, int targetPort) {
    return start(targetHost + ":" + targetPort, 0, targetHost, targetPort);
  }

  /**
   * Starts a proxy on loopback port {@code listenPort} (0 for any free one).
   *
   * @param name names its threads and log lines
   * @throws UncheckedIOException if the port cannot be bound
   */
  public static FaultProxy start(String name, int listenPort, String targetHost, int targetPort) {
    try {
      return new FaultProxy(name, listenPort, targetHost, targetPort);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start a fault proxy on port " + listenPort, e);
    }
  }

  /** The port clients connect to. */
  public int port() {
    return listener.getLocalPort();
  }

  /** {@code localhost:<port>}, to bootstrap a client through the proxy. */
  public String address() {
    return "localhost:" + port();
  }

  /** Delays every frame, each way, by {@code perFrame} ({@link Duration#ZERO} for none). */
  public FaultProxy latency(Duration perFrame) {
    faults.latencyNanos(perFrame.toNanos());
    return this;
  }

  /** Limits each direction of each connection to about {@code bytesPerSecond} (0 for no limit). */
  public FaultProxy bandwidth(long bytesPerSecond) {
    faults.bytesPerSecond(bytesPerSecond);
    return this;
  }

  /**
   * While on, connections are accepted and kept open but no frame passes either way: the server
   * looks alive and never answers. Requests sent meanwhile are lost for good.
   */
  public FaultProxy blackHole(boolean on) {
    faults.blackHole(on);
    return this;
  }

  /**
   * Drops the {@code nth} response (1 = the next one) to requests with API key {@code apiKey},
   * counting from now over all connections; the responses before and after it pass. Several rules
   * may be pending at once.
   */
  public FaultProxy dropResponse(int apiKey, int nth) {
    if (nth < 1) {
      throw new IllegalArgumentException("nth counts from 1, got " + nth);
    }
    faults.dropNth(apiKey, nth);
    return this;
  }

  /** How many responses {@link #dropResponse} rules have dropped so far. */
  public int droppedResponses() {
    return faults.dropped();
  }

  /** Whether a {@link #dropResponse} rule has not dropped its response yet. */
  public boolean dropPending() {
    return faults.dropsPending();
  }

  /** Resets every open connection (the client sees a connection reset); new ones are accepted. */
  public void resetConnections() {
    List.copyOf(links).forEach(ProxyLink::reset);
  }

  /**
   * Half-closes every open connection: the client gets end-of-stream and no further responses,
   * while what it sends still reaches the server.
   */
  public void halfCloseConnections() {
    List.copyOf(links).forEach(ProxyLink::halfClose);
  }

  /** Removes every fault (latency, bandwidth, black hole, pending drops). */
  public FaultProxy clear() {
    faults.clear();
    return this;
  }

  /** Connections currently open through the proxy. */
  public int openConnections() {
    return links.size();
  }

  /** Connections accepted since the start. */
  public int acceptedConnections() {
    return connections.get();
  }

  private void acceptLoop() {
    while (!closed) {
      Socket client;
      try {
        client = listener.accept();
      } catch (IOException e) {
        if (!closed) {
          LOG.warn("fault proxy {} stopped accepting: {}", name, e.toString());
        }
        return;
      }
      int n = connections.incrementAndGet();
      Socket server = new Socket();
      try {
        client.setTcpNoDelay(true);
        server.setTcpNoDelay(true);
        server.connect(target, 5_000);
      } catch (IOException e) {
        // The server is down: the client sees its connection closed, as it would without a proxy.
        closeQuietly(client);
        closeQuietly(server);
        continue;
      }
      ProxyLink[] self = new ProxyLink[1];
      self[0] = new ProxyLink(client, server, faults, () -> links.remove(self[0]));
      links.add(self[0]);
      self[0].start("fault-proxy-" + name + "-" + n);
    }
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // nothing left to do
    }
  }

  /** Stops accepting and closes every connection. Idempotent. */
  @Override
  public void close() {
    closed = true;
    try {
      listener.close();
    } catch (IOException e) {
      // closing anyway
    }
    List.copyOf(links).forEach(ProxyLink::close);
  }

  @Override
  public String toString() {
    return "FaultProxy{" + name + " -> " + target + ", port " + port() + "}";
  }
}
