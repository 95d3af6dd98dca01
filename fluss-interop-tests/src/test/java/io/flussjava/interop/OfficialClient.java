package io.flussjava.interop;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The official Fluss Java client, loaded in a class loader of its own whose parent is the platform
 * loader: its bundled lz4, zstd-jni and commons classes cannot shadow fluss-java's. Calls cross the
 * boundary as JDK types only (strings, lists, maps), through {@code official.OfficialClientBridge}.
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
            "system property official.client.jar must point at the official fluss-client jar, got "
                + jar);
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

  /**
   * The official client's {@code client.*} and {@code netty.client.*} keys with their defaults, as
   * the official client writes them in a configuration file.
   */
  @SuppressWarnings("unchecked")
  static Map<String, String> clientConfigDefaults() throws Exception {
    return (Map<String, String>) bridge().apply(new Object[] {"clientConfigDefaults"});
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> describeTable(String bootstrap, String db, String table)
      throws Exception {
    return (Map<String, Object>)
        bridge().apply(new Object[] {"describeTable", bootstrap, db, table});
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> createAllTypesTable(String bootstrap, String db, String table)
      throws Exception {
    return (Map<String, Object>)
        bridge().apply(new Object[] {"createAllTypesTable", bootstrap, db, table});
  }

  /**
   * Scans every bucket of the table from the beginning with the official client until at least
   * {@code expected} records arrived (or the timeout passed). Each record is a map with {@code
   * bucket}, {@code offset}, {@code changeType} ("+A", "+I", "-U", "+U", "-D") and {@code row} (JDK
   * values, projection order if projected).
   */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> scan(
      String bootstrap,
      String db,
      String table,
      int expected,
      List<String> projection,
      Duration timeout)
      throws Exception {
    return (List<Map<String, Object>>)
        bridge()
            .apply(
                new Object[] {
                  "scan", bootstrap, db, table, expected, projection, timeout.toMillis()
                });
  }

  /** Appends rows (JDK values in column order) with the official client and flushes. */
  static void append(String bootstrap, String db, String table, List<? extends List<?>> rows)
      throws Exception {
    bridge().apply(new Object[] {"append", bootstrap, db, table, copy(rows)});
  }

  /** Upserts rows (full rows in column order) with the official client and flushes. */
  static void upsert(String bootstrap, String db, String table, List<? extends List<?>> rows)
      throws Exception {
    write(bootstrap, db, table, rows.stream().map(r -> op("upsert", r)).toList(), null);
  }

  /**
   * Runs upserts and deletes in order with the official client ({@code [ "upsert" | "delete", row
   * ]}, see {@link #op}), partially updating only {@code partialColumns} if not null, and flushes.
   */
  static void write(
      String bootstrap,
      String db,
      String table,
      List<List<Object>> ops,
      List<String> partialColumns)
      throws Exception {
    bridge()
        .apply(new Object[] {"write", bootstrap, db, table, new ArrayList<>(ops), partialColumns});
  }

  static List<Object> op(String kind, List<?> row) {
    return List.of(kind, new ArrayList<Object>(row));
  }

  /**
   * Looks up each primary key (values in primary-key order) with the official client: the row or
   * null.
   */
  @SuppressWarnings("unchecked")
  static List<List<Object>> lookup(
      String bootstrap, String db, String table, List<? extends List<?>> keys) throws Exception {
    return (List<List<Object>>)
        bridge().apply(new Object[] {"lookup", bootstrap, db, table, copy(keys)});
  }

  /** Prefix lookups by {@code columns} with the official client: for each prefix the rows found. */
  @SuppressWarnings("unchecked")
  static List<List<List<Object>>> prefixLookup(
      String bootstrap,
      String db,
      String table,
      List<String> columns,
      List<? extends List<?>> prefixes)
      throws Exception {
    return (List<List<List<Object>>>)
        bridge()
            .apply(new Object[] {"prefixLookup", bootstrap, db, table, columns, copy(prefixes)});
  }

  /** Mutable lists that may hold nulls (List.of cannot). */
  private static List<List<Object>> copy(List<? extends List<?>> rows) {
    List<List<Object>> out = new ArrayList<>(rows.size());
    for (List<?> r : rows) {
      out.add(new ArrayList<>(r));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  static List<String> columnSummaries(Map<String, Object> description) {
    return (List<String>) description.get("columns");
  }
}
