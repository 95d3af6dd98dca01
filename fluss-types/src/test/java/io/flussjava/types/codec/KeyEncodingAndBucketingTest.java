package io.flussjava.types.codec;

import static io.flussjava.types.DataTypes.FIELD;
import static io.flussjava.types.codec.CodecTestSupport.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flussjava.exception.InvalidRowException;
import io.flussjava.types.DataTypes;
import io.flussjava.types.RowType;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyEncodingAndBucketingTest {

  @Test
  void keyIsTheConcatenatedBodyEncodingWithoutBitset() {
    RowType row =
        DataTypes.ROW(
            FIELD("name", DataTypes.STRING()),
            FIELD("v", DataTypes.DOUBLE()),
            FIELD("id", DataTypes.INT().notNull()));
    CompactedKeyEncoder encoder = new CompactedKeyEncoder(row, new int[] {2, 0});
    assertThat(hex(encoder.encodeKey(new Object[] {"hi", 2.0d, -1}))).isEqualTo("ffffffff0f026869");
    // Reuse gives an independent array each time.
    byte[] first = encoder.encodeKey(new Object[] {"a", null, 1});
    byte[] second = encoder.encodeKey(new Object[] {"b", null, 2});
    assertThat(hex(first)).isEqualTo("010161");
    assertThat(hex(second)).isEqualTo("020162");
  }

  @Test
  void nullKeyValuesAreRejected() {
    RowType row = DataTypes.ROW(FIELD("id", DataTypes.INT()), FIELD("v", DataTypes.STRING()));
    CompactedKeyEncoder encoder = new CompactedKeyEncoder(row, new int[] {0});
    assertThatThrownBy(() -> encoder.encodeKey(new Object[] {null, "x"}))
        .isInstanceOf(InvalidRowException.class)
        .hasMessage("key column 'id' must not be null");
    assertThatThrownBy(() -> new CompactedKeyEncoder(row, new int[0]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CompactedKeyEncoder(row, new int[] {2}))
        .hasMessageContaining("key index 2");
  }

  /** Every vector of facts sheet section 4.4, checked against the real 0.9.1 jar. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "hex:01, 0, 4, 500",
    "hex:02, 2, 4, 162",
    "hex:03, 3, 3, 419",
    "hex:04, 0, 6, 0",
    "hex:05, 2, 2, 406",
    "hex:8001, 2, 2, 18",
    "text:hello, 1, 3, 273",
    "text:abcdefgh, 1, 1, 249",
    "hex:fffe90, 2, 5, 870",
  })
  void bucketsMatchTheServer(String key, int of4, int of7, int of1000) {
    byte[] bytes =
        key.startsWith("hex:")
            ? hex(key.substring(4))
            : key.substring(5).getBytes(StandardCharsets.UTF_8);
    assertThat(BucketHasher.bucketFor(bytes, 4)).isEqualTo(of4);
    assertThat(BucketHasher.bucketFor(bytes, 7)).isEqualTo(of7);
    assertThat(BucketHasher.bucketFor(bytes, 1000)).isEqualTo(of1000);
  }

  @Test
  void encodedIntKeyBucketsLikeItsBytes() {
    RowType row = DataTypes.ROW(FIELD("id", DataTypes.INT()));
    byte[] key = new CompactedKeyEncoder(row, new int[] {0}).encodeKey(new Object[] {1});
    assertThat(key).isEqualTo(hex("01"));
    assertThat(BucketHasher.bucketFor(key, 1000)).isEqualTo(500);
  }

  @Test
  void rejectsEmptyKeysAndBadBucketCounts() {
    assertThatThrownBy(() -> BucketHasher.bucketFor(new byte[0], 3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BucketHasher.bucketFor(hex("01"), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got 0");
  }

  @Test
  void murmurIntIsNeverNegative() {
    for (int code = -100_000; code < 100_000; code += 7) {
      assertThat(BucketHasher.murmurInt(code)).isNotNegative();
    }
  }
}
