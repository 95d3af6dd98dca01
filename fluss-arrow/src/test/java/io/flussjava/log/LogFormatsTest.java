package io.flussjava.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flussjava.exception.InvalidConfigException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.zip.CRC32C;
import org.apache.arrow.vector.compression.CompressionCodec;
import org.apache.arrow.vector.compression.CompressionUtil;
import org.apache.arrow.vector.compression.NoCompressionCodec;
import org.junit.jupiter.api.Test;

/** The registries, change types and batch helpers. */
class LogFormatsTest {
  @Test
  void picksTheTableFormatDefaultingToArrow() {
    assertThat(LogFormats.forTable(Map.of()).name()).isEqualTo("ARROW");
    assertThat(LogFormats.forTable(Map.of("table.log.format", "compacted")).name())
        .isEqualTo("COMPACTED");
    assertThat(LogFormats.forTable(Map.of("table.log.format", "INDEXED")).name())
        .isEqualTo("INDEXED");
    assertThat(LogFormats.names()).contains("ARROW", "COMPACTED", "INDEXED");
  }

  @Test
  void unknownFormatListsTheKnownOnes() {
    assertThatThrownBy(() -> LogFormats.forTable(Map.of("table.log.format", "PARQUET")))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("PARQUET")
        .hasMessageContaining("ARROW")
        .hasMessageContaining("COMPACTED")
        .hasMessageContaining("INDEXED");
  }

  @Test
  void registersAnotherFormat() {
    LogFormatCodec custom =
        new LogFormatCodec() {
          @Override
          public String name() {
            return "Test-Format";
          }

          @Override
          public LogBatchWriter createWriter(LogWriteContext context) {
            throw new UnsupportedOperationException();
          }

          @Override
          public LogBatchReader createReader(LogReadContext context) {
            throw new UnsupportedOperationException();
          }
        };
    LogFormats.register(custom);
    assertThat(LogFormats.forTable(Map.of("table.log.format", "test-format"))).isSameAs(custom);
  }

  @Test
  void picksTheCompressionDefaultingToZstdLevel3() {
    assertThat(ArrowCompressions.forTable(Map.of()).name()).isEqualTo("ZSTD");
    assertThat(ArrowCompressions.zstdLevel(Map.of())).isEqualTo(3);
    assertThat(ArrowCompressions.zstdLevel(Map.of("table.log.arrow.compression.zstd.level", "9")))
        .isEqualTo(9);
    assertThat(ArrowCompressions.forName("lz4_frame").codecType())
        .isEqualTo(CompressionUtil.CodecType.LZ4_FRAME);
    assertThat(ArrowCompressions.forName("NONE").createCodec(Map.of()))
        .isSameAs(NoCompressionCodec.INSTANCE);
    assertThatThrownBy(() -> ArrowCompressions.forName("SNAPPY"))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("LZ4_FRAME");
    assertThatThrownBy(
            () ->
                ArrowCompressions.zstdLevel(
                    Map.of("table.log.arrow.compression.zstd.level", "high")))
        .isInstanceOf(InvalidConfigException.class);
  }

  @Test
  void registersAnotherCompression() {
    ArrowCompression custom =
        new ArrowCompression() {
          @Override
          public String name() {
            return "NONE_TOO";
          }

          @Override
          public CompressionUtil.CodecType codecType() {
            return CompressionUtil.CodecType.NO_COMPRESSION;
          }

          @Override
          public CompressionCodec createCodec(Map<String, String> tableProperties) {
            return NoCompressionCodec.INSTANCE;
          }
        };
    ArrowCompressions.register(custom);
    assertThat(ArrowCompressions.forTable(Map.of("table.log.arrow.compression.type", "none_too")))
        .isSameAs(custom);
  }

  @Test
  void changeTypesHaveTheirWireValues() {
    assertThat(ChangeType.values())
        .extracting(ChangeType::byteValue)
        .containsExactly((byte) 0, (byte) 1, (byte) 2, (byte) 3, (byte) 4);
    assertThat(ChangeType.values())
        .extracting(ChangeType::shortString)
        .containsExactly("+A", "+I", "-U", "+U", "-D");
    assertThat(ChangeType.fromByteValue((byte) 3)).isEqualTo(ChangeType.UPDATE_AFTER);
    assertThatThrownBy(() -> ChangeType.fromByteValue((byte) 5))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void assignWriterRewritesIdSequenceAndCrcOfV0AndV1Batches() {
    byte[] v0 = new byte[60];
    ByteBuffer header = ByteBuffer.wrap(v0).order(ByteOrder.LITTLE_ENDIAN);
    header.putInt(8, v0.length - 12).put(12, (byte) 0).putLong(32, -1L).putInt(40, -1);
    for (byte[] batch : new byte[][] {v0, LogFormatRoundTripTest.toV1(v0, 5, 6)}) {
      ByteBuffer buffer = ByteBuffer.allocate(batch.length + 3).position(3);
      buffer.put(batch).position(3);
      LogBatches.assignWriter(buffer, 1234L, 56);
      assertThat(buffer.position()).isEqualTo(3);
      ByteBuffer b = buffer.slice().order(ByteOrder.LITTLE_ENDIAN);
      int shift = batch[12] == 0 ? 0 : 4;
      assertThat(b.getLong(32 + shift)).isEqualTo(1234L);
      assertThat(b.getInt(40 + shift)).isEqualTo(56);
      CRC32C crc = new CRC32C();
      crc.update(b.slice(25 + shift, batch.length - 25 - shift));
      assertThat(b.getInt(21 + shift)).isEqualTo((int) crc.getValue());
      assertThat(LogBatches.sizeInBytes(buffer)).isEqualTo(batch.length);
    }
    assertThatThrownBy(() -> LogBatches.assignWriter(ByteBuffer.wrap(v0, 0, 40).slice(), 1, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
