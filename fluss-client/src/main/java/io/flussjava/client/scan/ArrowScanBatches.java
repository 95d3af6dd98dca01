package io.flussjava.client.scan;

import io.flussjava.client.TableBucket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What one {@link LogScanner#pollBatches} returned: Arrow batches, each bucket's in offset order.
 *
 * <pre>{@code
 * try (ArrowScanBatches batches = scanner.pollBatches(Duration.ofSeconds(1))) {
 *   for (ArrowScanBatch batch : batches) {
 *     IntVector ids = (IntVector) batch.root().getVector("id");
 *     for (int row = 0; row < batch.rowCount(); row++) {
 *       System.out.println(batch.offsetOf(row) + ": " + ids.getObject(row));
 *     }
 *   }
 * }
 * }</pre>
 *
 * <p><b>Ownership.</b> The scanner owns the Arrow memory. The batches stay valid until the first
 * of: this object's {@link #close()}, the scanner's next {@code poll}/{@code pollBatches}, or the
 * scanner's close, each of which frees them. Closing is optional (the scanner frees what the caller
 * did not) and idempotent; closing early just returns the memory sooner. Never close a batch's root
 * yourself; copy values out of it to keep them.
 */
public final class ArrowScanBatches implements Iterable<ArrowScanBatch>, AutoCloseable {
  private final List<ArrowScanBatch> batches;
  private boolean closed;

  public ArrowScanBatches(List<ArrowScanBatch> batches) {
    this.batches = List.copyOf(batches);
  }

  /** No batches (a new instance each time, since each one has its own closed state). */
  public static ArrowScanBatches empty() {
    return new ArrowScanBatches(List.of());
  }

  /** All batches, bucket after bucket. */
  public List<ArrowScanBatch> batches() {
    return batches;
  }

  /** The batches of one bucket, in offset order (empty if none). */
  public List<ArrowScanBatch> batches(TableBucket bucket) {
    List<ArrowScanBatch> out = new ArrayList<>();
    for (ArrowScanBatch b : batches) {
      if (b.tableBucket().equals(bucket)) {
        out.add(b);
      }
    }
    return out;
  }

  /** The buckets (with their partitions) that have batches in this result. */
  public Set<TableBucket> buckets() {
    Set<TableBucket> out = new LinkedHashSet<>();
    batches.forEach(b -> out.add(b.tableBucket()));
    return Collections.unmodifiableSet(out);
  }

  /** The number of records over all batches. */
  public int recordCount() {
    int n = 0;
    for (ArrowScanBatch b : batches) {
      n += b.rowCount();
    }
    return n;
  }

  public boolean isEmpty() {
    return batches.isEmpty();
  }

  @Override
  public Iterator<ArrowScanBatch> iterator() {
    return batches.iterator();
  }

  /** Frees the batches' Arrow memory; they must not be used afterwards. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    RuntimeException first = null;
    for (ArrowScanBatch b : batches) {
      try {
        b.root().close();
      } catch (RuntimeException e) {
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw first;
    }
  }

  /** Whether {@link #close()} was called (by the caller or the scanner). */
  public synchronized boolean isClosed() {
    return closed;
  }
}
