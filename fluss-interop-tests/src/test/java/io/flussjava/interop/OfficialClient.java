package io.flussjava.interop;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The official Fluss Java client, loaded in a class loader of its own whose parent is the platform loader: its
 * bundled lz4, zstd-jni and commons classes cannot shadow fluss-java's. Calls cross the boundary as JDK types only
 * (strings, lists, maps), through {@code official.OfficialClientBridge}.
 */
final class OfficialClient {
  private static Function<Object[], Object> bridge;

  private OfficialClient() {}

  @SuppressWarnings("unchecked")
  static synchronized Function<Object[], Object> bridge() throws Exception {
    if (bridge == null) {
      String jar = System.getProperty("official.client.jar");
      if (jar == null || !Files.isRegularFile(Path.of(jar))) {
        throw new IllegalStateException(
            "system property official.client.jar must point at the official fluss-client jar, got " + jar);
      }
      URL testClasses = OfficialClient.class.getProtectionDomain().getCodeSource().getLocation();
      ClassLoader isolated =
          new URLClassLoader(
              "official-fluss-client",
              new URL[] {Path.of(jar).toUri().toURL(), testClasses},
              ClassLoader.getPlatformClassLoader());
      Class<?> c = isolated.loadClass("io.flussjava.interop.official.OfficialClientBridge");
      bridge = (Function<Object[], Object>) c.getConstructor().newInstance();
    }
    return bridge;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> describeTable(String bootstrap, String db, String table) throws Exception {
    return (Map<String, Object>) bridge().apply(new Object[] {"describeTable", bootstrap, db, table});
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> createAllTypesTable(String bootstrap, String db, String table) throws Exception {
    return (Map<String, Object>) bridge().apply(new Object[] {"createAllTypesTable", bootstrap, db, table});
  }

  @SuppressWarnings("unchecked")
  static List<String> columnSummaries(Map<String, Object> description) {
    return (List<String>) description.get("columns");
  }
}
