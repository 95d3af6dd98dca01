package io.flussjava.client.scan.internal;

import io.flussjava.client.scan.BoundedReader;
import io.flussjava.client.scan.ScanRecord;
import java.time.Duration;
import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A {@link BoundedReader} over a bounded {@link LogScannerImpl}: polls until a record arrives or
 * the scan ends.
 */
public final class BoundedReaderImpl implements BoundedReader {
  private static final Duration POLL_WAIT = Duration.ofMillis(500);

  private final LogScannerImpl scanner;
  private Iterator<ScanRecord> current = Collections.emptyIterator();

  public BoundedReaderImpl(LogScannerImpl scanner) {
    this.scanner = scanner;
  }

  @Override
  public boolean hasNext() {
    scanner.checkUsable(); // also when records of the last poll are left: a closed reader fails at
    // once
    while (!current.hasNext()) {
      if (scanner.isEndReached()) {
        return false;
      }
      current = scanner.poll(POLL_WAIT).iterator();
    }
    return true;
  }

  @Override
  public ScanRecord next() {
    if (!hasNext()) {
      throw new NoSuchElementException("the bounded reader reached its end");
    }
    return current.next();
  }

  /** Frees the reader's buffers; later calls fail with a ClosedException. Idempotent. */
  @Override
  public void close() {
    scanner.close();
  }
}
