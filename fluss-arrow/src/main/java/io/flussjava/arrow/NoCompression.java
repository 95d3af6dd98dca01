package io.flussjava.arrow;

import io.flussjava.log.ArrowCompression;
import java.util.Map;
import org.apache.arrow.vector.compression.CompressionCodec;
import org.apache.arrow.vector.compression.CompressionUtil;
import org.apache.arrow.vector.compression.NoCompressionCodec;

/** {@code NONE}: buffers are stored as they are, and the batch has no BodyCompression field. */
public final class NoCompression implements ArrowCompression {
  public static final String NAME = "NONE";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public CompressionUtil.CodecType codecType() {
    return CompressionUtil.CodecType.NO_COMPRESSION;
  }

  @Override
  public CompressionCodec createCodec(Map<String, String> tableProperties) {
    return NoCompressionCodec.INSTANCE;
  }
}
