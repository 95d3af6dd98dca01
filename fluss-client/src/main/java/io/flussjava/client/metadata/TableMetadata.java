package io.flussjava.client.metadata;

import io.flussjava.client.admin.TableInfo;

/** A table's info plus the current leader (tablet server id) of each of its buckets; immutable. */
public final class TableMetadata {
  /** Leader id of a bucket whose leader is unknown (election in progress or not yet reported). */
  public static final int NO_LEADER = -1;

  private final TableInfo info;
  private final int[] bucketLeaders;

  TableMetadata(TableInfo info, int[] bucketLeaders) {
    this.info = info;
    this.bucketLeaders = bucketLeaders;
  }

  public TableInfo info() {
    return info;
  }

  /** The leader's tablet-server id, or {@link #NO_LEADER}. */
  public int leaderOf(int bucket) {
    if (bucket < 0 || bucket >= bucketLeaders.length) {
      throw new IllegalArgumentException(
          "table " + info.getTablePath() + " has buckets 0.." + (bucketLeaders.length - 1) + ", not " + bucket);
    }
    return bucketLeaders[bucket];
  }

  public int numBuckets() {
    return bucketLeaders.length;
  }
}
