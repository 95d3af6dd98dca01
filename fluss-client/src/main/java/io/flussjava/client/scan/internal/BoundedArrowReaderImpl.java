package io.flussjava.client.scan.internal;

import io.flussjava.client.scan.ArrowScanBatch;
import io.flussjava.client.scan.BoundedArrowReader;
import java.time.Duration;
import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A {@link BoundedArrowReader} over a bounded {@link LogScannerImpl}. Each batch is freed as soon
 * as the caller moves on, so at most one poll's batches are held at a time.
 */
public final class BoundedArrowReaderImpl implements BoundedArrowReader {
  private static final Duration POLL_WAIT = Duration.ofMillis(500);

  private final LogScannerImpl scanner;
  private Iterator<ArrowScanBatch> current = Collections.emptyIterator();
  private ArrowScanBatch handedOut;

  public BoundedArrowReaderImpl(LogScannerImpl scanner) {
    this.scanner = scanner;
  }

  @Override
  public boolean hasNext() {
    scanner.checkUsable(); // also when records of the last poll are left: a closed reader fails at
    // once
    releaseHandedOut();
    while (!current.hasNext()) {
      if (scanner.isEndReached()) {
        return false;
      }
      // Polling again frees the previous poll's batches.
      current = scanner.pollBatches(POLL_WAIT).iterator();
    }
    return true;
  }

  @Override
  public ArrowScanBatch next() {
    if (!hasNext()) {
      throw new NoSuchElementException("the bounded reader reached its end");
    }
    handedOut = current.next();
    return handedOut;
  }

  private void releaseHandedOut() {
    if (handedOut != null) {
      handedOut.root().close(); // closing a root twice (here and with its poll result) is harmless
      handedOut = null;
    }
  }

  /** Frees the reader's buffers; later calls fail with a ClosedException. Idempotent. */
  @Override
  public void close() {
    handedOut = null;
    scanner.close();
  }
}
