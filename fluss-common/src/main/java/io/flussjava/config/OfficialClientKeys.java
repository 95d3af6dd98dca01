package io.flussjava.config;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The official Fluss 0.9 client's keys that fluss-java does not declare under the same name, and
 * what fluss-java does with each, so that an official configuration file works unchanged with
 * {@code Connection.create}:
 *
 * <ul>
 *   <li>an <b>alias</b> names the same setting as one of fluss-java's keys and is read as that key;
 *   <li>an <b>accepted</b> key tunes machinery fluss-java builds differently, or a feature it does
 *       not have yet: its value is still checked (a typo fails), then it is dropped with one log
 *       line saying what fluss-java does instead (INFO when the value is the official default, so
 *       nothing is lost; WARN when the user asked for something fluss-java does not do).
 * </ul>
 *
 * A key that {@link ClientOptions} declares always wins over an entry here, so a feature that lands
 * later only has to declare its key there.
 */
final class OfficialClientKeys {
  private OfficialClientKeys() {}

  /** Prefix of the official client's file-system settings (handed to its file-system plugins). */
  static final String FILESYSTEM_PREFIX = "client.fs.";

  /**
   * One official key and its handling.
   *
   * @param option the official key with its type and default, so its value is checked here too
   * @param aliasOf fluss-java's key of the same meaning, or {@code null} when the key is only
   *     accepted
   * @param note what fluss-java does instead
   */
  record Entry(ConfigOption<?> option, ConfigOption<?> aliasOf, String note) {}

  private static final Map<String, Entry> ENTRIES = build();

  static Optional<Entry> lookup(String key) {
    Entry e = ENTRIES.get(key);
    if (e != null) {
      return Optional.of(e);
    }
    if (key.startsWith(FILESYSTEM_PREFIX)) {
      return Optional.of(
          new Entry(
              ConfigOption.key(key).stringType().withDescription(""),
              null,
              "fluss-java reads remote files (tiered log segments, KV snapshots) through its own RemoteFileSystem"
                  + " plug-ins (a local/shared file system built in), so the official client's"
                  + " file-system settings (client.fs.*) are not used."));
    }
    return Optional.empty();
  }

  /** Every named entry, in declaration order. */
  static List<Entry> all() {
    return List.copyOf(ENTRIES.values());
  }

  private static Map<String, Entry> build() {
    Map<String, Entry> m = new LinkedHashMap<>();
    alias(
        m,
        ConfigOption.key("netty.client.num-network-threads")
            .intType()
            .defaultValue(4)
            .withDescription(""),
        ClientOptions.NETWORK_THREADS);

    accept(
        m,
        ConfigOption.key("client.writer.buffer.page-size")
            .memoryType()
            .defaultValue(MemorySize.parse("128kb"))
            .withDescription(""),
        "fluss-java has no page pool: each batch takes the memory it needs from"
            + " client.writer.buffer.memory-size and gives it back when acknowledged.");
    accept(
        m,
        ConfigOption.key("client.writer.buffer.per-request-memory-size")
            .memoryType()
            .defaultValue(MemorySize.ofMebiBytes(16))
            .withDescription(""),
        "fluss-java bounds one write request by client.writer.request-max-size.");
    accept(
        m,
        ConfigOption.key("client.writer.dynamic-batch-size.enabled")
            .booleanType()
            .defaultValue(true)
            .withDescription(""),
        "fluss-java does not resize batches: a batch is sent when it reaches client.writer.batch-size"
            + " or after client.writer.batch-timeout, whichever comes first.");
    accept(
        m,
        ConfigOption.key("client.writer.bucket.no-key-assigner")
            .stringType()
            .defaultValue("STICKY")
            .validate(
                s -> s.equalsIgnoreCase("STICKY") || s.equalsIgnoreCase("ROUND_ROBIN"),
                "STICKY or ROUND_ROBIN")
            .withDescription(""),
        "fluss-java always assigns rows of tables without a bucket key STICKY (one bucket until its"
            + " batch is sent, then another).");
    accept(
        m,
        ConfigOption.key("client.lookup.queue-size")
            .intType()
            .defaultValue(25600)
            .validate(n -> n > 0, "positive")
            .withDescription(""),
        "fluss-java does not bound the queue of keys waiting for a lookup request; each key waits at"
            + " most client.request-timeout.");
    accept(
        m,
        ConfigOption.key("client.metrics.enabled")
            .booleanType()
            .defaultValue(false)
            .withDescription(""),
        "fluss-java reports no client metrics yet.");
    accept(
        m,
        ConfigOption.key("client.filesystem.security.token.renewal.backoff")
            .durationType()
            .defaultValue(Duration.ofHours(1))
            .withDescription(""),
        "fluss-java fetches no file-system security tokens: its RemoteFileSystem plug-ins use their own credentials.");
    accept(
        m,
        ConfigOption.key("client.filesystem.security.token.renewal.time-ratio")
            .doubleType()
            .defaultValue(0.75)
            .validate(r -> r > 0 && r <= 1, "in (0, 1]")
            .withDescription(""),
        "fluss-java fetches no file-system security tokens: its RemoteFileSystem plug-ins use their own credentials.");

    return Collections.unmodifiableMap(m);
  }

  private static void alias(Map<String, Entry> m, ConfigOption<?> official, ConfigOption<?> ours) {
    m.put(
        official.key(),
        new Entry(official, ours, "read as fluss-java's key '" + ours.key() + "'."));
  }

  private static void accept(Map<String, Entry> m, ConfigOption<?> official, String note) {
    m.put(official.key(), new Entry(official, null, note));
  }
}
