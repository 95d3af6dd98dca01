package io.flussjava.testkit.internal;

/**
 * The ports one Fluss server listens on.
 *
 * <p>Plain mode uses one PLAINTEXT listener {@code FLUSS} on {@code clientPort}. SASL mode serves
 * clients on a SASL/PLAIN listener {@code CLIENT} at {@code clientPort}, while servers talk to each
 * other (and the readiness probe talks to them) on a PLAINTEXT listener {@code INTERNAL} at {@code
 * internalPort}.
 *
 * <p>With fault proxies, the listeners are named as in SASL mode but both are PLAINTEXT, and the
 * CLIENT listener is advertised at the proxy's port, so that clients go through the proxy while
 * servers talk to each other on INTERNAL directly.
 *
 * @param clientPort the port the server serves clients on
 * @param internalPort the server-to-server port in SASL or proxied mode, or -1 in plain mode
 * @param proxyPort the port of the fault proxy in front of {@code clientPort}, or -1
 */
public record ServerPorts(int clientPort, int internalPort, int proxyPort) {

  public static final String HOST = "localhost";

  public static ServerPorts plain(int clientPort) {
    return new ServerPorts(clientPort, -1, -1);
  }

  public static ServerPorts sasl(int clientPort, int internalPort) {
    return new ServerPorts(clientPort, internalPort, -1);
  }

  public static ServerPorts proxied(int clientPort, int internalPort, int proxyPort) {
    return new ServerPorts(clientPort, internalPort, proxyPort);
  }

  /** Whether clients and servers use separate listeners (CLIENT and INTERNAL). */
  public boolean sasl() {
    return internalPort >= 0;
  }

  /** The port clients are told to use: the proxy's if there is one. */
  public int advertisedClientPort() {
    return proxyPort >= 0 ? proxyPort : clientPort;
  }

  /** The value of {@code advertised.listeners}, or {@code null} when it is bind.listeners. */
  public String advertisedListeners() {
    if (proxyPort < 0) {
      return null;
    }
    return "INTERNAL://" + HOST + ":" + internalPort + ",CLIENT://" + HOST + ":" + proxyPort;
  }

  /** The value of {@code bind.listeners} for this server. */
  public String bindListeners() {
    if (sasl()) {
      return "INTERNAL://" + HOST + ":" + internalPort + ",CLIENT://" + HOST + ":" + clientPort;
    }
    return "FLUSS://" + HOST + ":" + clientPort;
  }

  /** The port that speaks PLAINTEXT, i.e. the one a probe without credentials can use. */
  public int plaintextPort() {
    return sasl() ? internalPort : clientPort;
  }

  /** Every port the server binds. */
  public int[] all() {
    if (proxyPort >= 0) {
      return new int[] {clientPort, internalPort, proxyPort};
    }
    return sasl() ? new int[] {clientPort, internalPort} : new int[] {clientPort};
  }
}
