package io.flussjava.client.scan.internal;

import io.flussjava.client.TableBucket;
import io.flussjava.client.admin.TableInfo;
import io.flussjava.client.fs.RemoteFileSystems;
import io.flussjava.client.internal.Clock;
import io.flussjava.client.internal.ConnectionState;
import io.flussjava.client.internal.Futures;
import io.flussjava.client.internal.MetadataLeaderRouter;
import io.flussjava.client.internal.OffsetLister;
import io.flussjava.client.internal.OffsetLister.OffsetSpec;
import io.flussjava.client.metadata.MetadataCache;
import io.flussjava.config.ClientOptions;
import io.flussjava.config.Configuration;
import io.flussjava.types.convert.TypeConverters;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Opens the scanner behind the bounded readers: every bucket from its earliest offset to its latest
 * one now.
 */
public final class BoundedScans {
  private BoundedScans() {}

  /**
   * A bounded scanner subscribed to every bucket of the table (or, for a partitioned table, of each
   * of {@code partitionIds}) from its earliest offset up to its latest offset at this call.
   *
   * @param kind what the reader is to the caller, for messages ("BoundedReader",
   *     "BoundedArrowReader")
   */
  public static LogScannerImpl open(
      String kind,
      TableInfo table,
      int[] projection,
      long limit,
      List<Long> partitionIds,
      MetadataCache metadata,
      OffsetLister offsets,
      Configuration conf,
      TypeConverters converters,
      ConnectionState connection) {
    LogScannerImpl scanner =
        new LogScannerImpl(
            kind,
            table,
            projection,
            limit,
            true,
            metadata,
            offsets,
            conf,
            converters,
            connection,
            new MetadataLeaderRouter(metadata),
            Clock.SYSTEM,
            RemoteFileSystems.installed());
    try {
      Duration wait = conf.get(ClientOptions.REQUEST_TIMEOUT).plusSeconds(5);
      List<Integer> buckets = IntStream.range(0, table.getNumBuckets()).boxed().toList();
      List<Long> partitions =
          table.isPartitioned() ? partitionIds : List.of(TableBucket.NO_PARTITION);
      for (long partition : partitions) {
        // The end first: records appended while this runs are after it and are not read.
        Map<Integer, Long> ends = list(offsets, table, partition, buckets, OffsetSpec.LATEST, wait);
        Map<Integer, Long> starts =
            list(offsets, table, partition, buckets, OffsetSpec.EARLIEST, wait);
        for (int bucket : buckets) {
          long start = starts.get(bucket);
          long end = ends.get(bucket);
          if (start < end) {
            scanner.subscribeUntil(partition, bucket, start, end);
          }
        }
      }
      return scanner;
    } catch (RuntimeException e) {
      scanner.close();
      throw e;
    }
  }

  private static Map<Integer, Long> list(
      OffsetLister offsets,
      TableInfo table,
      long partition,
      List<Integer> buckets,
      OffsetSpec spec,
      Duration wait) {
    return Futures.await(
        offsets.listOffsets(table.getTablePath(), partition, buckets, spec, 0),
        wait,
        "listing the "
            + spec
            + " offsets of "
            + table.getTablePath()
            + (partition == TableBucket.NO_PARTITION ? "" : " partition " + partition));
  }
}
