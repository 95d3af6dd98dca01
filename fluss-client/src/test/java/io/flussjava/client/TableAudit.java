package io.flussjava.client;

import io.flussjava.client.admin.OffsetSpec;
import io.flussjava.client.admin.TablePath;
import io.flussjava.client.scan.LogScanner;
import io.flussjava.client.scan.ScanRecord;
import io.flussjava.log.ChangeType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads a whole table log (or a primary-key table's changelog) up to its current end and counts,
 * per id (the first column), how many records write it: 1 is right, 2 or more is a duplicate.
 * Deletes and update-befores do not count (an upsert of a new key writes one insert).
 */
final class TableAudit {
  private TableAudit() {}

  static Map<Long, Integer> countWrites(Connection connection, TablePath path, int buckets)
      throws TimeoutException {
    List<Integer> ids = new ArrayList<>();
    for (int b = 0; b < buckets; b++) {
      ids.add(b);
    }
    Map<Integer, Long> ends = connection.getAdmin().listOffsets(path, ids, OffsetSpec.latest());
    Map<Long, Integer> counts = new HashMap<>();
    Map<Integer, Long> next = new HashMap<>();
    try (LogScanner scanner = connection.getTable(path).newScan().createLogScanner()) {
      for (int b = 0; b < buckets; b++) {
        scanner.subscribe(b, 0);
        next.put(b, 0L);
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (ids.stream().anyMatch(b -> next.get(b) < ends.get(b))) {
        if (System.nanoTime() > deadline) {
          throw new TimeoutException("reading " + path + " to " + ends + " reached only " + next);
        }
        for (ScanRecord r : scanner.poll(Duration.ofMillis(500))) {
          next.put(r.bucket(), r.offset() + 1);
          if (r.changeType() != ChangeType.DELETE && r.changeType() != ChangeType.UPDATE_BEFORE) {
            counts.merge(((Number) r.getValue(0)).longValue(), 1, Integer::sum);
          }
        }
      }
    }
    return counts;
  }

  /** The ids written more than once. */
  static Map<Long, Integer> duplicates(Map<Long, Integer> counts) {
    Map<Long, Integer> d = new HashMap<>();
    counts.forEach(
        (id, n) -> {
          if (n > 1) {
            d.put(id, n);
          }
        });
    return d;
  }
}
