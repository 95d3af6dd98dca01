package io.flussjava.client.lookup.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flussjava.client.admin.TableDescriptor;
import io.flussjava.client.admin.TableInfo;
import io.flussjava.client.admin.TablePath;
import io.flussjava.exception.UnsupportedTablePropertyException;
import io.flussjava.types.DataTypes;
import io.flussjava.types.Schema;
import io.flussjava.types.codec.BucketingFunction;
import io.flussjava.types.codec.CompactedKeyEncoder;
import io.flussjava.types.codec.IcebergKeyEncoder;
import io.flussjava.types.convert.TypeConverters;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyedRowsLakeTest {
  // Lookups here decode no values: a schema load would be a bug.
  private static final io.flussjava.client.metadata.SchemaCache NO_SCHEMAS =
      new io.flussjava.client.metadata.SchemaCache(
          (path, id) -> {
            throw new AssertionError("no schema load expected");
          });

  private static final Schema SCHEMA =
      Schema.newBuilder()
          .column("a", DataTypes.BIGINT().notNull())
          .column("b", DataTypes.STRING().notNull())
          .column("v", DataTypes.INT())
          .primaryKey("a", "b")
          .build();

  private static TableInfo table(String lake, String kvVersion) {
    return new TableInfo(
        TablePath.of("db", "t"),
        1L,
        1,
        TableDescriptor.builder()
            .schema(SCHEMA)
            .distributedBy(6, "a")
            .property("table.datalake.format", lake)
            .property("table.kv.format-version", kvVersion)
            .build(),
        1L,
        1L);
  }

  /** Iceberg, version 2: compacted prefix key sent, bucket from Iceberg's hash of column a. */
  @Test
  void prefixLookupsOnIcebergTablesSendCompactedKeysAndBucketTheIcebergWay() {
    KeyedRows rows =
        new KeyedRows(
            table("iceberg", "2"), List.of("a"), true, TypeConverters.defaults(), NO_SCHEMAS);
    Object[] key = rows.keyOf(42L);
    byte[] encoded = rows.encode(key);
    var prefixType = DataTypes.ROW(DataTypes.FIELD("a", DataTypes.BIGINT().notNull()));
    assertThat(encoded)
        .isEqualTo(new CompactedKeyEncoder(prefixType, new int[] {0}).encodeKey(key));
    byte[] bucketKey = new IcebergKeyEncoder(prefixType, new int[] {0}).encodeKey(key);
    assertThat(rows.bucketOf(key, encoded))
        .isEqualTo(BucketingFunction.ICEBERG.bucketFor(bucketKey, 6));
  }

  @Test
  void anUnknownKvFormatVersionFailsTheLookuperAtCreation() {
    assertThatThrownBy(
            () ->
                new KeyedRows(
                    table("paimon", "3"),
                    List.of("a", "b"),
                    false,
                    TypeConverters.defaults(),
                    NO_SCHEMAS))
        .isInstanceOf(UnsupportedTablePropertyException.class)
        .hasMessageContaining("table.kv.format-version='3'");
  }
}
