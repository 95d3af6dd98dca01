package io.flussjava.arrow;

import io.flussjava.log.ArrowCompressions;
import java.util.EnumMap;
import java.util.Map;
import org.apache.arrow.vector.compression.CompressionCodec;
import org.apache.arrow.vector.compression.CompressionUtil;
import org.apache.arrow.vector.compression.NoCompressionCodec;

/**
 * The codecs one reader decodes with, created on first need from the {@link ArrowCompressions}
 * registry and kept until {@link #close()}. Not thread-safe.
 */
final class ReadCodecs implements CompressionCodec.Factory, AutoCloseable {
  private final Map<CompressionUtil.CodecType, CompressionCodec> codecs =
      new EnumMap<>(CompressionUtil.CodecType.class);
  private final Map<String, String> tableProperties;

  ReadCodecs(Map<String, String> tableProperties) {
    this.tableProperties = tableProperties;
  }

  @Override
  public CompressionCodec createCodec(CompressionUtil.CodecType codecType) {
    if (codecType == CompressionUtil.CodecType.NO_COMPRESSION) {
      return NoCompressionCodec.INSTANCE;
    }
    return codecs.computeIfAbsent(
        codecType, type -> ArrowCompressions.forCodecType(type).createCodec(tableProperties));
  }

  @Override
  public CompressionCodec createCodec(CompressionUtil.CodecType codecType, int compressionLevel) {
    return createCodec(codecType);
  }

  @Override
  public void close() {
    for (CompressionCodec codec : codecs.values()) {
      closeCodec(codec);
    }
    codecs.clear();
  }

  /** Closes a codec if it holds resources (e.g. native ZSTD contexts). */
  static void closeCodec(CompressionCodec codec) {
    if (codec instanceof AutoCloseable) {
      try {
        ((AutoCloseable) codec).close();
      } catch (Exception e) {
        throw new IllegalStateException("failed to close the compression codec " + codec, e);
      }
    }
  }
}
