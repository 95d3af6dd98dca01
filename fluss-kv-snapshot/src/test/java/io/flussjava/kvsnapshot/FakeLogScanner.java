package io.flussjava.kvsnapshot;

import io.flussjava.client.TableBucket;
import io.flussjava.client.scan.ArrowScanBatches;
import io.flussjava.client.scan.LogScanner;
import io.flussjava.client.scan.ScanRecords;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Queue;
import java.util.function.Supplier;

/** A scanner that records subscriptions and answers polls from a queue (empty when none left). */
final class FakeLogScanner implements LogScanner {
  /** Bucket (partition -1 for an unpartitioned table) to subscribed offset, in order. */
  final Map<TableBucket, Long> subscribed = new LinkedHashMap<>();

  final Queue<Supplier<ScanRecords>> polls = new ArrayDeque<>();
  boolean closed;

  @Override
  public void subscribe(int bucket, long offset) {
    subscribed.put(TableBucket.of(FakeCatalog.TABLE_ID, bucket), offset);
  }

  @Override
  public void subscribe(long partitionId, int bucket, long offset) {
    subscribed.put(TableBucket.of(FakeCatalog.TABLE_ID, partitionId, bucket), offset);
  }

  @Override
  public ScanRecords poll(Duration timeout) {
    if (subscribed.isEmpty()) {
      throw new IllegalStateException("no bucket subscribed");
    }
    Supplier<ScanRecords> next = polls.poll();
    return next == null ? ScanRecords.EMPTY : next.get();
  }

  @Override
  public void close() {
    closed = true;
  }

  // What a StateReader never calls.

  @Override
  public void subscribeFromBeginning(int bucket) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void subscribeFromLatest(int bucket) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void subscribeFromTimestamp(int bucket, long timestampMillis) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void unsubscribe(int bucket) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void subscribeFromBeginning(long partitionId, int bucket) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void subscribeFromLatest(long partitionId, int bucket) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void subscribeFromTimestamp(long partitionId, int bucket, long timestampMillis) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void unsubscribe(long partitionId, int bucket) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void pause(int bucket) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void resume(int bucket) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void pause(long partitionId, int bucket) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void resume(long partitionId, int bucket) {
    throw new UnsupportedOperationException();
  }

  @Override
  public ArrowScanBatches pollBatches(Duration timeout) {
    throw new UnsupportedOperationException();
  }

  @Override
  public boolean isEndReached() {
    return false;
  }
}
