package io.flussjava.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flussjava.exception.InvalidRowException;
import io.flussjava.types.RowType;
import io.flussjava.types.Schema;
import io.flussjava.types.codec.BucketingFunction;
import io.flussjava.types.codec.CompactedKeyEncoder;
import io.flussjava.types.codec.IcebergKeyEncoder;
import io.flussjava.types.codec.KeyEncoder;
import io.flussjava.types.codec.PaimonKeyEncoder;
import io.flussjava.types.convert.RowConverter;
import io.flussjava.types.json.SchemaJsonCodec;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * fluss-java's Paimon and Iceberg key encoders and bucketing functions against the official 0.9.1
 * classes ({@code KeyEncoder.ofBucketKeyEncoder}, {@code BucketingFunction.of}), byte for byte, on
 * the edge rows and hundreds of random rows of every scalar type (needs no cluster). The byte
 * vectors of fluss-types' {@code LakeKeyEncoderTest} come from {@link LakeKeyVectorPrinter}.
 */
class LakeKeyEncodingTest {
  static final List<Integer> BUCKET_COUNTS = List.of(1, 2, 3, 4, 7, 10, 16, 128, 1000, 65536);
  private static final int ROWS = 400;
  private static final long SEED = 20261203L;

  private static final Schema SCHEMA = InteropSupport.allScalarsSchema();

  static Stream<String> columns() {
    return SCHEMA.getColumnNames().stream();
  }

  @ParameterizedTest(name = "paimon {0}")
  @MethodSource("columns")
  void paimonKeysOfEveryTypeMatchTheOfficialClient(String column) throws Exception {
    assertSameAsOfficial("paimon", SCHEMA, List.of(column), rows());
  }

  @ParameterizedTest(name = "iceberg {0}")
  @MethodSource("columns")
  void icebergKeysOfEveryTypeMatchTheOfficialClient(String column) throws Exception {
    assertSameAsOfficial("iceberg", SCHEMA, List.of(column), rows());
  }

  @ParameterizedTest(name = "no lake {0}")
  @MethodSource("columns")
  void defaultKeysOfEveryTypeMatchTheOfficialClient(String column) throws Exception {
    assertSameAsOfficial(null, SCHEMA, List.of(column), rows());
  }

  @Test
  void paimonKeyOfEveryColumnWithNullsMatches() throws Exception {
    assertSameAsOfficial("paimon", SCHEMA, SCHEMA.getColumnNames(), rows());
  }

  /** Over 56 key columns the Paimon header (row kind and null bits) takes a second word. */
  @Test
  void paimonKeyOfSixtyColumnsMatches() throws Exception {
    Schema.Builder b = Schema.newBuilder();
    List<Schema.Column> scalars = SCHEMA.getColumns();
    for (int c = 0; c < 60; c++) {
      b.column("k" + c, scalars.get(c % scalars.size()).getDataType());
    }
    Schema wide = b.build();
    List<List<Object>> rows = new ArrayList<>();
    for (List<Object> row : rows()) {
      List<Object> w = new ArrayList<>();
      for (int c = 0; c < 60; c++) {
        w.add(row.get(c % row.size()));
      }
      rows.add(w);
    }
    assertSameAsOfficial("paimon", wide, wide.getColumnNames(), rows);
  }

  @Test
  void icebergRefusesCompositeKeysLikeTheOfficialClient() throws Exception {
    List<List<Object>> official =
        OfficialClient.officialKeys(
            "iceberg",
            SchemaJsonCodec.toBytes(SCHEMA),
            List.of("id", "c_int"),
            List.of(),
            BUCKET_COUNTS);
    assertThat(official.get(0).get(0)).isEqualTo("encoder:IllegalArgumentException");
    assertThatThrownBy(() -> encoder("iceberg", SCHEMA.getRowType(), List.of("id", "c_int")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("exactly one column");
  }

  /** Edge rows 0..4 of {@link InteropSupport#scalarValues}, then random rows with some nulls. */
  private static List<List<Object>> rows() {
    List<List<Object>> rows = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      rows.add(InteropSupport.allScalarsRow(i * 7919 - 1_000_000, i, SEED));
    }
    return rows;
  }

  static KeyEncoder encoder(String lake, RowType rowType, List<String> keyColumns) {
    int[] indexes = keyColumns.stream().mapToInt(rowType::getFieldIndex).toArray();
    if (lake == null) {
      return new CompactedKeyEncoder(rowType, indexes);
    }
    return lake.equals("paimon")
        ? new PaimonKeyEncoder(rowType, indexes)
        : new IcebergKeyEncoder(rowType, indexes);
  }

  static BucketingFunction bucketing(String lake) {
    return lake == null
        ? BucketingFunction.FLUSS
        : lake.equals("paimon") ? BucketingFunction.PAIMON : BucketingFunction.ICEBERG;
  }

  /**
   * Encodes and buckets every row with both clients: same bytes and buckets where the official
   * client encodes the row, a failure of fluss-java where it refuses it (a null key value, an empty
   * Iceberg key, a type the lake format has no encoding for).
   */
  private static void assertSameAsOfficial(
      String lake, Schema schema, List<String> keyColumns, List<List<Object>> rows)
      throws Exception {
    List<List<Object>> official =
        OfficialClient.officialKeys(
            lake, SchemaJsonCodec.toBytes(schema), keyColumns, rows, BUCKET_COUNTS);
    RowType rowType = schema.getRowType();
    if (official.size() == 1 && official.get(0).get(0) instanceof String s && s.startsWith("enc")) {
      assertThatThrownBy(() -> encoder(lake, rowType, keyColumns))
          .as("official refused the key %s (%s)", keyColumns, s)
          .isInstanceOf(IllegalArgumentException.class);
      return;
    }
    KeyEncoder encoder = encoder(lake, rowType, keyColumns);
    BucketingFunction bucketing = bucketing(lake);
    RowConverter converter = RowConverter.of(rowType);
    int encoded = 0;
    for (int i = 0; i < rows.size(); i++) {
      Object[] row = converter.toCanonical(rows.get(i));
      List<Object> expected = official.get(i);
      if (expected.size() == 1) {
        assertThatThrownBy(() -> bucketsOf(encoder.encodeKey(row), bucketing))
            .as("row %d %s: official failed with %s", i, rows.get(i), expected.get(0))
            .isInstanceOfAny(InvalidRowException.class, IllegalArgumentException.class);
        continue;
      }
      byte[] key = encoder.encodeKey(row);
      assertThat(HexFormat.of().formatHex(key))
          .as("key bytes of row %d %s", i, rows.get(i))
          .isEqualTo(HexFormat.of().formatHex((byte[]) expected.get(0)));
      assertThat(bucketsOf(key, bucketing)).as("buckets of row %d", i).isEqualTo(expected.get(1));
      encoded++;
    }
    // Most rows must have been comparable, not refused by both sides.
    assertThat(encoded).isGreaterThan(rows.size() / 2);
  }

  static List<Integer> bucketsOf(byte[] key, BucketingFunction bucketing) {
    List<Integer> out = new ArrayList<>();
    for (int n : BUCKET_COUNTS) {
      out.add(bucketing.bucketFor(key, n));
    }
    return out;
  }
}
