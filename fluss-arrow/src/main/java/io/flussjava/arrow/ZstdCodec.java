package io.flussjava.arrow;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.compression.AbstractCompressionCodec;
import org.apache.arrow.vector.compression.CompressionUtil;

/**
 * Arrow ZSTD buffer compression through zstd-jni, straight between off-heap buffers. Keeps one native compression and
 * one decompression context for its lifetime (created on first use), so it is not thread-safe and must be closed.
 * {@link AbstractCompressionCodec} adds the 8-byte uncompressed-length prefix and stores incompressible buffers raw
 * (prefix -1).
 */
public final class ZstdCodec extends AbstractCompressionCodec implements AutoCloseable {
  private final int level;
  private ZstdCompressCtx compressor;
  private ZstdDecompressCtx decompressor;

  public ZstdCodec(int level) {
    this.level = level;
  }

  @Override
  protected ArrowBuf doCompress(BufferAllocator allocator, ArrowBuf uncompressed) {
    if (compressor == null) {
      compressor = new ZstdCompressCtx().setLevel(level);
    }
    long sourceLength = uncompressed.writerIndex();
    long bound = Zstd.compressBound(sourceLength);
    long capacity = CompressionUtil.SIZE_OF_UNCOMPRESSED_LENGTH + bound;
    ArrowBuf compressed = allocator.buffer(capacity);
    try {
      int written = compressor.compressDirectByteBuffer(
          compressed.nioBuffer(0, (int) capacity), (int) CompressionUtil.SIZE_OF_UNCOMPRESSED_LENGTH, (int) bound,
          uncompressed.nioBuffer(0, (int) sourceLength), 0, (int) sourceLength);
      compressed.writerIndex(CompressionUtil.SIZE_OF_UNCOMPRESSED_LENGTH + written);
      return compressed;
    } catch (RuntimeException e) {
      compressed.close();
      throw e;
    }
  }

  @Override
  protected ArrowBuf doDecompress(BufferAllocator allocator, ArrowBuf compressed) {
    if (decompressor == null) {
      decompressor = new ZstdDecompressCtx();
    }
    long length = readUncompressedLength(compressed);
    int sourceLength = (int) (compressed.writerIndex() - CompressionUtil.SIZE_OF_UNCOMPRESSED_LENGTH);
    ArrowBuf uncompressed = allocator.buffer(length);
    try {
      int written = decompressor.decompressDirectByteBuffer(
          uncompressed.nioBuffer(0, (int) length), 0, (int) length,
          compressed.nioBuffer(CompressionUtil.SIZE_OF_UNCOMPRESSED_LENGTH, sourceLength), 0, sourceLength);
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

  @Override
  public void close() {
    if (compressor != null) {
      compressor.close();
      compressor = null;
    }
    if (decompressor != null) {
      decompressor.close();
      decompressor = null;
    }
  }
}
