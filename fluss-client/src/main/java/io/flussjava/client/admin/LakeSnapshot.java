package io.flussjava.client.admin;

import io.flussjava.client.TableBucket;
import java.util.Map;

/**
 * A snapshot that tiering committed to the lake ({@link Admin#getLatestLakeSnapshot}): its id and,
 * per bucket, the log offset up to which the lake holds the bucket's data.
 *
 * @param tableId the table's id
 * @param snapshotId the lake snapshot's id
 * @param logOffsets by bucket, the offset of the first record not in the lake
 * @param partitionNames by partition id, the names of the partitions the buckets belong to
 */
public record LakeSnapshot(
    long tableId,
    long snapshotId,
    Map<TableBucket, Long> logOffsets,
    Map<Long, String> partitionNames) {
  public LakeSnapshot {
    logOffsets = Map.copyOf(logOffsets);
    partitionNames = Map.copyOf(partitionNames);
  }
}
