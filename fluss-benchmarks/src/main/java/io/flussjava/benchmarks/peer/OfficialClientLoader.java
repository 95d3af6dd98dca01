package io.flussjava.benchmarks.peer;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Loads the official Fluss Java client with its bridge in a class loader of its own, whose parent
 * is the platform loader. The official jar bundles unshaded lz4-java, zstd-jni and commons classes;
 * isolated this way they can neither shadow fluss-java's copies nor be shadowed by them.
 */
final class OfficialClientLoader {
  static final String CLIENT_JAR = "fluss-client.jar";
  static final String BRIDGE_JAR = "bridge.jar";
  static final String BRIDGE_CLASS = "io.flussjava.benchmarks.official.OfficialBridge";

  private OfficialClientLoader() {}

  @SuppressWarnings("unchecked")
  static ClientUnderTest load(Path officialDir) throws Exception {
    Path client = officialDir.resolve(CLIENT_JAR);
    Path bridge = officialDir.resolve(BRIDGE_JAR);
    for (Path p : new Path[] {client, bridge}) {
      if (!Files.isRegularFile(p)) {
        throw new IllegalStateException(
            p.toAbsolutePath()
                + " is missing: build with `mvn -B -q -pl fluss-benchmarks -am package -DskipTests`"
                + " or point --official-dir at the directory holding "
                + CLIENT_JAR
                + " and "
                + BRIDGE_JAR);
      }
    }
    ClassLoader isolated =
        new URLClassLoader(
            "official-fluss-client",
            new URL[] {client.toUri().toURL(), bridge.toUri().toURL()},
            ClassLoader.getPlatformClassLoader());
    // The official jar bundles slf4j-api without a binding; let it print its "no binding" notice
    // now, at start-up,
    // rather than in the middle of the first progress line.
    isolated
        .loadClass("org.slf4j.LoggerFactory")
        .getMethod("getLogger", String.class)
        .invoke(null, "bench");
    Class<?> c = isolated.loadClass(BRIDGE_CLASS);
    Function<Object[], Object> bridgeFunction =
        (Function<Object[], Object>) c.getConstructor().newInstance();
    return new ClientUnderTest(
        ClientUnderTest.OFFICIAL, call -> withContextLoader(isolated, bridgeFunction, call));
  }

  /**
   * Runs a call with the isolated loader as context loader, where the official client looks up its
   * services.
   */
  private static Object withContextLoader(
      ClassLoader loader, Function<Object[], Object> f, Object[] call) {
    Thread t = Thread.currentThread();
    ClassLoader previous = t.getContextClassLoader();
    t.setContextClassLoader(loader);
    try {
      return f.apply(call);
    } finally {
      t.setContextClassLoader(previous);
    }
  }
}
