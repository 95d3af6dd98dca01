package io.flussjava.arrow;

import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;
import net.jpountz.xxhash.XXHashFactory;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.compression.AbstractCompressionCodec;
import org.apache.arrow.vector.compression.CompressionUtil;

/**
 * Arrow LZ4_FRAME buffer compression with lz4-java's block codec, writing the LZ4 frame format
 * directly between off-heap buffers: the frame shape Fluss writes and accepts, i.e. format version
 * 1, independent blocks of at most 64 KB, no block or content checksums, no content size. Any frame
 * with independent blocks is read (checksums and the content size are skipped, not verified).
 * {@link AbstractCompressionCodec} adds the 8-byte uncompressed-length prefix and stores
 * incompressible buffers raw (prefix -1). Not thread-safe: it keeps one block's staging arrays.
 */
public final class Lz4FrameCodec extends AbstractCompressionCodec {
  private static final int MAGIC = 0x184D2204;
  private static final int BLOCK_SIZE = 64 * 1024;

  /** FLG: version 01, block independence; no checksums, no content size, no dictionary. */
  private static final byte FLG = 0x60;

  /** BD: maximum block size code 4 (64 KB). */
  private static final byte BD = 0x40;

  private static final byte HEADER_CHECKSUM =
      (byte)
          ((XXHashFactory.fastestInstance().hash32().hash(new byte[] {FLG, BD}, 0, 2, 0) >> 8)
              & 0xFF);
  private static final int FRAME_HEADER_SIZE = 7; // magic, FLG, BD, HC
  private static final int UNCOMPRESSED_BLOCK_FLAG = 0x80000000;

  private static final int FLG_VERSION_MASK = 0xC0;
  private static final int FLG_VERSION_1 = 0x40;
  private static final int FLG_BLOCK_INDEPENDENCE = 0x20;
  private static final int FLG_BLOCK_CHECKSUM = 0x10;
  private static final int FLG_CONTENT_SIZE = 0x08;
  private static final int FLG_CONTENT_CHECKSUM = 0x04;
  private static final int FLG_DICTIONARY_ID = 0x01;

  private static final LZ4Compressor COMPRESSOR = LZ4Factory.fastestInstance().fastCompressor();
  private static final LZ4SafeDecompressor DECOMPRESSOR =
      LZ4Factory.fastestInstance().safeDecompressor();

  // Staging arrays for one block: lz4-java works on arrays or ByteBuffers, and ByteBuffer views of
  // Arrow memory
  // would need --add-opens java.base/java.nio on Java 17. Copying 64 KB blocks costs little next to
  // LZ4 itself.
  private byte[] plainBlock = new byte[BLOCK_SIZE];
  private byte[] packedBlock = new byte[COMPRESSOR.maxCompressedLength(BLOCK_SIZE)];

  @Override
  protected ArrowBuf doCompress(BufferAllocator allocator, ArrowBuf uncompressed) {
    int sourceLength = Math.toIntExact(uncompressed.writerIndex());
    int blocks = (sourceLength + BLOCK_SIZE - 1) / BLOCK_SIZE;
    long capacity =
        CompressionUtil.SIZE_OF_UNCOMPRESSED_LENGTH
            + FRAME_HEADER_SIZE
            + (long) blocks * (4 + COMPRESSOR.maxCompressedLength(BLOCK_SIZE))
            + 4;
    ArrowBuf compressed = allocator.buffer(capacity);
    try {
      long position = CompressionUtil.SIZE_OF_UNCOMPRESSED_LENGTH;
      compressed.setInt(position, MAGIC);
      compressed.setByte(position + 4, FLG);
      compressed.setByte(position + 5, BD);
      compressed.setByte(position + 6, HEADER_CHECKSUM);
      position += FRAME_HEADER_SIZE;
      for (int from = 0; from < sourceLength; from += BLOCK_SIZE) {
        int length = Math.min(BLOCK_SIZE, sourceLength - from);
        uncompressed.getBytes(from, plainBlock, 0, length);
        int written =
            COMPRESSOR.compress(plainBlock, 0, length, packedBlock, 0, packedBlock.length);
        if (written >= length) {
          compressed.setInt(position, length | UNCOMPRESSED_BLOCK_FLAG);
          compressed.setBytes(position + 4, plainBlock, 0, length);
          position += 4 + length;
        } else {
          compressed.setInt(position, written);
          compressed.setBytes(position + 4, packedBlock, 0, written);
          position += 4 + written;
        }
      }
      compressed.setInt(position, 0); // end mark
      compressed.writerIndex(position + 4);
      return compressed;
    } catch (RuntimeException e) {
      compressed.close();
      throw e;
    }
  }

  @Override
  protected ArrowBuf doDecompress(BufferAllocator allocator, ArrowBuf compressed) {
    long length = readUncompressedLength(compressed);
    long end = compressed.writerIndex();
    ArrowBuf uncompressed = allocator.buffer(length);
    try {
      long position = CompressionUtil.SIZE_OF_UNCOMPRESSED_LENGTH;
      if (end - position < FRAME_HEADER_SIZE || compressed.getInt(position) != MAGIC) {
        throw new IllegalStateException("not an LZ4 frame (bad magic)");
      }
      int flg = compressed.getByte(position + 4) & 0xFF;
      if ((flg & FLG_VERSION_MASK) != FLG_VERSION_1) {
        throw new IllegalStateException(
            "unsupported LZ4 frame version in FLG " + Integer.toHexString(flg));
      }
      if ((flg & FLG_BLOCK_INDEPENDENCE) == 0) {
        throw new IllegalStateException("LZ4 frames with dependent blocks are not supported");
      }
      int maxBlock =
          1
              << (8
                  + 2
                      * ((compressed.getByte(position + 5) >> 4)
                          & 0x7)); // 4 -> 64 KB ... 7 -> 4 MB
      position +=
          6
              + ((flg & FLG_CONTENT_SIZE) != 0 ? 8 : 0)
              + ((flg & FLG_DICTIONARY_ID) != 0 ? 4 : 0)
              + 1;
      int blockChecksum = (flg & FLG_BLOCK_CHECKSUM) != 0 ? 4 : 0;
      long written = 0;
      while (true) {
        if (end - position < 4) {
          throw new IllegalStateException("LZ4 frame ends without an end mark");
        }
        int header = compressed.getInt(position);
        position += 4;
        if (header == 0) {
          break;
        }
        int blockLength = header & ~UNCOMPRESSED_BLOCK_FLAG;
        if (blockLength > end - position) {
          throw new IllegalStateException(
              "LZ4 block of " + blockLength + " bytes runs past the buffer");
        }
        if ((header & UNCOMPRESSED_BLOCK_FLAG) != 0) {
          if (blockLength > length - written) {
            throw new IllegalStateException(
                "LZ4 frame holds more than the promised " + length + " bytes");
          }
          uncompressed.setBytes(written, compressed, position, blockLength);
          written += blockLength;
        } else {
          if (packedBlock.length < blockLength) {
            packedBlock = new byte[blockLength];
          }
          int room = (int) Math.min(length - written, maxBlock);
          if (plainBlock.length < room) {
            plainBlock = new byte[room];
          }
          compressed.getBytes(position, packedBlock, 0, blockLength);
          int plain = DECOMPRESSOR.decompress(packedBlock, 0, blockLength, plainBlock, 0, room);
          uncompressed.setBytes(written, plainBlock, 0, plain);
          written += plain;
        }
        position += blockLength + blockChecksum;
      }
      if (written != length) {
        throw new IllegalStateException(
            "LZ4 frame decompressed to " + written + " bytes, its prefix promised " + length);
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
    return CompressionUtil.CodecType.LZ4_FRAME;
  }
}
