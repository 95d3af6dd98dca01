package io.flussjava.arrow;

import io.flussjava.log.ArrowCompression;
import io.flussjava.log.ArrowCompressions;
import java.util.Map;
import org.apache.arrow.vector.compression.CompressionCodec;
import org.apache.arrow.vector.compression.CompressionUtil;

/**
 * {@code ZSTD}: each buffer is one Zstandard frame, at the level of {@value
 * ArrowCompressions#ZSTD_LEVEL_KEY}.
 */
public final class ZstdCompression implements ArrowCompression {
  public static final String NAME = "ZSTD";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public CompressionUtil.CodecType codecType() {
    return CompressionUtil.CodecType.ZSTD;
  }

  @Override
  public CompressionCodec createCodec(Map<String, String> tableProperties) {
    return new ZstdCodec(ArrowCompressions.zstdLevel(tableProperties));
  }
}
