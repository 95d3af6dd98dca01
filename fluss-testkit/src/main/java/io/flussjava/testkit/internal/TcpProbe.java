package io.flussjava.testkit.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** Checks whether something accepts TCP connections on a port. */
public final class TcpProbe {

  private TcpProbe() {}

  public static boolean acceptsConnections(String host, int port, int timeoutMillis) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), timeoutMillis);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
