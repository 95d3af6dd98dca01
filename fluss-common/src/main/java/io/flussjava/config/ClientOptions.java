package io.flussjava.config;

import io.flussjava.exception.InvalidConfigException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every configuration key fluss-java reads, declared once. Key names and defaults follow the
 * official Fluss Java client where it has the same setting, so a configuration can be moved between
 * the two.
 *
 * <p>{@link #validate(Configuration)} rejects unknown keys (naming the closest known key) and bad
 * values before a connection is opened; {@link #markdownTable()} renders the README's configuration
 * reference.
 */
public final class ClientOptions {
  private ClientOptions() {}

  public static final ConfigOption<List<String>> BOOTSTRAP_SERVERS =
      ConfigOption.key("bootstrap.servers")
          .listType()
          .withDescription(
              "Comma-separated host:port list of Fluss servers (coordinator or tablet servers) to discover the"
                  + " cluster from. Required.");

  public static final ConfigOption<String> CLIENT_ID =
      ConfigOption.key("client.id")
          .stringType()
          .defaultValue("")
          .withDescription("Name of this client, used in thread names and logs.");

  public static final ConfigOption<Duration> REQUEST_TIMEOUT =
      ConfigOption.key("client.request-timeout")
          .durationType()
          .defaultValue(Duration.ofSeconds(30))
          .validate(d -> !d.isZero(), "positive")
          .withDescription(
              "How long a request may wait for its response before it fails with a TimeoutException; also the bound"
                  + " of every synchronous Admin call.");

  public static final ConfigOption<Duration> CONNECT_TIMEOUT =
      ConfigOption.key("client.connect-timeout")
          .durationType()
          .defaultValue(Duration.ofSeconds(120))
          .validate(d -> !d.isZero(), "positive")
          .withDescription("How long opening a TCP connection to a server may take.");

  public static final ConfigOption<Duration> RETRY_BACKOFF =
      ConfigOption.key("client.retry-backoff")
          .durationType()
          .defaultValue(Duration.ofMillis(100))
          .withDescription(
              "First wait before a request that failed with a retriable error is retried; doubles with every"
                  + " attempt up to client.retry-backoff.max.");

  public static final ConfigOption<Duration> RETRY_BACKOFF_MAX =
      ConfigOption.key("client.retry-backoff.max")
          .durationType()
          .defaultValue(Duration.ofSeconds(1))
          .withDescription("Longest wait between two retries of a request.");

  public static final ConfigOption<Duration> METADATA_MAX_AGE =
      ConfigOption.key("client.metadata.max-age")
          .durationType()
          .defaultValue(Duration.ofMinutes(5))
          .validate(d -> !d.isZero(), "positive")
          .withDescription(
              "How long cached table metadata (table info, bucket leaders) is trusted before it is fetched again;"
                  + " stale-metadata errors refresh it at once.");

  public static final ConfigOption<Integer> NETWORK_THREADS =
      ConfigOption.key("client.network.threads")
          .intType()
          .defaultValue(1)
          .validate(n -> n > 0 && n <= 64, "between 1 and 64")
          .withDescription("Netty event-loop threads shared by all connections of one Connection.");

  public static final ConfigOption<SecurityProtocol> SECURITY_PROTOCOL =
      ConfigOption.key("client.security.protocol")
          .enumType(SecurityProtocol.class)
          .defaultValue(SecurityProtocol.PLAINTEXT)
          .withDescription(
              "PLAINTEXT, or SASL to authenticate every connection (case-insensitive).");

  public static final ConfigOption<String> SASL_MECHANISM =
      ConfigOption.key("client.security.sasl.mechanism")
          .stringType()
          .defaultValue("PLAIN")
          .validate(m -> m.equalsIgnoreCase("PLAIN"), "PLAIN (the only mechanism Fluss 0.9 offers)")
          .withDescription("SASL mechanism; sent upper-case on the wire.");

  public static final ConfigOption<String> SASL_USERNAME =
      ConfigOption.key("client.security.sasl.username")
          .stringType()
          .withDescription(
              "SASL/PLAIN user name (set together with the password, or use the JAAS config).");

  public static final ConfigOption<String> SASL_PASSWORD =
      ConfigOption.key("client.security.sasl.password")
          .stringType()
          .sensitive()
          .withDescription("SASL/PLAIN password; never logged or shown in messages.");

  public static final ConfigOption<String> SASL_JAAS_CONFIG =
      ConfigOption.key("client.security.sasl.jaas.config")
          .stringType()
          .sensitive()
          .withDescription(
              "JAAS-style alternative to username/password: `...PlainLoginModule required username=\"u\""
                  + " password=\"p\";`.");

  public static final ConfigOption<MemorySize> WRITER_BATCH_SIZE =
      ConfigOption.key("client.writer.batch-size")
          .memoryType()
          .defaultValue(MemorySize.ofMebiBytes(2))
          .validate(m -> m.getBytes() >= 1024, "at least 1kb")
          .withDescription(
              "Target size of one bucket's batch (uncompressed). A full batch is sent at once; a larger one is"
                  + " never built except for a single oversized row.");

  public static final ConfigOption<Duration> WRITER_BATCH_TIMEOUT =
      ConfigOption.key("client.writer.batch-timeout")
          .durationType()
          .defaultValue(Duration.ofMillis(100))
          .withDescription(
              "How long a batch that is not full may wait for more rows before it is sent (linger). flush() sends"
                  + " at once.");

  public static final ConfigOption<MemorySize> WRITER_BUFFER_MEMORY =
      ConfigOption.key("client.writer.buffer.memory-size")
          .memoryType()
          .defaultValue(MemorySize.ofMebiBytes(64))
          .validate(m -> m.getBytes() >= 1024, "at least 1kb")
          .withDescription(
              "Bound on the memory all writers of a connection hold in unsent and unacknowledged batches. When it"
                  + " is used up, append/upsert block (back-pressure) for up to client.writer.buffer.wait-timeout.");

  public static final ConfigOption<Duration> WRITER_BUFFER_WAIT_TIMEOUT =
      ConfigOption.key("client.writer.buffer.wait-timeout")
          .durationType()
          .defaultValue(Duration.ofSeconds(60))
          .withDescription(
              "How long a write may block waiting for buffer memory before it fails with a TimeoutException.");

  public static final ConfigOption<String> WRITER_ACKS =
      ConfigOption.key("client.writer.acks")
          .stringType()
          .defaultValue("all")
          .validate(
              a -> a.equals("all") || a.equals("-1") || a.equals("0") || a.equals("1"),
              "one of all, -1, 0, 1")
          .withDescription(
              "Acknowledgements the leader waits for before answering: all (= -1, every in-sync replica), 1, or 0.");

  public static final ConfigOption<Integer> WRITER_RETRIES =
      ConfigOption.key("client.writer.retries")
          .intType()
          .defaultValue(Integer.MAX_VALUE)
          .validate(n -> n >= 0, "at least 0")
          .withDescription(
              "How often a batch that failed with a retriable error is sent again (bounded in time by"
                  + " client.writer.delivery-timeout).");

  public static final ConfigOption<Duration> WRITER_DELIVERY_TIMEOUT =
      ConfigOption.key("client.writer.delivery-timeout")
          .durationType()
          .defaultValue(Duration.ofMinutes(2))
          .validate(d -> !d.isZero(), "positive")
          .withDescription(
              "Upper bound on the time from a write call until its future completes, retries included; after it the"
                  + " future fails with a TimeoutException.");

  public static final ConfigOption<Integer> WRITER_MAX_INFLIGHT_PER_BUCKET =
      ConfigOption.key("client.writer.max-inflight-requests-per-bucket")
          .intType()
          .defaultValue(5)
          .validate(n -> n >= 1, "at least 1")
          .withDescription(
              "Batches of one bucket that may be sent and not yet acknowledged at the same time.");

  public static final ConfigOption<Boolean> WRITER_ENABLE_IDEMPOTENCE =
      ConfigOption.key("client.writer.enable-idempotence")
          .booleanType()
          .defaultValue(true)
          .withDescription(
              "Tag batches with a writer id and per-bucket sequence numbers so that a retried batch is not written"
                  + " twice. Requires client.writer.acks=all.");

  public static final ConfigOption<Boolean> WRITER_DYNAMIC_CREATE_PARTITION =
      ConfigOption.key("client.writer.dynamic-create-partition.enabled")
          .booleanType()
          .defaultValue(false)
          .withDescription(
              "When a writer gets a row for a partition of a partitioned table that does not exist, create that"
                  + " partition (CreatePartition, ignoring one that appeared meanwhile) and write the row. Off: such"
                  + " a row fails with a PartitionNotExistException; create partitions with Admin.createPartition or"
                  + " the table's auto-partition properties.");

  public static final ConfigOption<MemorySize> WRITER_REQUEST_MAX_SIZE =
      ConfigOption.key("client.writer.request-max-size")
          .memoryType()
          .defaultValue(MemorySize.ofMebiBytes(10))
          .withDescription(
              "Upper bound on the size of one write request (several buckets' batches to one server).");

  public static final ConfigOption<Integer> SCANNER_MAX_POLL_RECORDS =
      ConfigOption.key("client.scanner.log.max-poll-records")
          .intType()
          .defaultValue(500)
          .validate(n -> n > 0, "positive")
          .withDescription("Most records one LogScanner.poll returns.");

  public static final ConfigOption<MemorySize> SCANNER_FETCH_MAX_BYTES =
      ConfigOption.key("client.scanner.log.fetch.max-bytes")
          .memoryType()
          .defaultValue(MemorySize.ofMebiBytes(16))
          .withDescription("Most bytes one FetchLog request may return (over all its buckets).");

  public static final ConfigOption<MemorySize> SCANNER_FETCH_MAX_BYTES_FOR_BUCKET =
      ConfigOption.key("client.scanner.log.fetch.max-bytes-for-bucket")
          .memoryType()
          .defaultValue(MemorySize.ofMebiBytes(1))
          .withDescription(
              "Most bytes one FetchLog request may return for one bucket (at least one batch is returned).");

  public static final ConfigOption<Duration> SCANNER_FETCH_WAIT_MAX_TIME =
      ConfigOption.key("client.scanner.log.fetch.wait-max-time")
          .durationType()
          .defaultValue(Duration.ofMillis(500))
          .withDescription(
              "How long the server may hold a fetch open waiting for fetch.min-bytes of new data.");

  public static final ConfigOption<MemorySize> SCANNER_FETCH_MIN_BYTES =
      ConfigOption.key("client.scanner.log.fetch.min-bytes")
          .memoryType()
          .defaultValue(MemorySize.ofBytes(1))
          .withDescription(
              "How much data a fetch waits for (up to fetch.wait-max-time) before the server answers.");

  public static final ConfigOption<Boolean> SCANNER_CHECK_CRC =
      ConfigOption.key("client.scanner.log.check-crc")
          .booleanType()
          .defaultValue(true)
          .withDescription(
              "Verify each fetched batch's CRC-32C (skipped for projected ARROW fetches, whose CRC the server does not"
                  + " recompute).");

  public static final ConfigOption<Integer> SCANNER_REMOTE_LOG_PREFETCH_NUM =
      ConfigOption.key("client.scanner.remote-log.prefetch-num")
          .intType()
          .defaultValue(4)
          .validate(n -> n > 0, "positive")
          .withDescription(
              "Remote (tiered) log segments a scanner fetches ahead of the one it reads: downloaded or being"
                  + " downloaded, not yet read.");

  public static final ConfigOption<Integer> REMOTE_FILE_DOWNLOAD_THREAD_NUM =
      ConfigOption.key("client.remote-file.download-thread-num")
          .intType()
          .defaultValue(3)
          .validate(n -> n > 0, "positive")
          .withDescription(
              "Threads a scanner downloads remote log segments on (started at its first remote read).");

  public static final ConfigOption<String> SCANNER_IO_TMPDIR =
      ConfigOption.key("client.scanner.io.tmpdir")
          .stringType()
          .withDescription(
              "Directory downloaded remote log segments are kept in until read (each scanner uses a directory of"
                  + " its own inside it, deleted at close). Unset: the directory fluss in java.io.tmpdir. Segments on a local or"
                  + " mounted file system are read in place.");

  public static final ConfigOption<Integer> LOOKUP_MAX_BATCH_SIZE =
      ConfigOption.key("client.lookup.max-batch-size")
          .intType()
          .defaultValue(128)
          .validate(n -> n > 0, "positive")
          .withDescription(
              "Most keys one Lookup request carries; concurrent lookups to one server share requests.");

  public static final ConfigOption<Integer> LOOKUP_MAX_INFLIGHT =
      ConfigOption.key("client.lookup.max-inflight-requests")
          .intType()
          .defaultValue(8)
          .validate(n -> n > 0, "positive")
          .withDescription(
              "Lookup requests in flight per tablet server. While all are out, new keys queue and go together in the"
                  + " next request: few large requests cost the server far less than many small ones.");

  public static final ConfigOption<Duration> LOOKUP_BATCH_TIMEOUT =
      ConfigOption.key("client.lookup.batch-timeout")
          .durationType()
          .defaultValue(Duration.ZERO)
          .withDescription(
              "How long a key may wait for more keys before its request is sent. 0 (the default) sends at once"
                  + " whenever a request slot is free, so a lone lookup never waits for a timer.");

  public static final ConfigOption<Integer> LOOKUP_MAX_RETRIES =
      ConfigOption.key("client.lookup.max-retries")
          .intType()
          .defaultValue(Integer.MAX_VALUE)
          .validate(n -> n >= 0, "at least 0")
          .withDescription(
              "How often a lookup that failed with a retriable error is retried (within the request timeout).");

  private static final Map<String, ConfigOption<?>> ALL = collect();

  /** All declared options, in declaration order. */
  public static List<ConfigOption<?>> all() {
    return new ArrayList<>(ALL.values());
  }

  /**
   * Whether a key holds a secret (a declared sensitive key, or any key naming a password or JAAS
   * config).
   */
  public static boolean isSensitiveKey(String key) {
    ConfigOption<?> option = ALL.get(key);
    if (option != null && option.isSensitive()) {
      return true;
    }
    String k = key.toLowerCase(Locale.ROOT);
    return k.contains("password") || k.contains("jaas") || k.contains("secret");
  }

  /**
   * Checks every key and value: unknown keys and unparsable or out-of-range values fail with an
   * {@link InvalidConfigException} naming the key. Keys of the official client are known (see
   * {@link #resolve}).
   */
  public static void validate(Configuration conf) {
    resolve(conf);
  }

  /** The configuration fluss-java reads, and the notes to log about the official keys in it. */
  public record Resolved(Configuration configuration, List<ConfigNote> notes) {}

  /**
   * Checks every key and value, and carries over the official client's keys: an alias (e.g. {@code
   * netty.client.num-network-threads}) is read as fluss-java's key of the same meaning unless that
   * key is set too; a key for machinery fluss-java builds differently, or for a feature it lacks,
   * is checked and then dropped. Each such key gets one {@link ConfigNote}.
   *
   * @throws InvalidConfigException for an unknown key (naming the closest known one) or a bad value
   */
  public static Resolved resolve(Configuration conf) {
    Configuration effective = new Configuration();
    List<ConfigNote> notes = new ArrayList<>();
    Map<String, String> carried = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : conf.toMap().entrySet()) {
      String key = e.getKey();
      ConfigOption<?> option = ALL.get(key);
      if (option != null) {
        effective.setString(key, e.getValue());
        continue;
      }
      OfficialClientKeys.Entry official =
          OfficialClientKeys.lookup(key)
              .orElseThrow(
                  () ->
                      new InvalidConfigException(
                          "Unknown configuration key '"
                              + key
                              + "'"
                              + suggestion(key)
                              + ". The README's configuration tables (or ClientOptions.markdownTable())"
                              + " list every key."));
      boolean atDefault = isDefault(official.option(), e.getValue());
      if (official.aliasOf() != null) {
        carried.put(official.aliasOf().key(), e.getValue());
        notes.add(
            new ConfigNote(key, false, "Configuration key '" + key + "' is " + official.note()));
      } else {
        notes.add(
            new ConfigNote(
                key,
                !atDefault,
                "Configuration key '" + key + "' is accepted and not used: " + official.note()));
      }
    }
    carried.forEach(
        (key, value) -> {
          if (effective.containsKey(key)) {
            notes.add(
                new ConfigNote(
                    key, true, "Configuration key '" + key + "' is set, so its alias is ignored."));
          } else {
            effective.setString(key, value);
          }
        });
    for (String key : effective.toMap().keySet()) {
      effective.get(ALL.get(key));
    }
    return new Resolved(effective, List.copyOf(notes));
  }

  /**
   * Parses (and so checks) a value and tells whether it is the key's default; names such as {@code
   * STICKY} match in any case, as the official client reads them.
   */
  private static <T> boolean isDefault(ConfigOption<T> option, String text) {
    T value = option.parse(text);
    T defaultValue = option.defaultValue();
    if (value instanceof String s && defaultValue instanceof String d) {
      return s.trim().equalsIgnoreCase(d);
    }
    return value.equals(defaultValue);
  }

  /** The configuration reference as a Markdown table (key, default, description). */
  public static String markdownTable() {
    StringBuilder sb = new StringBuilder("| key | default | description |\n|---|---|---|\n");
    for (ConfigOption<?> o : ALL.values()) {
      sb.append("| `").append(o.key()).append("` | ").append(o.defaultValueText()).append(" | ");
      sb.append(o.description()).append(" |\n");
    }
    return sb.toString();
  }

  /**
   * The official client's keys that fluss-java reads differently, as a Markdown table (key, the
   * official default, what fluss-java does).
   */
  public static String officialKeysMarkdownTable() {
    StringBuilder sb =
        new StringBuilder("| official key | official default | in fluss-java |\n|---|---|---|\n");
    for (OfficialClientKeys.Entry e : OfficialClientKeys.all()) {
      if (ALL.containsKey(e.option().key())) {
        continue;
      }
      sb.append("| `").append(e.option().key()).append("` | ");
      sb.append(e.option().defaultValueText()).append(" | ");
      sb.append(e.aliasOf() != null ? "alias: " : "accepted, not used: ").append(e.note());
      sb.append(" |\n");
    }
    sb.append("| `")
        .append(OfficialClientKeys.FILESYSTEM_PREFIX)
        .append("*` | (none) | accepted, not used: ")
        .append(OfficialClientKeys.lookup(OfficialClientKeys.FILESYSTEM_PREFIX + "x").get().note())
        .append(" |\n");
    return sb.toString();
  }

  private static String suggestion(String key) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    List<String> candidates = new ArrayList<>(ALL.keySet());
    OfficialClientKeys.all().forEach(e -> candidates.add(e.option().key()));
    for (String known : candidates) {
      int d = editDistance(key, known);
      if (d < bestDistance) {
        bestDistance = d;
        best = known;
      }
    }
    return best != null && bestDistance <= Math.max(3, key.length() / 4)
        ? " (did you mean '" + best + "'?)"
        : "";
  }

  static int editDistance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  // Reflection keeps the registry from drifting: a constant declared above is automatically known.
  private static Map<String, ConfigOption<?>> collect() {
    Map<String, ConfigOption<?>> map = new LinkedHashMap<>();
    for (Field f : ClientOptions.class.getDeclaredFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == ConfigOption.class) {
        try {
          ConfigOption<?> o = (ConfigOption<?>) f.get(null);
          map.put(o.key(), o);
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return Collections.unmodifiableMap(map);
  }
}
