package io.flussjava.types.codec;

import static io.flussjava.types.DataTypes.FIELD;
import static io.flussjava.types.codec.CodecTestSupport.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flussjava.types.DataType;
import io.flussjava.types.DataTypes;
import io.flussjava.types.RowType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Binary arrays and maps byte for byte (layouts of the Fluss 0.9.1 sources), and nested values in
 * CompactedRows.
 */
class BinaryArrayCodecTest {

  private static byte[] encode(DataType elementType, List<?> values) {
    ByteArrayOutput out = new ByteArrayOutput(16);
    new BinaryArrayCodec(elementType, CompactedRowCodec::new).write(values, out);
    return out.toByteArray();
  }

  private static List<Object> decode(DataType elementType, byte[] bytes) {
    return new BinaryArrayCodec(elementType, CompactedRowCodec::new).read(bytes, 0, bytes.length);
  }

  @Test
  void intArrayWithANullIsCountBitsSlotsAndPadding() {
    List<Object> values = Arrays.asList(1, null, 3);
    byte[] bytes = encode(DataTypes.INT(), values);
    assertThat(hex(bytes))
        .isEqualTo(hex(hex("03000000 02000000 01000000 00000000 03000000 00000000")));
    assertThat(decode(DataTypes.INT(), bytes)).isEqualTo(values);
  }

  @Test
  void shortStringsSitInTheirSlotAndLongOnesInTheVariablePart() {
    List<Object> values = List.of("a", "hello world!");
    byte[] bytes = encode(DataTypes.STRING(), values);
    assertThat(hex(bytes))
        .isEqualTo(
            hex(
                hex(
                    "02000000 00000000 6100000000000081 0c00000018000000 68656c6c6f20776f726c6421 00000000")));
    assertThat(decode(DataTypes.STRING(), bytes)).isEqualTo(values);
  }

  @Test
  void emptyArrayIsEightBytes() {
    assertThat(hex(encode(DataTypes.BIGINT(), List.of()))).isEqualTo("0000000000000000");
    assertThat(decode(DataTypes.BIGINT(), new byte[8])).isEmpty();
  }

  @Test
  void thirtyThreeElementsTakeTwoWordsOfNullBits() {
    List<Object> values = new ArrayList<>(Collections.nCopies(33, (Object) (byte) 7));
    values.set(32, null);
    byte[] bytes = encode(DataTypes.TINYINT(), values);
    // 4 count + 8 null bits + 33 slots = 45, padded to 48
    assertThat(bytes).hasSize(48);
    assertThat(bytes[4 + 4]).isEqualTo((byte) 1); // bit 32 is bit 0 of byte 4 of the bitset
    assertThat(decode(DataTypes.TINYINT(), bytes)).isEqualTo(values);
  }

  @Test
  void everyElementTypeRoundTrips() {
    check(DataTypes.BOOLEAN(), true, false, null);
    check(DataTypes.SMALLINT(), Short.MIN_VALUE, (short) 0, Short.MAX_VALUE);
    check(DataTypes.BIGINT(), Long.MIN_VALUE, null, Long.MAX_VALUE);
    check(DataTypes.FLOAT(), Float.NaN, -0.0f, Float.MAX_VALUE);
    check(DataTypes.DOUBLE(), Double.NEGATIVE_INFINITY, Double.MIN_VALUE);
    check(DataTypes.DECIMAL(10, 2), new BigDecimal("-99999999.99"), new BigDecimal("0.01"));
    check(
        DataTypes.DECIMAL(38, 10),
        new BigDecimal("-9999999999999999999999999999.9999999999"),
        null,
        new BigDecimal("0.0000000001"));
    check(DataTypes.CHAR(3), "abc", "日本");
    check(DataTypes.STRING(), "", "1234567", "12345678", "日本語のテキスト", "😀");
    check(DataTypes.DATE(), LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31));
    check(DataTypes.TIME(), LocalTime.MIDNIGHT, LocalTime.of(23, 59, 59, 999_000_000));
    check(DataTypes.TIMESTAMP(3), LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_000_000));
    check(
        DataTypes.TIMESTAMP(9),
        LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_999),
        null,
        LocalDateTime.of(2262, 4, 11, 23, 47, 16, 854_775_807));
    check(DataTypes.TIMESTAMP_LTZ(3), Instant.parse("1969-12-31T23:59:59.999Z"));
    check(DataTypes.TIMESTAMP_LTZ(6), Instant.parse("0001-01-01T00:00:00.000001Z"), null);
    check(
        DataTypes.ARRAY(DataTypes.STRING()),
        List.of(),
        Arrays.asList("x", null),
        null,
        List.of("a long string"));
    check(
        DataTypes.MAP(DataTypes.INT().notNull(), DataTypes.STRING()),
        Map.of(),
        null,
        map(1, "one", 2, null));
    check(
        DataTypes.ROW(FIELD("a", DataTypes.INT()), FIELD("b", DataTypes.STRING())),
        Arrays.asList(1, "b"),
        Arrays.asList(null, null),
        null);
  }

  @Test
  void bytesCompareByContent() {
    byte[] bytes =
        encode(
            DataTypes.BYTES(), List.of(new byte[] {1, 2}, new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8}));
    List<Object> read = decode(DataTypes.BYTES(), bytes);
    assertThat((byte[]) read.get(0)).containsExactly(1, 2);
    assertThat((byte[]) read.get(1)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8);
  }

  @Test
  void mapIsKeyArraySizeThenKeysThenValues() {
    RowType rowType =
        DataTypes.ROW(FIELD("m", DataTypes.MAP(DataTypes.INT().notNull(), DataTypes.INT())));
    Object[] row = {map(5, 6)};
    byte[] encoded = new CompactedRowWriter(rowType).encode(row);
    // bitset, varint length 36, key array size 16, keys [5], values [6]
    assertThat(hex(encoded))
        .isEqualTo(
            hex(
                hex(
                    "00 24 10000000 0100000000000000 0500000000000000 0100000000000000 0600000000000000")));
    assertThat(new CompactedRowReader(rowType).read(encoded)).containsExactly(row);
  }

  @Test
  void nestedRowInACompactedRowIsALengthPrefixedCompactedRow() {
    RowType rowType =
        DataTypes.ROW(
            FIELD("id", DataTypes.INT()),
            FIELD("r", DataTypes.ROW(FIELD("x", DataTypes.INT()), FIELD("s", DataTypes.STRING()))));
    Object[] row = {1, Arrays.asList(2, "hi")};
    byte[] encoded = new CompactedRowWriter(rowType).encode(row);
    assertThat(hex(encoded)).isEqualTo(hex(hex("00 01 05 00 02 026869")));
    assertThat(new CompactedRowReader(rowType).read(encoded)).containsExactly(row);
  }

  @Test
  void rejectsCountsAndPointersOutsideTheArray() {
    assertThatThrownBy(() -> decode(DataTypes.INT(), hex("ffffff7f 00000000")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot hold");
    assertThatThrownBy(() -> decode(DataTypes.STRING(), hex("01000000 00000000 0800000040000000")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("outside");
    assertThatThrownBy(() -> decode(DataTypes.INT(), hex("0100")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static void check(DataType elementType, Object... values) {
    List<Object> list = Arrays.asList(values);
    Object read = decode(elementType, encode(elementType, list));
    assertThat(read).as("ARRAY<%s>", elementType).isEqualTo(list);
    // And once more as a CompactedRow column, where the array gets its varint length prefix.
    RowType rowType = DataTypes.ROW(FIELD("a", DataTypes.ARRAY(elementType)));
    byte[] row = new CompactedRowWriter(rowType).encode(new Object[] {list});
    assertThat(new CompactedRowReader(rowType).read(row)).containsExactly(list);
  }

  private static Map<Object, Object> map(Object... keysAndValues) {
    Map<Object, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
