package io.flussjava.log;

import io.flussjava.arrow.Lz4FrameCompression;
import io.flussjava.arrow.NoCompression;
import io.flussjava.arrow.ZstdCompression;
import io.flussjava.exception.InvalidConfigException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.arrow.vector.compression.CompressionUtil;

/**
 * The registry of {@link ArrowCompression}s: the built-in NONE, LZ4_FRAME and ZSTD, every
 * implementation the {@link ServiceLoader} finds under {@code
 * META-INF/services/io.flussjava.log.ArrowCompression}, and any {@link #register registered} one (a
 * later registration replaces an earlier one of the same name). Thread-safe.
 *
 * <p>Writers compress with the compression the table names; the server relies on that for projected
 * fetches. Readers follow each batch's own codec type and decode it with the most recently
 * registered compression of that type.
 */
public final class ArrowCompressions {
  /** The table property naming the compression. */
  public static final String COMPRESSION_TYPE_KEY = "table.log.arrow.compression.type";

  /** The table property with the ZSTD level. */
  public static final String ZSTD_LEVEL_KEY = "table.log.arrow.compression.zstd.level";

  /** The compression used when the table property is absent. */
  public static final String DEFAULT_COMPRESSION = "ZSTD";

  /** The ZSTD level used when the table property is absent. */
  public static final int DEFAULT_ZSTD_LEVEL = 3;

  private static final Map<String, ArrowCompression> BY_NAME = new ConcurrentHashMap<>();
  private static final Map<CompressionUtil.CodecType, ArrowCompression> BY_CODEC_TYPE =
      new ConcurrentHashMap<>();

  static {
    register(new NoCompression());
    register(new Lz4FrameCompression());
    register(new ZstdCompression());
    for (ArrowCompression compression :
        ServiceLoader.load(ArrowCompression.class, ArrowCompressions.class.getClassLoader())) {
      register(compression);
    }
  }

  private ArrowCompressions() {}

  /**
   * Adds (or replaces) the compression for {@code compression.name()}; it also becomes the decoder
   * of its type.
   */
  public static void register(ArrowCompression compression) {
    Objects.requireNonNull(compression, "compression");
    BY_NAME.put(key(Objects.requireNonNull(compression.name(), "compression name")), compression);
    BY_CODEC_TYPE.put(Objects.requireNonNull(compression.codecType(), "codec type"), compression);
  }

  /**
   * The named compression (case-insensitive).
   *
   * @throws InvalidConfigException if none has that name; the message lists the known ones
   */
  public static ArrowCompression forName(String name) {
    ArrowCompression compression = name == null ? null : BY_NAME.get(key(name));
    if (compression == null) {
      throw new InvalidConfigException(
          "unknown Arrow compression '"
              + name
              + "' ("
              + COMPRESSION_TYPE_KEY
              + "); known compressions: "
              + names());
    }
    return compression;
  }

  /**
   * The compression the table's {@value #COMPRESSION_TYPE_KEY} names ({@value #DEFAULT_COMPRESSION}
   * if absent).
   */
  public static ArrowCompression forTable(Map<String, String> tableProperties) {
    return forName(tableProperties.getOrDefault(COMPRESSION_TYPE_KEY, DEFAULT_COMPRESSION));
  }

  /**
   * The compression that decodes batches declaring {@code codecType}.
   *
   * @throws IllegalArgumentException if none is registered for it
   */
  public static ArrowCompression forCodecType(CompressionUtil.CodecType codecType) {
    ArrowCompression compression = BY_CODEC_TYPE.get(codecType);
    if (compression == null) {
      throw new IllegalArgumentException(
          "no Arrow compression registered for codec type " + codecType);
    }
    return compression;
  }

  /** The names of all known compressions, sorted. */
  public static Set<String> names() {
    return new TreeSet<>(BY_NAME.keySet());
  }

  /**
   * The ZSTD level from the table properties ({@value #DEFAULT_ZSTD_LEVEL} when absent).
   *
   * @throws InvalidConfigException if the value is not an integer
   */
  public static int zstdLevel(Map<String, String> tableProperties) {
    String value = tableProperties.get(ZSTD_LEVEL_KEY);
    if (value == null) {
      return DEFAULT_ZSTD_LEVEL;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new InvalidConfigException(ZSTD_LEVEL_KEY + " must be an integer, got '" + value + "'");
    }
  }

  private static String key(String name) {
    return name.trim().toUpperCase(Locale.ROOT);
  }
}
