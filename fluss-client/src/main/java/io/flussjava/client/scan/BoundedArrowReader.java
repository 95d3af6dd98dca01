package io.flussjava.client.scan;

import java.util.Iterator;

/**
 * The Arrow form of {@link BoundedReader}: the records up to the end offsets seen at its start, as
 * Arrow batches. From {@link TableScan#createBoundedArrowReader()}.
 *
 * <pre>{@code
 * try (BoundedArrowReader reader = table.newScan().project("id", "name").createBoundedArrowReader()) {
 *   while (reader.hasNext()) {
 *     ArrowScanBatch batch = reader.next();
 *     VectorSchemaRoot root = batch.root();      // valid until the next hasNext(), next() or close()
 *   }
 * }
 * }</pre>
 *
 * <p><b>Ownership.</b> The reader owns the Arrow memory: a batch returned by {@link #next()} is
 * valid until the next call of {@link #hasNext()}, {@link #next()} or {@link #close()}. Do not
 * close its root; copy what must live longer. Closing the reader frees everything. Not thread-safe.
 */
public interface BoundedArrowReader extends Iterator<ArrowScanBatch>, AutoCloseable {
  @Override
  void close();
}
