package io.flussjava.client.scan;

import io.flussjava.client.TableBucket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one {@link LogScanner#poll} returned, grouped by {@link TableBucket} (table, partition and
 * bucket), each bucket's records in offset order.
 *
 * <pre>{@code
 * ScanRecords records = scanner.poll(Duration.ofSeconds(1));
 * for (TableBucket b : records.buckets()) {              // any table, partitioned ones included
 *   records.records(b).forEach(r -> System.out.println(b.partitionId() + " " + r));
 * }
 * records.records(0).forEach(System.out::println);     // bucket 0 of an unpartitioned table
 * }</pre>
 */
public final class ScanRecords implements Iterable<ScanRecord> {
  public static final ScanRecords EMPTY = new ScanRecords(Map.of());

  private final Map<TableBucket, List<ScanRecord>> byBucket;

  /** Records by bucket; the map's iteration order is kept. */
  public ScanRecords(Map<TableBucket, List<ScanRecord>> byBucket) {
    this.byBucket = new LinkedHashMap<>(byBucket);
  }

  /** The buckets (with their partitions) that have records in this result. */
  public Set<TableBucket> buckets() {
    return Collections.unmodifiableSet(byBucket.keySet());
  }

  /** The records of one bucket (empty if none). */
  public List<ScanRecord> records(TableBucket bucket) {
    return byBucket.getOrDefault(bucket, List.of());
  }

  /**
   * The records of one bucket by number (empty if none): meant for unpartitioned tables. On a
   * partitioned table it returns that bucket's records of every partition, each partition's in
   * offset order.
   */
  public List<ScanRecord> records(int bucket) {
    List<ScanRecord> first = null;
    List<ScanRecord> merged = null;
    for (Map.Entry<TableBucket, List<ScanRecord>> e : byBucket.entrySet()) {
      if (e.getKey().bucket() != bucket) {
        continue;
      }
      if (first == null) {
        first = e.getValue(); // the common case, one partition (or none): returned without a copy
      } else {
        if (merged == null) {
          merged = new ArrayList<>(first);
        }
        merged.addAll(e.getValue());
      }
    }
    return merged != null ? merged : first != null ? first : List.of();
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
      private Iterator<ScanRecord> current = Collections.emptyIterator();

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
