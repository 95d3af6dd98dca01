package io.flussjava.types.codec;

import static io.flussjava.types.DataTypes.FIELD;
import static io.flussjava.types.codec.CodecTestSupport.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flussjava.exception.InvalidRowException;
import io.flussjava.types.DataType;
import io.flussjava.types.DataTypes;
import io.flussjava.types.RowType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Paimon and Iceberg key bytes and buckets of every key type, as the official 0.9.1 classes compute
 * them (vectors printed by fluss-interop-tests' {@code LakeKeyVectorPrinter}; its {@code
 * LakeKeyEncodingTest} also compares hundreds of random keys of every type with the official
 * classes directly).
 */
class LakeKeyEncoderTest {

  /**
   * A single-column key with its Paimon and Iceberg vectors, each {@code "hex b4 b7 b1000"}: the
   * key bytes, then its buckets of 4, 7 and 1000; Iceberg's is null where the official client
   * refuses the key.
   */
  private static Arguments vector(DataType type, Object value, String paimon, String iceberg) {
    return Arguments.of(type, value, paimon, iceberg);
  }

  private static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }

  static Stream<Arguments> vectors() {
    return Stream.of(
        vector(DataTypes.BOOLEAN(), true, "00000000000000000100000000000000 2 5 398", null),
        vector(DataTypes.BOOLEAN(), false, "00000000000000000000000000000000 3 1 99", null),
        vector(DataTypes.TINYINT(), (byte) -128, "00000000000000008000000000000000 2 1 822", null),
        vector(DataTypes.TINYINT(), (byte) 7, "00000000000000000700000000000000 3 3 691", null),
        vector(
            DataTypes.SMALLINT(), (short) -32768, "00000000000000000080000000000000 1 3 409", null),
        vector(DataTypes.SMALLINT(), (short) 300, "00000000000000002c01000000000000 3 6 707", null),
        vector(
            DataTypes.INT(),
            0,
            "00000000000000000000000000000000 3 1 99",
            "0000000000000000 0 1 676"),
        vector(
            DataTypes.INT(),
            42,
            "00000000000000002a00000000000000 1 1 237",
            "2a00000000000000 2 3 806"),
        vector(
            DataTypes.INT(),
            -1,
            "0000000000000000ffffffff00000000 3 6 267",
            "ffffffffffffffff 0 5 712"),
        vector(
            DataTypes.INT(),
            Integer.MAX_VALUE,
            "0000000000000000ffffff7f00000000 1 5 321",
            "ffffff7f00000000 2 6 606"),
        vector(
            DataTypes.BIGINT(),
            0L,
            "00000000000000000000000000000000 3 1 99",
            "0000000000000000 0 1 676"),
        vector(
            DataTypes.BIGINT(),
            -1L,
            "0000000000000000ffffffffffffffff 0 0 432",
            "ffffffffffffffff 0 5 712"),
        vector(
            DataTypes.BIGINT(),
            Long.MIN_VALUE,
            "00000000000000000000000000000080 3 5 119",
            "0000000000000080 1 4 829"),
        vector(
            DataTypes.BIGINT(),
            1234567890123L,
            "0000000000000000cb04fb711f010000 0 1 36",
            "cb04fb711f010000 2 5 302"),
        vector(
            DataTypes.FLOAT(),
            1.5f,
            "00000000000000000000c03f00000000 3 5 779",
            "0000c03f 2 0 366"),
        vector(
            DataTypes.FLOAT(),
            -0.0f,
            "00000000000000000000008000000000 3 0 219",
            "00000080 0 6 916"),
        vector(
            DataTypes.FLOAT(),
            Float.NaN,
            "00000000000000000000c07f00000000 1 3 89",
            "0000c07f 3 2 251"),
        vector(
            DataTypes.DOUBLE(),
            3.14,
            "00000000000000001f85eb51b81e0940 2 4 594",
            "1f85eb51b81e0940 3 0 659"),
        vector(
            DataTypes.DOUBLE(),
            -1e300,
            "00000000000000009c7500883ce437fe 0 2 144",
            "9c7500883ce437fe 3 4 559"),
        vector(
            DataTypes.DECIMAL(10, 2),
            new BigDecimal("12345.67"),
            "000000000000000087d6120000000000 0 5 256",
            "12d687 3 5 819"),
        vector(
            DataTypes.DECIMAL(10, 2),
            new BigDecimal("-0.01"),
            "0000000000000000ffffffffffffffff 0 0 432",
            "ff 1 2 597"),
        vector(
            DataTypes.DECIMAL(38, 18),
            new BigDecimal("12345678901234567890.123456789012345678"),
            "000000000000000010000000100000000949b0f6f0023313c4499050de38f34e 1 4 349",
            "0949b0f6f0023313c4499050de38f34e 3 4 235"),
        vector(
            DataTypes.DECIMAL(38, 18),
            new BigDecimal("-0.000000000000000001"),
            "00000000000000000100000010000000ff000000000000000000000000000000 0 5 780",
            "ff 1 2 597"),
        vector(
            DataTypes.DECIMAL(38, 18),
            new BigDecimal("0.000000000000000000"),
            "0000000000000000010000001000000000000000000000000000000000000000 1 0 185",
            "00 3 6 727"),
        vector(DataTypes.CHAR(5), "ab", "00000000000000006162000000000082 3 6 811", "6162 3 6 343"),
        vector(DataTypes.STRING(), "", "00000000000000000000000000000080 3 5 119", null),
        vector(DataTypes.STRING(), "a", "00000000000000006100000000000081 2 5 246", "61 2 4 850"),
        vector(
            DataTypes.STRING(),
            "1234567",
            "00000000000000003132333435363787 0 3 172",
            "31323334353637 3 5 511"),
        vector(
            DataTypes.STRING(),
            "12345678",
            "000000000000000008000000100000003132333435363738 1 2 801",
            "3132333435363738 2 6 686"),
        vector(
            DataTypes.STRING(),
            "ünïcödé ✓ 😀",
            "00000000000000001400000010000000c3bc6ec3af63c3b664c3a920e29c9320f09f988000000000 0 5 240",
            "c3bc6ec3af63c3b664c3a920e29c9320f09f9880 2 3 714"),
        vector(
            DataTypes.BINARY(4),
            bytes(1, 2, 3, 4),
            "00000000000000000102030400000084 1 6 537",
            "01020304 1 0 621"),
        vector(DataTypes.BYTES(), bytes(), "00000000000000000000000000000080 3 5 119", null),
        vector(
            DataTypes.BYTES(),
            bytes(9, 8, 7, 6, 5, 4, 3, 2, 1),
            "0000000000000000090000001000000009080706050403020100000000000000 3 1 43",
            "090807060504030201 1 6 61"),
        vector(
            DataTypes.DATE(),
            LocalDate.parse("1970-01-01"),
            "00000000000000000000000000000000 3 1 99",
            "0000000000000000 0 1 676"),
        vector(
            DataTypes.DATE(),
            LocalDate.parse("1969-12-31"),
            "0000000000000000ffffffff00000000 3 6 267",
            "ffffffffffffffff 0 5 712"),
        vector(
            DataTypes.DATE(),
            LocalDate.parse("2026-12-03"),
            "00000000000000003651000000000000 3 1 783",
            "3651000000000000 3 1 147"),
        vector(
            DataTypes.TIME(3),
            LocalTime.parse("12:34:56.789"),
            "0000000000000000952cb30200000000 1 0 997",
            "0826e68b0a000000 0 5 436"),
        vector(
            DataTypes.TIME(3),
            LocalTime.parse("00:00"),
            "00000000000000000000000000000000 3 1 99",
            "0000000000000000 0 1 676"),
        vector(
            DataTypes.TIMESTAMP(3),
            LocalDateTime.parse("2026-12-03T13:28:28.123"),
            "0000000000000000db94173ca2010000 3 3 379",
            "78771dbcba610600 2 1 334"),
        vector(
            DataTypes.TIMESTAMP(3),
            LocalDateTime.parse("1969-12-31T23:59:59.999"),
            "0000000000000000ffffffffffffffff 0 0 432",
            "18fcffffffffffff 0 0 412"),
        vector(
            DataTypes.TIMESTAMP(6),
            LocalDateTime.parse("2026-12-03T13:28:28.123456"),
            "000000000000000040f5060010000000db94173ca2010000 0 0 572",
            "40791dbcba610600 1 1 613"),
        vector(
            DataTypes.TIMESTAMP(6),
            LocalDateTime.parse("1969-12-31T23:59:59.999999"),
            "0000000000000000583e0f0010000000ffffffffffffffff 3 3 319",
            "ffffffffffffffff 0 5 712"),
        vector(
            DataTypes.TIMESTAMP(9),
            LocalDateTime.parse("2026-12-03T13:28:28.123456789"),
            "000000000000000055f8060010000000db94173ca2010000 3 6 215",
            "40791dbcba610600 1 1 613"),
        vector(
            DataTypes.TIMESTAMP_LTZ(3),
            Instant.parse("2026-12-03T13:28:28.123Z"),
            "0000000000000000db94173ca2010000 3 3 379",
            null),
        vector(
            DataTypes.TIMESTAMP_LTZ(3),
            Instant.parse("1969-12-31T23:59:59.999Z"),
            "0000000000000000ffffffffffffffff 0 0 432",
            null),
        vector(
            DataTypes.TIMESTAMP_LTZ(6),
            Instant.parse("2026-12-03T13:28:28.123456Z"),
            "000000000000000040f5060010000000db94173ca2010000 0 0 572",
            null));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("vectors")
  void keysAndBucketsMatchTheOfficialClasses(
      DataType type, Object value, String paimon, String iceberg) {
    RowType row = DataTypes.ROW(FIELD("k", type.copy(false)));
    Object[] values = {value};

    assertThat(
            encodeAndBucket(
                new PaimonKeyEncoder(row, new int[] {0}), BucketingFunction.PAIMON, values))
        .isEqualTo(paimon);
    if (iceberg != null) {
      assertThat(
              encodeAndBucket(
                  new IcebergKeyEncoder(row, new int[] {0}), BucketingFunction.ICEBERG, values))
          .isEqualTo(iceberg);
    } else {
      // The official client refuses these too: a type Iceberg keys cannot hold, or an empty key.
      assertThatThrownBy(() -> new IcebergKeyEncoder(row, new int[] {0}).encodeKey(values))
          .isInstanceOfAny(IllegalArgumentException.class, InvalidRowException.class);
    }
  }

  /** {@code "hex b4 b7 b1000"} of a key. */
  private static String encodeAndBucket(
      KeyEncoder encoder, BucketingFunction bucketing, Object[] row) {
    byte[] key = encoder.encodeKey(row);
    StringBuilder sb = new StringBuilder(hex(key));
    for (int n : new int[] {4, 7, 1000}) {
      sb.append(' ').append(bucketing.bucketFor(key, n));
    }
    return sb.toString();
  }

  @Test
  void paimonSetsNullBitsOfNullableColumnsAndRefusesNullsOfOthers() {
    RowType row =
        DataTypes.ROW(
            FIELD("a", DataTypes.INT().notNull()),
            FIELD("b", DataTypes.STRING()),
            FIELD("c", DataTypes.BIGINT()));
    PaimonKeyEncoder encoder = new PaimonKeyEncoder(row, new int[] {2, 1, 0});
    // Header word: row kind 0, null bits 8 (c) and 9 (b) -> byte 1 = 0b11.
    assertThat(hex(encoder.encodeKey(new Object[] {5, null, null})))
        .isEqualTo(
            "0003000000000000" + "0000000000000000" + "0000000000000000" + "0500000000000000");
    assertThatThrownBy(() -> encoder.encodeKey(new Object[] {null, "x", 1L}))
        .isInstanceOf(InvalidRowException.class)
        .hasMessage("key column 'a' must not be null");
  }

  @Test
  void icebergTakesExactlyOneSupportedColumn() {
    RowType row = DataTypes.ROW(FIELD("a", DataTypes.INT()), FIELD("flag", DataTypes.BOOLEAN()));
    assertThatThrownBy(() -> new IcebergKeyEncoder(row, new int[] {0, 1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("an Iceberg key must have exactly one column, got 2");
    assertThatThrownBy(() -> new IcebergKeyEncoder(row, new int[] {1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'flag' is BOOLEAN");
    IcebergKeyEncoder encoder = new IcebergKeyEncoder(row, new int[] {0});
    assertThatThrownBy(() -> encoder.encodeKey(new Object[] {null, true}))
        .isInstanceOf(InvalidRowException.class)
        .hasMessage("key column 'a' must not be null");
  }

  @Test
  void bucketingRefusesEmptyKeysAndBadBucketCounts() {
    for (BucketingFunction f : BucketingFunction.values()) {
      assertThatThrownBy(() -> f.bucketFor(new byte[0], 3))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> f.bucketFor(new byte[] {1}, 0))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  /** Standard MurmurHash3 x86_32 (seed 0) reference values, as Guava and Iceberg compute them. */
  @Test
  void standardMurmur3MatchesTheReference() {
    assertThat(BucketHasher.standardMurmur3(new byte[0])).isEqualTo(0);
    assertThat(
            BucketHasher.standardMurmur3("hello".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .isEqualTo(0x248bfa47);
    // Iceberg spec: bucket hash of the int/long 34 is 2017239379.
    assertThat(BucketHasher.standardMurmur3(hex("2200000000000000"))).isEqualTo(2017239379);
  }
}
