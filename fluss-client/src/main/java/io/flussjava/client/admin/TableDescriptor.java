package io.flussjava.client.admin;

import io.flussjava.types.Schema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a table is created with: schema, distribution (bucket count and bucket keys),
 * partition keys, table properties ({@code table.*} options the server knows), custom properties
 * (free-form) and a comment.
 *
 * <pre>{@code
 * TableDescriptor d = TableDescriptor.builder()
 *     .schema(schema)
 *     .distributedBy(4, "id")          // default: the server's default.bucket.number, bucket key = primary key
 *     .logFormat(LogFormat.ARROW)      // default ARROW
 *     .property("table.log.arrow.compression.type", "ZSTD")
 *     .comment("users")
 *     .build();
 * }</pre>
 *
 * <p>{@link Builder#build()} checks the parts against each other and names what is wrong: unknown
 * bucket or partition columns, bucket keys outside a primary key, partition keys outside a primary
 * key.
 */
public final class TableDescriptor {
  /** Property key of the log format. */
  public static final String LOG_FORMAT = "table.log.format";

  /** Property key of the KV format. */
  public static final String KV_FORMAT = "table.kv.format";

  private final Schema schema;
  private final Integer bucketCount;
  private final List<String> bucketKeys;
  private final List<String> partitionKeys;
  private final Map<String, String> properties;
  private final Map<String, String> customProperties;
  private final String comment;

  private TableDescriptor(Builder b) {
    this.schema = b.schema;
    this.bucketCount = b.bucketCount;
    this.bucketKeys = List.copyOf(b.bucketKeys);
    this.partitionKeys = List.copyOf(b.partitionKeys);
    this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(b.properties));
    this.customProperties = Collections.unmodifiableMap(new LinkedHashMap<>(b.customProperties));
    this.comment = b.comment;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Schema getSchema() {
    return schema;
  }

  /** The bucket count, if given; otherwise the server uses its {@code default.bucket.number}. */
  public Optional<Integer> getBucketCount() {
    return Optional.ofNullable(bucketCount);
  }

  /**
   * Bucket keys as given (empty: the primary key minus partition keys for PK tables, none for log
   * tables).
   */
  public List<String> getBucketKeys() {
    return bucketKeys;
  }

  public List<String> getPartitionKeys() {
    return partitionKeys;
  }

  public boolean isPartitioned() {
    return !partitionKeys.isEmpty();
  }

  public boolean hasPrimaryKey() {
    return schema.getPrimaryKey().isPresent();
  }

  public Map<String, String> getProperties() {
    return properties;
  }

  public Map<String, String> getCustomProperties() {
    return customProperties;
  }

  public Optional<String> getComment() {
    return Optional.ofNullable(comment);
  }

  public Builder toBuilder() {
    Builder b = new Builder().schema(schema).partitionedBy(partitionKeys).properties(properties);
    b.bucketCount = bucketCount;
    b.bucketKeys.addAll(bucketKeys);
    b.customProperties.putAll(customProperties);
    b.comment = comment;
    return b;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof TableDescriptor)) {
      return false;
    }
    TableDescriptor t = (TableDescriptor) o;
    return schema.equals(t.schema)
        && Objects.equals(bucketCount, t.bucketCount)
        && bucketKeys.equals(t.bucketKeys)
        && partitionKeys.equals(t.partitionKeys)
        && properties.equals(t.properties)
        && customProperties.equals(t.customProperties)
        && Objects.equals(comment, t.comment);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        schema, bucketCount, bucketKeys, partitionKeys, properties, customProperties, comment);
  }

  @Override
  public String toString() {
    return "TableDescriptor{schema="
        + schema
        + ", bucketCount="
        + bucketCount
        + ", bucketKeys="
        + bucketKeys
        + ", partitionKeys="
        + partitionKeys
        + ", properties="
        + properties
        + ", customProperties="
        + customProperties
        + ", comment="
        + comment
        + "}";
  }

  /** Builds a {@link TableDescriptor}; only the schema is required. */
  public static final class Builder {
    private Schema schema;
    private Integer bucketCount;
    private final List<String> bucketKeys = new ArrayList<>();
    private final List<String> partitionKeys = new ArrayList<>();
    private final Map<String, String> properties = new LinkedHashMap<>();
    private final Map<String, String> customProperties = new LinkedHashMap<>();
    private String comment;

    private Builder() {}

    public Builder schema(Schema schema) {
      this.schema = Objects.requireNonNull(schema, "schema");
      return this;
    }

    /**
     * Spreads rows over {@code bucketCount} buckets by hashing the given key columns (none: any
     * bucket).
     */
    public Builder distributedBy(int bucketCount, String... bucketKeys) {
      return distributedBy(bucketCount, Arrays.asList(bucketKeys));
    }

    public Builder distributedBy(int bucketCount, List<String> bucketKeys) {
      if (bucketCount <= 0) {
        throw new IllegalArgumentException("bucket count must be positive, got " + bucketCount);
      }
      this.bucketCount = bucketCount;
      this.bucketKeys.clear();
      this.bucketKeys.addAll(bucketKeys);
      return this;
    }

    public Builder partitionedBy(String... partitionKeys) {
      return partitionedBy(Arrays.asList(partitionKeys));
    }

    public Builder partitionedBy(List<String> partitionKeys) {
      this.partitionKeys.clear();
      this.partitionKeys.addAll(partitionKeys);
      return this;
    }

    /** A {@code table.*} option; the server rejects keys it does not know (INVALID_CONFIG). */
    public Builder property(String key, String value) {
      properties.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
      return this;
    }

    public Builder properties(Map<String, String> properties) {
      properties.forEach(this::property);
      return this;
    }

    /** A free-form property stored with the table and never interpreted by Fluss. */
    public Builder customProperty(String key, String value) {
      customProperties.put(
          Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
      return this;
    }

    public Builder comment(String comment) {
      this.comment = comment;
      return this;
    }

    /** Sets {@code table.log.format} (default ARROW). */
    public Builder logFormat(LogFormat format) {
      return property(LOG_FORMAT, format.name());
    }

    /** Sets {@code table.kv.format} (default COMPACTED); only meaningful for primary-key tables. */
    public Builder kvFormat(KvFormat format) {
      return property(KV_FORMAT, format.name());
    }

    public TableDescriptor build() {
      if (schema == null) {
        throw new IllegalArgumentException("a table descriptor needs a schema: call schema(...)");
      }
      List<String> columns = schema.getColumnNames();
      checkColumns("partition key", partitionKeys, columns);
      checkColumns("bucket key", bucketKeys, columns);
      Optional<List<String>> pk = schema.getPrimaryKey();
      if (pk.isPresent()) {
        for (String p : partitionKeys) {
          if (!pk.get().contains(p)) {
            throw new IllegalArgumentException(
                "partition key '" + p + "' must be part of the primary key " + pk.get());
          }
        }
        for (String k : bucketKeys) {
          if (!pk.get().contains(k) || partitionKeys.contains(k)) {
            throw new IllegalArgumentException(
                "bucket key '"
                    + k
                    + "' must be a primary-key column "
                    + pk.get()
                    + " that is not a partition key");
          }
        }
      }
      return new TableDescriptor(this);
    }

    private static void checkColumns(String what, List<String> keys, List<String> columns) {
      for (String k : keys) {
        if (!columns.contains(k)) {
          throw new IllegalArgumentException(
              what + " '" + k + "' is not a column of the schema " + columns);
        }
      }
      if (keys.stream().distinct().count() != keys.size()) {
        throw new IllegalArgumentException(what + "s must not repeat a column: " + keys);
      }
    }
  }
}
