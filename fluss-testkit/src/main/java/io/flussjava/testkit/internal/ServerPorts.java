package io.flussjava.testkit.internal;

/**
 * The ports one Fluss server listens on.
 *
 * <p>Plain mode uses one PLAINTEXT listener {@code FLUSS} on {@code clientPort}. SASL mode serves
 * clients on a SASL/PLAIN listener {@code CLIENT} at {@code clientPort}, while servers talk to each
 * other (and the readiness probe talks to them) on a PLAINTEXT listener {@code INTERNAL} at {@code
 * internalPort}.
 *
 * @param clientPort the port clients bootstrap against
 * @param internalPort the server-to-server port in SASL mode, or -1 in plain mode
 */
public record ServerPorts(int clientPort, int internalPort) {

  public static final String HOST = "localhost";

  public static ServerPorts plain(int clientPort) {
    return new ServerPorts(clientPort, -1);
  }

  public static ServerPorts sasl(int clientPort, int internalPort) {
    return new ServerPorts(clientPort, internalPort);
  }

  public boolean sasl() {
    return internalPort >= 0;
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
    return sasl() ? new int[] {clientPort, internalPort} : new int[] {clientPort};
  }
}
