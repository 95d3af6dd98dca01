package io.flussjava.types.codec;

import static io.flussjava.types.DataTypes.FIELD;
import static io.flussjava.types.codec.CodecTestSupport.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flussjava.types.DataTypes;
import io.flussjava.types.RowType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class CompactedRowCodecTest {

  /**
   * The row type of the first vector of facts sheet section 4.3, checked against the real 0.9.1
   * jar.
   */
  private static final RowType VECTOR_ROW =
      DataTypes.ROW(
          FIELD("i", DataTypes.INT().notNull()),
          FIELD("s", DataTypes.STRING()),
          FIELD("b", DataTypes.BIGINT()),
          FIELD("d", DataTypes.DECIMAL(10, 2)),
          FIELD("ts", DataTypes.TIMESTAMP(6)),
          FIELD("f", DataTypes.BOOLEAN()),
          FIELD("x", DataTypes.DOUBLE()),
          FIELD("sm", DataTypes.SMALLINT()));

  private static final Object[] VECTOR_VALUES = {
    -1,
    "hi",
    300L,
    new BigDecimal("12.34"),
    // 1000 ms + 5000 ns after the epoch
    LocalDateTime.of(1970, 1, 1, 0, 0, 1, 5000),
    true,
    1.5d,
    (short) 7
  };

  @Test
  void encodesTheFirstReferenceVector() {
    byte[] encoded = new CompactedRowWriter(VECTOR_ROW).encode(VECTOR_VALUES);
    assertThat(hex(encoded))
        .isEqualTo(hex(hex("00 ffffffff0f 026869 ac02 d209 e807 8827 01 000000000000f83f 0700")));
  }

  @Test
  void decodesTheFirstReferenceVector() {
    Object[] read =
        new CompactedRowReader(VECTOR_ROW)
            .read(hex("00 ffffffff0f 026869 ac02 d209 e807 8827 01 000000000000f83f 0700"));
    assertThat(read).containsExactly(VECTOR_VALUES);
  }

  @Test
  void encodesTheNullBitsetVector() {
    RowType row =
        DataTypes.ROW(
            FIELD("a", DataTypes.INT()),
            FIELD("b", DataTypes.INT()),
            FIELD("c", DataTypes.INT()),
            FIELD("d", DataTypes.INT()),
            FIELD("e", DataTypes.INT()),
            FIELD("f", DataTypes.INT()),
            FIELD("g", DataTypes.INT()),
            FIELD("h", DataTypes.INT()));
    Object[] values = {5, null, null, null, null, null, null, null};
    assertThat(hex(new CompactedRowWriter(row).encode(values))).isEqualTo("fe05");
    assertThat(new CompactedRowReader(row).read(hex("fe05"))).containsExactly(values);
  }

  @Test
  void ninthFieldUsesASecondBitsetByte() {
    RowType nine =
        DataTypes.ROW(
            FIELD("f0", DataTypes.TINYINT()),
            FIELD("f1", DataTypes.TINYINT()),
            FIELD("f2", DataTypes.TINYINT()),
            FIELD("f3", DataTypes.TINYINT()),
            FIELD("f4", DataTypes.TINYINT()),
            FIELD("f5", DataTypes.TINYINT()),
            FIELD("f6", DataTypes.TINYINT()),
            FIELD("f7", DataTypes.TINYINT()),
            FIELD("f8", DataTypes.TINYINT()));
    Object[] values = {(byte) 1, null, null, null, null, null, null, null, null};
    assertThat(hex(new CompactedRowWriter(nine).encode(values))).isEqualTo("fe0101");
    assertThat(new CompactedRowReader(nine).read(hex("fe0101"))).containsExactly(values);
  }

  @Test
  void roundTripsEveryScalarType() {
    RowType row =
        DataTypes.ROW(
            FIELD("bool", DataTypes.BOOLEAN()),
            FIELD("tiny", DataTypes.TINYINT()),
            FIELD("small", DataTypes.SMALLINT()),
            FIELD("int", DataTypes.INT()),
            FIELD("big", DataTypes.BIGINT()),
            FIELD("float", DataTypes.FLOAT()),
            FIELD("double", DataTypes.DOUBLE()),
            FIELD("dec18", DataTypes.DECIMAL(18, 4)),
            FIELD("dec38", DataTypes.DECIMAL(38, 10)),
            FIELD("char", DataTypes.CHAR(4)),
            FIELD("string", DataTypes.STRING()),
            FIELD("binary", DataTypes.BINARY(3)),
            FIELD("bytes", DataTypes.BYTES()),
            FIELD("date", DataTypes.DATE()),
            FIELD("time", DataTypes.TIME(3)),
            FIELD("ts3", DataTypes.TIMESTAMP(3)),
            FIELD("ts9", DataTypes.TIMESTAMP(9)),
            FIELD("ltz3", DataTypes.TIMESTAMP_LTZ(3)),
            FIELD("ltz6", DataTypes.TIMESTAMP_LTZ(6)));
    Object[] values = {
      false,
      (byte) -128,
      (short) -2,
      Integer.MIN_VALUE,
      Long.MIN_VALUE,
      -0.0f,
      Double.NaN,
      new BigDecimal("-12345678901234.5678"),
      new BigDecimal("-1234567890123456789012345678.0123456789"),
      "äb",
      "héllo \uD83D\uDE00 wörld",
      new byte[] {1, 2, 3},
      new byte[0],
      LocalDate.of(1969, 12, 31),
      LocalTime.of(23, 59, 59, 999_000_000),
      LocalDateTime.of(1900, 1, 1, 0, 0, 0, 1_000_000),
      LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_999),
      Instant.parse("2024-02-29T12:00:00.123Z"),
      Instant.parse("1960-01-01T00:00:00.000001Z")
    };
    CompactedRowWriter writer = new CompactedRowWriter(row);
    byte[] encoded = writer.encode(values);
    assertThat(new CompactedRowReader(row).read(encoded)).containsExactly(values);
    // The same writer, reused, writes the same bytes again.
    assertThat(writer.encode(values)).isEqualTo(encoded);
  }

  @Test
  void dropsDigitsBeyondWhatTheFormatStores() {
    RowType row =
        DataTypes.ROW(
            FIELD("ts", DataTypes.TIMESTAMP(3)),
            FIELD("t", DataTypes.TIME(6)),
            FIELD("ltz", DataTypes.TIMESTAMP_LTZ(0)));
    Object[] values = {
      LocalDateTime.of(2024, 1, 1, 0, 0, 0, 1_234_567),
      LocalTime.of(1, 2, 3, 456_789_000),
      Instant.ofEpochSecond(10, 987_654_321)
    };
    Object[] read = new CompactedRowReader(row).read(new CompactedRowWriter(row).encode(values));
    assertThat(read)
        .containsExactly(
            LocalDateTime.of(2024, 1, 1, 0, 0, 0, 1_000_000),
            LocalTime.of(1, 2, 3, 456_000_000),
            Instant.ofEpochSecond(10, 987_000_000));
  }

  @Test
  void appendsToACallersOutputAndGrowsIt() {
    RowType row = DataTypes.ROW(FIELD("s", DataTypes.STRING()), FIELD("n", DataTypes.INT()));
    ByteArrayOutput out = new ByteArrayOutput(1);
    out.writeByte(0x7f);
    String longText = "x".repeat(300);
    int written = new CompactedRowWriter(row).writeRow(new Object[] {longText, null}, out);
    byte[] bytes = out.toByteArray();
    assertThat(written).isEqualTo(1 + 2 + 300);
    assertThat(bytes[0]).isEqualTo((byte) 0x7f);
    assertThat(bytes[1]).isEqualTo((byte) 0b10); // second field null
    assertThat(new CompactedRowReader(row).read(bytes, 1, written)).containsExactly(longText, null);
  }

  @Test
  void rejectsTruncatedAndOverlongRows() {
    CompactedRowReader reader =
        new CompactedRowReader(DataTypes.ROW(FIELD("s", DataTypes.STRING())));
    assertThatThrownBy(() -> reader.read(hex("00 05 6869")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs 5 more bytes");
    assertThatThrownBy(() -> reader.read(hex("00 01 68 ff")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 bytes left");
    assertThatThrownBy(() -> reader.read(new byte[0])).hasMessageContaining("null bitset");
  }

  @Test
  void nestedTypesCannotBeKeys() {
    RowType rowType = DataTypes.ROW(FIELD("a", DataTypes.ARRAY(DataTypes.INT())));
    assertThatThrownBy(() -> new CompactedKeyEncoder(rowType, new int[] {0}))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("'a'");
  }
}
