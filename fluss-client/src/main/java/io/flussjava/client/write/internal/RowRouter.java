package io.flussjava.client.write.internal;

import io.flussjava.client.admin.TableInfo;
import io.flussjava.types.RowType;
import io.flussjava.types.codec.BucketHasher;
import io.flussjava.types.codec.CompactedKeyEncoder;
import java.util.List;

/**
 * Picks a row's bucket exactly as Fluss does, so that every client puts a key in the same bucket:
 * the bucket-key columns are encoded with the compacted key encoding and hashed with Fluss's murmur
 * variant. Rows of tables without a bucket key go to the writer's sticky bucket. For primary-key
 * tables it also encodes the key that travels with each KV record. Thread-safe: it keeps no scratch
 * state.
 */
final class RowRouter {
  private final int numBuckets;
  private final CompactedKeyEncoder bucketKeyEncoder;
  private final CompactedKeyEncoder primaryKeyEncoder;
  private final boolean bucketKeyIsPrimaryKey;

  RowRouter(TableInfo table) {
    RowType rowType = table.getRowType();
    this.numBuckets = table.getNumBuckets();
    List<String> bucketKeys = table.getBucketKeys();
    List<String> physicalPk =
        table.getPrimaryKeys().stream().filter(k -> !table.getPartitionKeys().contains(k)).toList();
    this.bucketKeyEncoder =
        bucketKeys.isEmpty()
            ? null
            : new CompactedKeyEncoder(rowType, indexes(rowType, bucketKeys));
    this.primaryKeyEncoder =
        physicalPk.isEmpty()
            ? null
            : new CompactedKeyEncoder(rowType, indexes(rowType, physicalPk));
    this.bucketKeyIsPrimaryKey = bucketKeys.equals(physicalPk);
  }

  private static int[] indexes(RowType rowType, List<String> names) {
    return names.stream().mapToInt(rowType::getFieldIndex).toArray();
  }

  /** The encoded primary key of a row (PK tables only). */
  byte[] primaryKey(Object[] row) {
    return primaryKeyEncoder.encodeKey(row);
  }

  /**
   * The row's bucket.
   *
   * @param primaryKey the row's encoded primary key if already computed, else {@code null}
   * @param stickyBucket used when the table has no bucket key
   */
  int bucketOf(Object[] row, byte[] primaryKey, int stickyBucket) {
    if (bucketKeyEncoder == null) {
      return stickyBucket;
    }
    byte[] key =
        bucketKeyIsPrimaryKey && primaryKey != null ? primaryKey : bucketKeyEncoder.encodeKey(row);
    return BucketHasher.bucketFor(key, numBuckets);
  }
}
