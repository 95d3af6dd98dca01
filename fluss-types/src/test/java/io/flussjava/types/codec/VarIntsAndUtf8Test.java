package io.flussjava.types.codec;

import static io.flussjava.types.codec.CodecTestSupport.hex;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class VarIntsAndUtf8Test {

  @Test
  void varintsAreUnsignedLeb128WithoutZigzag() {
    assertThat(varInt(0)).isEqualTo("00");
    assertThat(varInt(127)).isEqualTo("7f");
    assertThat(varInt(128)).isEqualTo("8001");
    assertThat(varInt(300)).isEqualTo("ac02");
    assertThat(varInt(-1)).isEqualTo("ffffffff0f");
    assertThat(varInt(Integer.MIN_VALUE)).isEqualTo("8080808008");
    assertThat(varLong(-1L)).isEqualTo("ffffffffffffffffff01");
    assertThat(varLong(Long.MAX_VALUE)).isEqualTo("ffffffffffffffff7f");
  }

  @Test
  void sizesAndReadsAgreeWithWrites() {
    int[] ints = {
      0,
      1,
      127,
      128,
      16_383,
      16_384,
      2_097_151,
      2_097_152,
      268_435_455,
      268_435_456,
      Integer.MAX_VALUE,
      -1,
      Integer.MIN_VALUE
    };
    ByteArrayOutput out = new ByteArrayOutput(1);
    ByteArrayInput in = new ByteArrayInput();
    for (int value : ints) {
      out.reset();
      out.writeVarInt(value);
      assertThat(out.position()).as("size of %d", value).isEqualTo(VarInts.sizeOfInt(value));
      in.reset(out.array(), 0, out.position());
      assertThat(in.readVarInt()).isEqualTo(value);
    }
    long[] longs = {0, 1L << 35, Long.MAX_VALUE, Long.MIN_VALUE, -1L, 1_700_000_000_000L};
    for (long value : longs) {
      out.reset();
      out.writeVarLong(value);
      assertThat(out.position()).isEqualTo(VarInts.sizeOfLong(value));
      in.reset(out.array(), 0, out.position());
      assertThat(in.readVarLong()).isEqualTo(value);
    }
  }

  @Test
  void utf8MatchesTheJdkIncludingBrokenSurrogates() {
    String[] samples = {
      "",
      "ascii",
      "é",
      "€",
      "\uD83D\uDE00",
      "a\uD800b",
      "\uDC00",
      "end\uD83D",
      "mixed ä € \uD83D\uDE00 x"
    };
    for (String sample : samples) {
      byte[] expected = sample.getBytes(StandardCharsets.UTF_8);
      byte[] buffer = new byte[expected.length];
      assertThat(Utf8.encode(sample, buffer, 0)).isEqualTo(expected.length);
      assertThat(buffer).as(sample).isEqualTo(expected);
    }
  }

  private static String varInt(int value) {
    ByteArrayOutput out = new ByteArrayOutput(1);
    out.writeVarInt(value);
    return hex(out.toByteArray());
  }

  private static String varLong(long value) {
    ByteArrayOutput out = new ByteArrayOutput(1);
    out.writeVarLong(value);
    return hex(out.toByteArray());
  }
}
