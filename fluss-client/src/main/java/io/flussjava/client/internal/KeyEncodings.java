package io.flussjava.client.internal;

import io.flussjava.client.admin.TableInfo;
import io.flussjava.exception.InvalidTableException;
import io.flussjava.exception.UnsupportedTablePropertyException;
import io.flussjava.types.RowType;
import io.flussjava.types.codec.BucketingFunction;
import io.flussjava.types.codec.CompactedKeyEncoder;
import io.flussjava.types.codec.IcebergKeyEncoder;
import io.flussjava.types.codec.KeyEncoder;
import io.flussjava.types.codec.PaimonKeyEncoder;
import java.util.List;
import java.util.Locale;

/**
 * The one place that decides, from a table's properties, how its keys are encoded and bucketed,
 * exactly as the 0.9.1 server and official client decide, so that every client finds a key where
 * another wrote it:
 *
 * <ul>
 *   <li>{@code table.datalake.format} picks the encoding of bucket keys and the {@link
 *       BucketingFunction}: none or {@code lance} → Fluss's compacted encoding and murmur
 *       bucketing; {@code paimon} → Paimon's BinaryRow and Paimon's bucketing; {@code iceberg} →
 *       Iceberg's single-value encoding and bucket transform.
 *   <li>The primary key sent with PutKv and Lookup uses the lake encoding too when the bucket key
 *       is the whole (physical) primary key, or when {@code table.kv.format-version} is 1 (absent:
 *       tables made before 0.9 introduced it). On version 2 tables whose bucket key is a strict
 *       prefix of the primary key, the primary key is compacted-encoded, which keeps the encoded
 *       bucket key a byte prefix of it: what prefix lookups need.
 *   <li>A prefix lookup sends the bucket key encoded by those primary-key rules (compacted on
 *       version 2, the lake encoding on version 1) and buckets by the lake encoding.
 * </ul>
 *
 * <p>A value this client does not know fails with {@link UnsupportedTablePropertyException} naming
 * the property; a key the lake format cannot encode (Iceberg: more than one column, or a BOOLEAN,
 * TINYINT, SMALLINT or TIMESTAMP_LTZ column) fails with {@link InvalidTableException}. Both happen
 * when a writer or lookuper is created.
 */
public final class KeyEncodings {
  public static final String DATALAKE_FORMAT_KEY = "table.datalake.format";
  public static final String KV_FORMAT_VERSION_KEY = "table.kv.format-version";

  /** The kv format versions 0.9.1 defines: 1 (legacy, also when absent) and 2 (0.9 tables). */
  private static final int LEGACY_KV_FORMAT_VERSION = 1;

  private static final int CURRENT_KV_FORMAT_VERSION = 2;

  private enum Lake {
    NONE,
    PAIMON,
    ICEBERG,
    LANCE
  }

  private final TableInfo table;
  private final Lake lake;
  private final int kvFormatVersion;
  private final List<String> physicalPrimaryKeys;
  private final boolean defaultBucketKey;

  private KeyEncodings(TableInfo table, Lake lake, int kvFormatVersion) {
    this.table = table;
    this.lake = lake;
    this.kvFormatVersion = kvFormatVersion;
    this.physicalPrimaryKeys =
        table.getPrimaryKeys().stream().filter(k -> !table.getPartitionKeys().contains(k)).toList();
    this.defaultBucketKey =
        table.hasPrimaryKey()
            ? table.getBucketKeys().equals(physicalPrimaryKeys)
            : table.getBucketKeys().isEmpty();
  }

  /**
   * The key rules of {@code table}.
   *
   * @throws UnsupportedTablePropertyException if its lake format or (on a primary-key table) kv
   *     format version is one this client does not know
   */
  public static KeyEncodings of(TableInfo table) {
    return new KeyEncodings(table, lakeOf(table), kvFormatVersionOf(table));
  }

  private static Lake lakeOf(TableInfo table) {
    String value = table.getProperties().get(DATALAKE_FORMAT_KEY);
    if (value == null) {
      return Lake.NONE;
    }
    switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "paimon":
        return Lake.PAIMON;
      case "iceberg":
        return Lake.ICEBERG;
      case "lance":
        return Lake.LANCE;
      default:
        throw new UnsupportedTablePropertyException(
            DATALAKE_FORMAT_KEY,
            "Table "
                + table.getTablePath()
                + " has "
                + DATALAKE_FORMAT_KEY
                + "='"
                + value
                + "', which fluss-java does not know (it knows paimon, iceberg and lance):"
                + " its keys' encoding and buckets are unknown.");
    }
  }

  private static int kvFormatVersionOf(TableInfo table) {
    String value = table.getProperties().get(KV_FORMAT_VERSION_KEY);
    if (value == null || !table.hasPrimaryKey()) {
      // Only primary-key tables have KV records; log tables never consult the version.
      return LEGACY_KV_FORMAT_VERSION;
    }
    int version;
    try {
      version = Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      version = -1;
    }
    if (version != LEGACY_KV_FORMAT_VERSION && version != CURRENT_KV_FORMAT_VERSION) {
      throw new UnsupportedTablePropertyException(
          KV_FORMAT_VERSION_KEY,
          "Table "
              + table.getTablePath()
              + " has "
              + KV_FORMAT_VERSION_KEY
              + "='"
              + value
              + "', but fluss-java knows versions 1 and 2 only: its key encoding is unknown.");
    }
    return version;
  }

  /** How encoded bucket keys map to buckets. */
  public BucketingFunction bucketing() {
    switch (lake) {
      case PAIMON:
        return BucketingFunction.PAIMON;
      case ICEBERG:
        return BucketingFunction.ICEBERG;
      default:
        return BucketingFunction.FLUSS;
    }
  }

  /**
   * Whether the bucket key is the whole physical primary key (log tables: whether there is no
   * bucket key); then {@link #bucketKey} and {@link #primaryKey} encode the same bytes and one
   * encoding serves both.
   */
  public boolean isDefaultBucketKey() {
    return defaultBucketKey;
  }

  /**
   * The encoder of the physical primary key (partition columns left out), the key of PutKv and
   * Lookup; reads rows of {@code inputType}, which must hold those columns.
   */
  public KeyEncoder primaryKey(RowType inputType) {
    return primaryKeyRules(inputType, physicalPrimaryKeys);
  }

  /** The encoder of the bucket key, whose bytes {@link #bucketing()} hashes. */
  public KeyEncoder bucketKey(RowType inputType) {
    return lakeEncoder(inputType, table.getBucketKeys(), lake);
  }

  /** The encoder of the key a prefix lookup sends: the bucket key by the primary-key rules. */
  public KeyEncoder prefixKey(RowType inputType) {
    return primaryKeyRules(inputType, table.getBucketKeys());
  }

  private KeyEncoder primaryKeyRules(RowType inputType, List<String> columns) {
    boolean lakeEncoded =
        kvFormatVersion == LEGACY_KV_FORMAT_VERSION
            || (defaultBucketKey && columns.equals(physicalPrimaryKeys));
    return lakeEncoder(inputType, columns, lakeEncoded ? lake : Lake.NONE);
  }

  private KeyEncoder lakeEncoder(RowType inputType, List<String> columns, Lake format) {
    int[] indexes = columns.stream().mapToInt(inputType::getFieldIndex).toArray();
    try {
      switch (format) {
        case PAIMON:
          return new PaimonKeyEncoder(inputType, indexes);
        case ICEBERG:
          return new IcebergKeyEncoder(inputType, indexes);
        default:
          return new CompactedKeyEncoder(inputType, indexes);
      }
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      throw new InvalidTableException(
          "Table "
              + table.getTablePath()
              + (format == Lake.NONE || format == Lake.LANCE
                  ? ""
                  : " has " + DATALAKE_FORMAT_KEY + "=" + format.name().toLowerCase(Locale.ROOT))
              + ": its key "
              + columns
              + " cannot be encoded: "
              + e.getMessage());
    }
  }
}
