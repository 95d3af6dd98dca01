package io.flussjava.client.metadata;

/**
 * One partition of a partitioned table: its id, name ({@code v1$v2}) and the leader of each of its
 * buckets.
 */
public final class PartitionMetadata {
  private final long id;
  private final String name;
  private final int[] bucketLeaders;

  PartitionMetadata(long id, String name, int[] bucketLeaders) {
    this.id = id;
    this.name = name;
    this.bucketLeaders = bucketLeaders;
  }

  public long id() {
    return id;
  }

  public String name() {
    return name;
  }

  /** The leader's tablet-server id, or {@link TableMetadata#NO_LEADER}. */
  int leaderOf(int bucket) {
    return bucket >= 0 && bucket < bucketLeaders.length
        ? bucketLeaders[bucket]
        : TableMetadata.NO_LEADER;
  }

  @Override
  public String toString() {
    return "partition " + name + " (id " + id + ")";
  }
}
