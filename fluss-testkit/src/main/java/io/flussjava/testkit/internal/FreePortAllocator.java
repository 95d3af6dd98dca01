package io.flussjava.testkit.internal;

import io.flussjava.testkit.FlussClusterException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/**
 * Picks loopback ports that are free right now.
 *
 * <p>The port is released before a child JVM binds it, so another process can grab it in between;
 * the cluster retries its start with fresh ports when a server reports "Address already in use".
 * Ports handed out by one allocator are never repeated, because the OS may return a just-closed
 * port again.
 */
public final class FreePortAllocator {

  private final Set<Integer> handedOut = new HashSet<>();

  public synchronized int nextFreePort() {
    for (int attempt = 0; attempt < 50; attempt++) {
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        // No SO_REUSEADDR games: the child binds with its own socket after we close this one.
        int port = socket.getLocalPort();
        if (handedOut.add(port)) {
          return port;
        }
      } catch (IOException e) {
        throw new FlussClusterException("cannot allocate a free port on the loopback interface", e);
      }
    }
    throw new FlussClusterException("no new free loopback port after 50 attempts");
  }
}
