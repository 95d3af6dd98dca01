package io.flussjava.client.write.internal;

import io.flussjava.client.admin.TableInfo;
import io.flussjava.client.internal.KeyEncodings;
import io.flussjava.types.RowType;
import io.flussjava.types.codec.BucketingFunction;
import io.flussjava.types.codec.KeyEncoder;

/**
 * Picks a row's bucket exactly as Fluss does, so that every client puts a key in the same bucket:
 * the bucket-key columns are encoded and hashed by the table's rules ({@link KeyEncodings}: Fluss's
 * own, or its lake format's). Rows of tables without a bucket key go to the writer's sticky bucket.
 * For primary-key tables it also encodes the key that travels with each KV record. Thread-safe: it
 * keeps no scratch state.
 */
final class RowRouter {
  private final int numBuckets;
  private final BucketingFunction bucketing;
  private final KeyEncoder bucketKeyEncoder;
  private final KeyEncoder primaryKeyEncoder;
  private final boolean bucketKeyIsPrimaryKey;

  /**
   * @throws io.flussjava.exception.UnsupportedTablePropertyException if the table's key rules are
   *     unknown to this client
   * @throws io.flussjava.exception.InvalidTableException if its lake format cannot encode its keys
   */
  RowRouter(TableInfo table) {
    RowType rowType = table.getRowType();
    KeyEncodings keys = KeyEncodings.of(table);
    this.numBuckets = table.getNumBuckets();
    this.bucketing = keys.bucketing();
    this.primaryKeyEncoder = table.hasPrimaryKey() ? keys.primaryKey(rowType) : null;
    this.bucketKeyIsPrimaryKey = primaryKeyEncoder != null && keys.isDefaultBucketKey();
    this.bucketKeyEncoder =
        table.getBucketKeys().isEmpty() || bucketKeyIsPrimaryKey ? null : keys.bucketKey(rowType);
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
    byte[] key;
    if (bucketKeyIsPrimaryKey) {
      key = primaryKey != null ? primaryKey : primaryKeyEncoder.encodeKey(row);
    } else if (bucketKeyEncoder != null) {
      key = bucketKeyEncoder.encodeKey(row);
    } else {
      return stickyBucket;
    }
    return bucketing.bucketFor(key, numBuckets);
  }
}
