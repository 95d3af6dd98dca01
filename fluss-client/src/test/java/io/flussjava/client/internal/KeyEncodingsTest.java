package io.flussjava.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flussjava.client.admin.TableDescriptor;
import io.flussjava.client.admin.TableInfo;
import io.flussjava.client.admin.TablePath;
import io.flussjava.exception.InvalidTableException;
import io.flussjava.exception.UnsupportedTablePropertyException;
import io.flussjava.types.DataTypes;
import io.flussjava.types.RowType;
import io.flussjava.types.Schema;
import io.flussjava.types.codec.BucketingFunction;
import io.flussjava.types.codec.CompactedKeyEncoder;
import io.flussjava.types.codec.IcebergKeyEncoder;
import io.flussjava.types.codec.KeyEncoder;
import io.flussjava.types.codec.PaimonKeyEncoder;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which key encodings and bucketing a table's properties select (the 0.9.1 client's rules). */
class KeyEncodingsTest {
  private static final Schema PK_SCHEMA =
      Schema.newBuilder()
          .column("a", DataTypes.INT().notNull())
          .column("b", DataTypes.STRING().notNull())
          .column("v", DataTypes.DOUBLE())
          .primaryKey("a", "b")
          .build();
  private static final RowType ROW = PK_SCHEMA.getRowType();
  private static final Object[] SAMPLE = {7, "seven", 1.0};

  private static TableInfo table(Schema schema, List<String> bucketKeys, String... properties) {
    Map<String, String> props = new HashMap<>();
    for (int i = 0; i < properties.length; i += 2) {
      props.put(properties[i], properties[i + 1]);
    }
    TableDescriptor d =
        TableDescriptor.builder()
            .schema(schema)
            .distributedBy(4, bucketKeys)
            .properties(props)
            .build();
    return new TableInfo(TablePath.of("db", "t"), 1L, 1, d, 1L, 1L);
  }

  /** A table of {@link #PK_SCHEMA} with a lake format and kv format version (null: none). */
  private static TableInfo lakeTable(String lake, String kvVersion, String... bucketKeys) {
    return kvVersion == null
        ? table(PK_SCHEMA, List.of(bucketKeys), "table.datalake.format", lake)
        : table(
            PK_SCHEMA,
            List.of(bucketKeys),
            "table.datalake.format",
            lake,
            "table.kv.format-version",
            kvVersion);
  }

  private static String bytesOf(KeyEncoder encoder) {
    return HexFormat.of().formatHex(encoder.encodeKey(SAMPLE));
  }

  private static String paimon(int... columns) {
    return bytesOf(new PaimonKeyEncoder(ROW, columns));
  }

  private static String compacted(int... columns) {
    return bytesOf(new CompactedKeyEncoder(ROW, columns));
  }

  @Test
  void noLakeOrLanceUsesCompactedKeysAndFlussBucketing() {
    for (TableInfo t :
        List.of(
            table(PK_SCHEMA, List.of()),
            table(PK_SCHEMA, List.of(), "table.datalake.format", "lance"))) {
      KeyEncodings keys = KeyEncodings.of(t);
      assertThat(keys.bucketing()).isEqualTo(BucketingFunction.FLUSS);
      assertThat(keys.isDefaultBucketKey()).isTrue();
      assertThat(bytesOf(keys.primaryKey(ROW))).isEqualTo(compacted(0, 1));
      assertThat(bytesOf(keys.bucketKey(ROW))).isEqualTo(compacted(0, 1));
    }
  }

  @Test
  void paimonTableWithDefaultBucketKeyUsesPaimonForBothKeys() {
    KeyEncodings keys = KeyEncodings.of(lakeTable("PAIMON", "2"));
    assertThat(keys.bucketing()).isEqualTo(BucketingFunction.PAIMON);
    assertThat(bytesOf(keys.primaryKey(ROW))).isEqualTo(paimon(0, 1));
    assertThat(bytesOf(keys.bucketKey(ROW))).isEqualTo(paimon(0, 1));
  }

  /**
   * Version 2 with a bucket key shorter than the primary key: the stored key is compacted (so the
   * compacted prefix-lookup key is a byte prefix of it), the bucket key is Paimon's.
   */
  @Test
  void paimonVersion2WithPrefixBucketKeyStoresCompactedKeys() {
    KeyEncodings keys = KeyEncodings.of(lakeTable("paimon", "2", "a"));
    assertThat(keys.isDefaultBucketKey()).isFalse();
    assertThat(bytesOf(keys.primaryKey(ROW))).isEqualTo(compacted(0, 1));
    assertThat(bytesOf(keys.prefixKey(ROW))).isEqualTo(compacted(0));
    assertThat(bytesOf(keys.bucketKey(ROW))).isEqualTo(paimon(0));
  }

  /** Version 1 (or none: tables older than the property) encodes every key the lake's way. */
  @Test
  void paimonVersion1EncodesEveryKeyThePaimonWay() {
    KeyEncodings keys = KeyEncodings.of(lakeTable("paimon", null, "a"));
    assertThat(bytesOf(keys.primaryKey(ROW))).isEqualTo(paimon(0, 1));
    assertThat(bytesOf(keys.prefixKey(ROW))).isEqualTo(paimon(0));
    assertThat(bytesOf(keys.bucketKey(ROW))).isEqualTo(paimon(0));
  }

  @Test
  void icebergBucketsByItsOneColumn() {
    KeyEncodings keys = KeyEncodings.of(lakeTable("iceberg", "2", "a"));
    assertThat(keys.bucketing()).isEqualTo(BucketingFunction.ICEBERG);
    assertThat(bytesOf(keys.bucketKey(ROW)))
        .isEqualTo(bytesOf(new IcebergKeyEncoder(ROW, new int[] {0})));
    assertThat(bytesOf(keys.primaryKey(ROW))).isEqualTo(compacted(0, 1));
  }

  @Test
  void icebergRefusesAKeyOfTwoColumnsNamingTheProperty() {
    KeyEncodings keys = KeyEncodings.of(lakeTable("iceberg", "2"));
    assertThatThrownBy(() -> keys.primaryKey(ROW))
        .isInstanceOf(InvalidTableException.class)
        .hasMessageContaining("db.t has table.datalake.format=iceberg: its key [a, b]")
        .hasMessageContaining("exactly one column");
  }

  @Test
  void unknownLakeFormatFailsNamingTheProperty() {
    assertThatThrownBy(
            () -> KeyEncodings.of(table(PK_SCHEMA, List.of(), "table.datalake.format", "delta")))
        .isInstanceOf(UnsupportedTablePropertyException.class)
        .hasMessageContaining("table.datalake.format='delta'")
        .hasMessageContaining("db.t")
        .extracting(e -> ((UnsupportedTablePropertyException) e).getProperty())
        .isEqualTo("table.datalake.format");
  }

  @Test
  void unknownKvFormatVersionFailsNamingTheProperty() {
    for (String version : List.of("3", "0", "two")) {
      assertThatThrownBy(
              () ->
                  KeyEncodings.of(table(PK_SCHEMA, List.of(), "table.kv.format-version", version)))
          .isInstanceOf(UnsupportedTablePropertyException.class)
          .hasMessageContaining("table.kv.format-version='" + version + "'")
          .extracting(e -> ((UnsupportedTablePropertyException) e).getProperty())
          .isEqualTo("table.kv.format-version");
    }
  }

  /** Log tables have no KV records: the 0.9.1 client never reads the version for them. */
  @Test
  void logTablesIgnoreTheKvFormatVersion() {
    Schema log =
        Schema.newBuilder()
            .column("a", DataTypes.INT())
            .column("b", DataTypes.STRING())
            .column("v", DataTypes.DOUBLE())
            .build();
    KeyEncodings keys =
        KeyEncodings.of(
            table(
                log,
                List.of("b"),
                "table.kv.format-version",
                "9",
                "table.datalake.format",
                "paimon"));
    assertThat(keys.isDefaultBucketKey()).isFalse();
    assertThat(bytesOf(keys.bucketKey(log.getRowType()))).isEqualTo(paimon(1));
  }
}
