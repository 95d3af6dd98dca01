package io.flussjava.client.admin;

import io.flussjava.client.TableBucket;
import java.util.Map;

/**
 * Row counts of a table as its bucket leaders report them ({@link Admin#getTableStats}).
 *
 * @param rowCount the sum over all buckets (of all partitions)
 * @param rowCounts by bucket
 */
public record TableStats(long rowCount, Map<TableBucket, Long> rowCounts) {
  public TableStats {
    rowCounts = Map.copyOf(rowCounts);
  }
}
