package io.flussjava.client.scan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What one {@link LogScanner#poll} returned, grouped by bucket, each bucket's records in offset order. */
public final class ScanRecords implements Iterable<ScanRecord> {
  public static final ScanRecords EMPTY = new ScanRecords(Map.of());

  private final Map<Integer, List<ScanRecord>> byBucket;

  public ScanRecords(Map<Integer, List<ScanRecord>> byBucket) {
    this.byBucket = byBucket;
  }

  /** The buckets that have records in this result. */
  public Set<Integer> buckets() {
    return Collections.unmodifiableSet(byBucket.keySet());
  }

  /** The records of one bucket (empty if none). */
  public List<ScanRecord> records(int bucket) {
    return byBucket.getOrDefault(bucket, List.of());
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

  @Override
  public Iterator<ScanRecord> iterator() {
    List<ScanRecord> all = new ArrayList<>(count());
    byBucket.values().forEach(all::addAll);
    return all.iterator();
  }
}
