package io.flussjava.client.scan.internal;

import io.flussjava.client.TableBucket;
import io.flussjava.client.admin.TableInfo;
import io.flussjava.client.internal.Clock;
import io.flussjava.client.internal.Futures;
import io.flussjava.client.internal.OffsetLister;
import io.flussjava.client.internal.OffsetLister.OffsetSpec;
import io.flussjava.client.metadata.MetadataCache;
import io.flussjava.client.metadata.TableMetadata;
import io.flussjava.exception.PartitionNotExistException;
import io.flussjava.exception.TableNotPartitionedException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a subscribe call checks and looks up before the bucket is read: that the bucket (and
 * partition) exists, and the offset an earliest / latest / timestamp subscription starts at.
 * Blocking: subscribe calls wait for the answer, so that a wrong bucket or partition fails at the
 * call that named it.
 */
final class OffsetResolver {
  private final TableInfo table;
  private final MetadataCache metadata;
  private final OffsetLister offsets;
  private final Duration wait;
  private final Clock clock;

  OffsetResolver(
      TableInfo table,
      MetadataCache metadata,
      OffsetLister offsets,
      Duration requestTimeout,
      Clock clock) {
    this.table = table;
    this.metadata = metadata;
    this.offsets = offsets;
    this.wait = requestTimeout.plusSeconds(5);
    this.clock = clock;
  }

  /** A bucket of an unpartitioned table, checked. */
  TableBucket unpartitioned(int bucket) {
    if (table.isPartitioned()) {
      throw new IllegalArgumentException(
          "Table "
              + table.getTablePath()
              + " is partitioned by "
              + table.getPartitionKeys()
              + ": subscribe to a"
              + " bucket of a partition, e.g. subscribe(partitionId, bucket, offset), with partition ids from"
              + " admin.listPartitionInfos("
              + table.getTablePath()
              + ").");
    }
    checkBucket(bucket);
    return TableBucket.of(table.getTableId(), bucket);
  }

  /**
   * A bucket of one partition of a partitioned table, checked except for the partition's existence.
   */
  TableBucket ofPartition(long partitionId, int bucket) {
    if (!table.isPartitioned()) {
      throw new TableNotPartitionedException(
          "Table "
              + table.getTablePath()
              + " is not partitioned: subscribe to its buckets with subscribe(bucket,"
              + " offset).");
    }
    if (partitionId < 0) {
      throw new IllegalArgumentException("partition ids are >= 0, got " + partitionId);
    }
    checkBucket(bucket);
    return TableBucket.of(table.getTableId(), partitionId, bucket);
  }

  /**
   * A bucket of either kind of table ({@link TableBucket#NO_PARTITION} for unpartitioned ones),
   * checked.
   */
  TableBucket bucket(long partitionId, int bucket) {
    return partitionId == TableBucket.NO_PARTITION
        ? unpartitioned(bucket)
        : ofPartition(partitionId, bucket);
  }

  void checkBucket(int bucket) {
    if (bucket < 0 || bucket >= table.getNumBuckets()) {
      throw new IllegalArgumentException(
          "Table "
              + table.getTablePath()
              + " has buckets 0.."
              + (table.getNumBuckets() - 1)
              + "; bucket "
              + bucket
              + " does not exist");
    }
  }

  /**
   * @throws PartitionNotExistException if the table has no partition {@code partitionId}, also
   *     after fetching its metadata again (a partition created a moment ago may be missing from a
   *     cached view)
   */
  void checkPartitionExists(long partitionId) {
    long askedAt = clock.nanoTime();
    String operation = "fetching the metadata of " + table.getTablePath();
    TableMetadata meta = Futures.await(metadata.table(table.getTablePath()), wait, operation);
    if (meta.partition(partitionId).isEmpty() && !meta.fetchedAfter(askedAt)) {
      meta = Futures.await(metadata.refresh(table.getTablePath(), meta), wait, operation);
    }
    if (meta.partition(partitionId).isEmpty()) {
      throw new PartitionNotExistException(
          "Table "
              + table.getTablePath()
              + " has no partition with id "
              + partitionId
              + "; its partitions are listed"
              + " by admin.listPartitionInfos("
              + table.getTablePath()
              + ").");
    }
  }

  /**
   * The offset of {@code bucket} that {@code spec} names; for a partition that does not exist this
   * fails with {@link PartitionNotExistException}.
   */
  long resolve(TableBucket bucket, OffsetSpec spec, long timestamp) {
    Map<Integer, Long> result =
        Futures.await(
            offsets.listOffsets(
                table.getTablePath(),
                bucket.partitionId(),
                List.of(bucket.bucket()),
                spec,
                timestamp),
            wait,
            "listing the " + spec + " offset of " + bucket + " of " + table.getTablePath());
    return result.get(bucket.bucket());
  }
}
