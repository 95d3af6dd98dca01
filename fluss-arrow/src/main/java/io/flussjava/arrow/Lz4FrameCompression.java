package io.flussjava.arrow;

import io.flussjava.log.ArrowCompression;
import java.util.Map;
import org.apache.arrow.vector.compression.CompressionCodec;
import org.apache.arrow.vector.compression.CompressionUtil;

/**
 * {@code LZ4_FRAME}: each buffer is one LZ4 frame of independent 64 KB blocks, see {@link
 * Lz4FrameCodec}.
 */
public final class Lz4FrameCompression implements ArrowCompression {
  public static final String NAME = "LZ4_FRAME";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public CompressionUtil.CodecType codecType() {
    return CompressionUtil.CodecType.LZ4_FRAME;
  }

  @Override
  public CompressionCodec createCodec(Map<String, String> tableProperties) {
    return new Lz4FrameCodec();
  }
}
