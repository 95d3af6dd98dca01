package io.flussjava.log;

import io.flussjava.arrow.ArrowLogFormat;
import io.flussjava.exception.InvalidConfigException;
import io.flussjava.log.internal.CompactedLogFormat;
import io.flussjava.log.internal.IndexedLogFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registry of {@link LogFormatCodec}s: the built-in ARROW, INDEXED and COMPACTED, every codec
 * the {@link ServiceLoader} finds under {@code META-INF/services/io.flussjava.log.LogFormatCodec},
 * and any {@link #register registered} one. A later registration replaces an earlier one of the
 * same name, so a user may also swap a built-in. Thread-safe.
 */
public final class LogFormats {
  /** The table property naming the log format. */
  public static final String LOG_FORMAT_KEY = "table.log.format";

  /** The format used when the table property is absent. */
  public static final String DEFAULT_FORMAT = "ARROW";

  private static final Map<String, LogFormatCodec> CODECS = new ConcurrentHashMap<>();

  static {
    register(new ArrowLogFormat());
    register(new IndexedLogFormat());
    register(new CompactedLogFormat());
    for (LogFormatCodec codec :
        ServiceLoader.load(LogFormatCodec.class, LogFormats.class.getClassLoader())) {
      register(codec);
    }
  }

  private LogFormats() {}

  /** Adds (or replaces) the codec for {@code codec.name()}. */
  public static void register(LogFormatCodec codec) {
    Objects.requireNonNull(codec, "codec");
    CODECS.put(key(Objects.requireNonNull(codec.name(), "codec name")), codec);
  }

  /**
   * The codec of the named format (case-insensitive).
   *
   * @throws InvalidConfigException if no codec has that name; the message lists the known ones
   */
  public static LogFormatCodec forName(String name) {
    LogFormatCodec codec = name == null ? null : CODECS.get(key(name));
    if (codec == null) {
      throw new InvalidConfigException(
          "unknown log format '" + name + "' (" + LOG_FORMAT_KEY + "); known formats: " + names());
    }
    return codec;
  }

  /**
   * The codec the table's {@value #LOG_FORMAT_KEY} property names ({@value #DEFAULT_FORMAT} when
   * absent).
   */
  public static LogFormatCodec forTable(Map<String, String> tableProperties) {
    return forName(tableProperties.getOrDefault(LOG_FORMAT_KEY, DEFAULT_FORMAT));
  }

  /** The names of all known formats, sorted. */
  public static Set<String> names() {
    return new TreeSet<>(CODECS.keySet());
  }

  private static String key(String name) {
    return name.trim().toUpperCase(Locale.ROOT);
  }
}
