package io.flussjava.log;

import java.util.Map;
import org.apache.arrow.vector.compression.CompressionCodec;
import org.apache.arrow.vector.compression.CompressionUtil;

/**
 * One Arrow IPC body compression ({@code table.log.arrow.compression.type}) for the ARROW log
 * format: NONE, LZ4_FRAME and ZSTD are built in, and {@link ArrowCompressions} finds them by name.
 * Arrow batches can only declare the codec types Arrow knows ({@link CompressionUtil.CodecType}),
 * so a user implementation is another implementation of one of those (for example a ZSTD with a
 * dictionary-free native fast path), registered under its own name or a built-in's. Implementations
 * must be thread-safe; the codecs they create need not be.
 */
public interface ArrowCompression {
  /** The name the table property uses, e.g. {@code ZSTD}. Compared case-insensitively. */
  String name();

  /** The codec type batches written with this compression declare, and that it can decode. */
  CompressionUtil.CodecType codecType();

  /**
   * A new codec, configured from the table properties (e.g. the ZSTD level). Used by one writer or
   * reader at a time; if it is {@link AutoCloseable}, its owner closes it.
   */
  CompressionCodec createCodec(Map<String, String> tableProperties);
}
