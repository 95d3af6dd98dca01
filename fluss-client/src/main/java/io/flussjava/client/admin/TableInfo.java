package io.flussjava.client.admin;

import io.flussjava.types.RowType;
import io.flussjava.types.Schema;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A table as the server describes it: its path, id, current schema and schema id, distribution,
 * partitioning, properties (including those the server filled in, such as {@code
 * table.replication.factor}) and timestamps.
 */
public final class TableInfo {
  private final TablePath tablePath;
  private final long tableId;
  private final int schemaId;
  private final TableDescriptor descriptor;
  private final int numBuckets;
  private final List<String> bucketKeys;
  private final long createdTime;
  private final long modifiedTime;

  public TableInfo(
      TablePath tablePath,
      long tableId,
      int schemaId,
      TableDescriptor descriptor,
      long createdTime,
      long modifiedTime) {
    this.tablePath = tablePath;
    this.tableId = tableId;
    this.schemaId = schemaId;
    this.descriptor = descriptor;
    this.numBuckets = descriptor.getBucketCount().orElse(1);
    this.bucketKeys = effectiveBucketKeys(descriptor);
    this.createdTime = createdTime;
    this.modifiedTime = modifiedTime;
  }

  // A PK table without explicit bucket keys is bucketed by its primary key minus the partition
  // keys.
  private static List<String> effectiveBucketKeys(TableDescriptor d) {
    if (!d.getBucketKeys().isEmpty() || d.getSchema().getPrimaryKey().isEmpty()) {
      return d.getBucketKeys();
    }
    return d.getSchema().getPrimaryKey().get().stream()
        .filter(k -> !d.getPartitionKeys().contains(k))
        .toList();
  }

  public TablePath getTablePath() {
    return tablePath;
  }

  public long getTableId() {
    return tableId;
  }

  public int getSchemaId() {
    return schemaId;
  }

  public Schema getSchema() {
    return descriptor.getSchema();
  }

  public RowType getRowType() {
    return descriptor.getSchema().getRowType();
  }

  public int getNumBuckets() {
    return numBuckets;
  }

  /** The columns rows are hashed on to pick a bucket; empty for log tables without bucket keys. */
  public List<String> getBucketKeys() {
    return bucketKeys;
  }

  public List<String> getPartitionKeys() {
    return descriptor.getPartitionKeys();
  }

  public boolean isPartitioned() {
    return descriptor.isPartitioned();
  }

  /** The primary-key columns; empty for log tables. */
  public List<String> getPrimaryKeys() {
    return descriptor.getSchema().getPrimaryKey().orElse(List.of());
  }

  public boolean hasPrimaryKey() {
    return descriptor.hasPrimaryKey();
  }

  public Map<String, String> getProperties() {
    return descriptor.getProperties();
  }

  public Map<String, String> getCustomProperties() {
    return descriptor.getCustomProperties();
  }

  public Optional<String> getComment() {
    return descriptor.getComment();
  }

  /** {@code table.log.format}, ARROW when the server did not say. */
  public LogFormat getLogFormat() {
    return LogFormat.valueOf(getProperties().getOrDefault(TableDescriptor.LOG_FORMAT, "ARROW"));
  }

  /** {@code table.kv.format}, COMPACTED when the server did not say. */
  public KvFormat getKvFormat() {
    return KvFormat.valueOf(getProperties().getOrDefault(TableDescriptor.KV_FORMAT, "COMPACTED"));
  }

  public long getCreatedTime() {
    return createdTime;
  }

  public long getModifiedTime() {
    return modifiedTime;
  }

  /** The descriptor the table would be re-created with (including server-filled properties). */
  public TableDescriptor toTableDescriptor() {
    return descriptor;
  }

  /**
   * Equal when every field is: the same table (id), schema version, layout, properties and times.
   */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof TableInfo t)) {
      return false;
    }
    return tableId == t.tableId
        && schemaId == t.schemaId
        && numBuckets == t.numBuckets
        && createdTime == t.createdTime
        && modifiedTime == t.modifiedTime
        && tablePath.equals(t.tablePath)
        && bucketKeys.equals(t.bucketKeys)
        && descriptor.equals(t.descriptor);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(
        tablePath, tableId, schemaId, numBuckets, createdTime, modifiedTime);
  }

  @Override
  public String toString() {
    return "TableInfo{"
        + tablePath
        + ", id="
        + tableId
        + ", schemaId="
        + schemaId
        + ", schema="
        + getSchema()
        + ", buckets="
        + numBuckets
        + ", bucketKeys="
        + bucketKeys
        + ", partitionKeys="
        + getPartitionKeys()
        + ", properties="
        + getProperties()
        + ", customProperties="
        + getCustomProperties()
        + ", comment="
        + getComment().orElse(null)
        + ", created="
        + createdTime
        + ", modified="
        + modifiedTime
        + "}";
  }
}
