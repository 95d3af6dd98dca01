package io.flussjava.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Starts a cluster for manual debugging, prints its bootstrap servers and runs until stdin closes
 * (Ctrl-D) or the JVM is interrupted (Ctrl-C).
 *
 * <pre>
 * java -cp fluss-testkit.jar:slf4j-api.jar io.flussjava.testkit.FlussClusterMain [tabletServers] [user:password,...]
 * </pre>
 *
 * The optional second argument enables SASL/PLAIN on the client listener for the given users.
 */
public final class FlussClusterMain {

  private FlussClusterMain() {}

  public static void main(String[] args) throws IOException {
    FlussCluster.Builder builder = FlussCluster.builder();
    if (args.length > 0) {
      builder.tabletServers(Integer.parseInt(args[0]));
    }
    if (args.length > 1) {
      builder.sasl(parseUsers(args[1]));
    }
    long startNanos = System.nanoTime();
    // The shutdown hook registered by start() stops the servers on Ctrl-C.
    try (FlussCluster cluster = builder.build().start()) {
      System.out.printf("Fluss cluster up in %.1f s%n", (System.nanoTime() - startNanos) / 1e9);
      System.out.println("bootstrap.servers=" + cluster.bootstrapServers());
      System.out.println("work dir: " + cluster.workDir());
      System.out.println("Press Ctrl-D (close stdin) or Ctrl-C to stop.");
      System.out.flush();
      drain(System.in);
      System.out.println("stdin closed; stopping the cluster");
    }
  }

  private static Map<String, String> parseUsers(String spec) {
    Map<String, String> users = new LinkedHashMap<>();
    for (String entry : spec.split(",")) {
      int colon = entry.indexOf(':');
      if (colon <= 0 || colon == entry.length() - 1) {
        throw new IllegalArgumentException("expected user:password, got '" + entry + "'");
      }
      users.put(entry.substring(0, colon), entry.substring(colon + 1));
    }
    return users;
  }

  private static void drain(InputStream in) throws IOException {
    byte[] discard = new byte[256];
    while (in.read(discard) >= 0) {
      // Wait for end-of-file; input itself means nothing.
    }
  }
}
