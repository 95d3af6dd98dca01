package io.flussjava.client.scan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one {@link LogScanner#poll} returned, grouped by {@link ScanBucket} (partition and bucket), each bucket's
 * records in offset order.
 *
 * <pre>{@code
 * ScanRecords records = scanner.poll(Duration.ofSeconds(1));
 * for (int bucket : records.buckets()) {                 // unpartitioned tables
 *   records.records(bucket).forEach(System.out::println);
 * }
 * for (ScanBucket b : records.scanBuckets()) {           // any table, partitioned ones included
 *   records.records(b).forEach(r -> System.out.println(b.partitionId() + " " + r));
 * }
 * }</pre>
 */
public final class ScanRecords implements Iterable<ScanRecord> {
  public static final ScanRecords EMPTY = new ScanRecords(new LinkedHashMap<ScanBucket, List<ScanRecord>>());

  private final Map<ScanBucket, List<ScanRecord>> byBucket;

  /** Records of an unpartitioned table, by bucket. */
  public ScanRecords(Map<Integer, List<ScanRecord>> byBucket) {
    this(toScanBuckets(byBucket));
  }

  // LinkedHashMap, not Map: a Map<ScanBucket, ...> parameter would erase to the public constructor's signature.
  private ScanRecords(LinkedHashMap<ScanBucket, List<ScanRecord>> byScanBucket) {
    this.byBucket = byScanBucket;
  }

  /** Records by partition and bucket. */
  public static ScanRecords of(Map<ScanBucket, List<ScanRecord>> byScanBucket) {
    return new ScanRecords(new LinkedHashMap<>(byScanBucket));
  }

  private static LinkedHashMap<ScanBucket, List<ScanRecord>> toScanBuckets(Map<Integer, List<ScanRecord>> byBucket) {
    LinkedHashMap<ScanBucket, List<ScanRecord>> out = new LinkedHashMap<>();
    byBucket.forEach((b, records) -> out.put(ScanBucket.of(b), records));
    return out;
  }

  /** The partitions and buckets that have records in this result. */
  public Set<ScanBucket> scanBuckets() {
    return Collections.unmodifiableSet(byBucket.keySet());
  }

  /** The records of one bucket of one partition (empty if none). */
  public List<ScanRecord> records(ScanBucket bucket) {
    return byBucket.getOrDefault(bucket, List.of());
  }

  /**
   * The bucket numbers that have records in this result. Meant for unpartitioned tables; on a partitioned table a
   * number stands for that bucket of every partition (use {@link #scanBuckets()} to tell partitions apart).
   */
  public Set<Integer> buckets() {
    Set<Integer> out = new LinkedHashSet<>();
    byBucket.keySet().forEach(b -> out.add(b.bucket()));
    return Collections.unmodifiableSet(out);
  }

  /**
   * The records of one bucket (empty if none). On a partitioned table: that bucket's records of every partition, each
   * partition's in offset order.
   */
  public List<ScanRecord> records(int bucket) {
    List<ScanRecord> unpartitioned = byBucket.get(ScanBucket.of(bucket));
    if (unpartitioned != null) {
      return unpartitioned;
    }
    List<ScanRecord> out = new ArrayList<>();
    byBucket.forEach((b, records) -> {
      if (b.bucket() == bucket) {
        out.addAll(records);
      }
    });
    return out;
  }

  public int count() {
    int n = 0;
    for (List<ScanRecord> l : byBucket.values()) {
      n += l.size();
    }
    return n;
  }

  public boolean isEmpty() {
    return count() == 0;
  }

  /** All records, bucket after bucket, without copying them. */
  @Override
  public Iterator<ScanRecord> iterator() {
    Iterator<? extends List<ScanRecord>> lists = byBucket.values().iterator();
    return new Iterator<>() {
      private Iterator<ScanRecord> current = java.util.Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext() && lists.hasNext()) {
          current = lists.next().iterator();
        }
        return current.hasNext();
      }

      @Override
      public ScanRecord next() {
        if (!hasNext()) {
          throw new java.util.NoSuchElementException();
        }
        return current.next();
      }
    };
  }
}
