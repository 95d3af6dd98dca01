package io.flussjava.client.scan;

import java.util.Iterator;

/**
 * Reads a table's records up to the end offsets seen when it started (and at most a {@link
 * TableScan#maxRecords maxRecords}), then ends. From {@link TableScan#createBoundedReader()}.
 *
 * <pre>{@code
 * try (BoundedReader reader = table.newScan().createBoundedReader()) {
 *   while (reader.hasNext()) {
 *     System.out.println(reader.next().getRow());
 *   }
 * }
 * }</pre>
 *
 * <p>{@link #hasNext()} waits until the next record arrived or the reader ended, and throws the
 * scanner's typed error if a bucket cannot be read. Records come bucket by bucket in batches, each
 * bucket's in offset order. Not thread-safe. Close it to free its buffers.
 */
public interface BoundedReader extends Iterator<ScanRecord>, AutoCloseable {
  @Override
  void close();
}
