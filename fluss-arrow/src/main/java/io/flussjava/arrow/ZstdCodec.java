package io.flussjava.arrow;

import com.github.luben.zstd.Zstd;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.compression.AbstractCompressionCodec;
import org.apache.arrow.vector.compression.CompressionUtil;

/**
 * Arrow ZSTD buffer compression through zstd-jni, straight between off-heap buffers by address (no
 * {@code ByteBuffer} views, so no {@code --add-opens} is needed). {@link AbstractCompressionCodec}
 * adds the 8-byte uncompressed-length prefix and stores incompressible buffers raw (prefix -1).
 * Stateless, hence thread-safe.
 */
public final class ZstdCodec extends AbstractCompressionCodec {
  private final int level;

  public ZstdCodec(int level) {
    this.level = level;
  }

  @Override
  protected ArrowBuf doCompress(BufferAllocator allocator, ArrowBuf uncompressed) {
    long sourceLength = uncompressed.writerIndex();
    long bound = Zstd.compressBound(sourceLength);
    ArrowBuf compressed = allocator.buffer(CompressionUtil.SIZE_OF_UNCOMPRESSED_LENGTH + bound);
    try {
      long written =
          Zstd.compressUnsafe(
              compressed.memoryAddress() + CompressionUtil.SIZE_OF_UNCOMPRESSED_LENGTH,
              bound,
              uncompressed.memoryAddress(),
              sourceLength,
              level);
      if (Zstd.isError(written)) {
        throw new IllegalStateException("ZSTD compression failed: " + Zstd.getErrorName(written));
      }
      compressed.writerIndex(CompressionUtil.SIZE_OF_UNCOMPRESSED_LENGTH + written);
      return compressed;
    } catch (RuntimeException e) {
      compressed.close();
      throw e;
    }
  }

  @Override
  protected ArrowBuf doDecompress(BufferAllocator allocator, ArrowBuf compressed) {
    long length = readUncompressedLength(compressed);
    long sourceLength = compressed.writerIndex() - CompressionUtil.SIZE_OF_UNCOMPRESSED_LENGTH;
    ArrowBuf uncompressed = allocator.buffer(length);
    try {
      long written =
          Zstd.decompressUnsafe(
              uncompressed.memoryAddress(),
              length,
              compressed.memoryAddress() + CompressionUtil.SIZE_OF_UNCOMPRESSED_LENGTH,
              sourceLength);
      if (Zstd.isError(written)) {
        throw new IllegalStateException("ZSTD decompression failed: " + Zstd.getErrorName(written));
      }
      if (written != length) {
        throw new IllegalStateException(
            "ZSTD buffer decompressed to " + written + " bytes, its prefix promised " + length);
      }
      uncompressed.writerIndex(length);
      return uncompressed;
    } catch (RuntimeException e) {
      uncompressed.close();
      throw e;
    }
  }

  @Override
  public CompressionUtil.CodecType getCodecType() {
    return CompressionUtil.CodecType.ZSTD;
  }
}
