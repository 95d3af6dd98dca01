package io.flussjava.arrow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Random;
import net.jpountz.lz4.LZ4FrameInputStream;
import net.jpountz.lz4.LZ4FrameOutputStream;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.compression.CompressionCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The buffer codecs: round trips, the Arrow length prefix, and LZ4 frames interchangeable with
 * lz4-java's streams.
 */
class CompressionCodecTest {
  private BufferAllocator allocator;

  @BeforeEach
  void openAllocator() {
    allocator = new RootAllocator();
  }

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  private static byte[] data(int length, boolean compressible) {
    byte[] bytes = new byte[length];
    Random random = new Random(length);
    for (int i = 0; i < length; i++) {
      bytes[i] =
          compressible ? (byte) ("fluss-" + (i / 64)).charAt(i % 6) : (byte) random.nextInt();
    }
    return bytes;
  }

  private ArrowBuf buffer(byte[] bytes) {
    ArrowBuf buffer = allocator.buffer(Math.max(1, bytes.length));
    buffer.setBytes(0, bytes);
    buffer.writerIndex(bytes.length);
    return buffer;
  }

  private static byte[] bytes(ArrowBuf buffer) {
    byte[] bytes = new byte[(int) buffer.writerIndex()];
    buffer.getBytes(0, bytes);
    return bytes;
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 100, 65_535, 65_536, 65_537, 300_000})
  void roundTripsCompressibleAndRandomBuffers(int length) {
    for (CompressionCodec codec :
        new CompressionCodec[] {new Lz4FrameCodec(), new ZstdCodec(3), new ZstdCodec(-1)}) {
      for (boolean compressible : new boolean[] {true, false}) {
        byte[] original = data(length, compressible);
        ArrowBuf compressed =
            codec.compress(allocator, buffer(original)); // takes the input's reference
        long prefix = compressed.getLong(0);
        if (length == 0) {
          assertThat(prefix).isZero();
        } else if (compressible && length > 100) {
          assertThat(prefix).as("uncompressed length prefix").isEqualTo(length);
          assertThat(compressed.writerIndex()).isLessThan(length);
        } else if (!compressible && length > 100) {
          assertThat(prefix).as("incompressible: stored raw").isEqualTo(-1L);
        }
        try (ArrowBuf decompressed = codec.decompress(allocator, compressed)) {
          assertThat(bytes(decompressed)).isEqualTo(original);
        }
      }
    }
  }

  @Test
  void lz4FramesAreReadableByLz4JavaStreamsAndTheOtherWayRound() throws IOException {
    Lz4FrameCodec codec = new Lz4FrameCodec();
    byte[] original = data(200_000, true);
    ArrowBuf compressed = codec.compress(allocator, buffer(original));
    byte[] frame = new byte[(int) compressed.writerIndex() - 8];
    compressed.getBytes(8, frame);
    compressed.close();
    assertThat(frame[4]).as("FLG: version 1, independent blocks").isEqualTo((byte) 0x60);
    assertThat(frame[5]).as("BD: 64 KB blocks").isEqualTo((byte) 0x40);
    try (InputStream in = new LZ4FrameInputStream(new ByteArrayInputStream(frame))) {
      assertThat(in.readAllBytes()).isEqualTo(original);
    }

    for (LZ4FrameOutputStream.BLOCKSIZE size :
        new LZ4FrameOutputStream.BLOCKSIZE[] {
          LZ4FrameOutputStream.BLOCKSIZE.SIZE_64KB, LZ4FrameOutputStream.BLOCKSIZE.SIZE_256KB
        }) {
      ByteArrayOutputStream streamed = new ByteArrayOutputStream();
      try (OutputStream out =
          new LZ4FrameOutputStream(
              streamed,
              size,
              original.length,
              LZ4FrameOutputStream.FLG.Bits.BLOCK_INDEPENDENCE,
              LZ4FrameOutputStream.FLG.Bits.CONTENT_SIZE,
              LZ4FrameOutputStream.FLG.Bits.CONTENT_CHECKSUM,
              LZ4FrameOutputStream.FLG.Bits.BLOCK_CHECKSUM)) {
        out.write(original);
      }
      byte[] foreign = streamed.toByteArray();
      ArrowBuf prefixed = allocator.buffer(8 + foreign.length);
      prefixed.setLong(0, original.length);
      prefixed.setBytes(8, foreign);
      prefixed.writerIndex(8 + foreign.length);
      try (ArrowBuf decompressed = codec.decompress(allocator, prefixed)) {
        assertThat(bytes(decompressed)).isEqualTo(original);
      }
    }
  }

  @Test
  void rejectsLz4FramesWithDependentBlocks() throws IOException {
    ByteArrayOutputStream streamed = new ByteArrayOutputStream();
    try (OutputStream out =
        new LZ4FrameOutputStream(streamed, LZ4FrameOutputStream.BLOCKSIZE.SIZE_64KB)) {
      out.write(data(1000, true));
    }
    byte[] foreign = streamed.toByteArray();
    foreign[4] &= ~0x20; // clear block independence (the header checksum is not verified)
    ArrowBuf prefixed = allocator.buffer(8 + foreign.length);
    prefixed.setLong(0, 1000);
    prefixed.setBytes(8, foreign);
    prefixed.writerIndex(8 + foreign.length);
    try {
      assertThatThrownBy(() -> new Lz4FrameCodec().decompress(allocator, prefixed))
          .hasMessageContaining("dependent blocks");
    } finally {
      prefixed.close();
    }
  }
}
