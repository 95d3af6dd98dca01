package io.flussjava.client.scan.internal;

import io.flussjava.client.TableBucket;
import io.flussjava.client.admin.LogFormat;
import io.flussjava.client.admin.TableInfo;
import io.flussjava.client.internal.Clock;
import io.flussjava.client.scan.ArrowScanBatch;
import io.flussjava.client.scan.ArrowScanBatches;
import io.flussjava.client.scan.ScanRecords;
import io.flussjava.exception.FlussException;
import io.flussjava.exception.InvalidTableOperationException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The poll loop of a scanner: applies the network's events, reports queued errors, keeps the
 * fetcher busy, asks the decoder for records and waits for responses until something arrives, the
 * scan ends or the timeout passes. Also where a scan ends: a limit caps the records returned over
 * all buckets, and a bounded scan is done once every bucket returned everything before its end
 * offset.
 */
final class Poller {
  // Wake now and then without an event, to retry buckets whose backoff ended.
  private static final long MAX_IDLE_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

  private final String handle;
  private final boolean bounded;
  private final int maxPollRecords;
  private final Clock clock;
  private final SubscriptionState subscriptions;
  private final FetchBuffer buffer;
  private final LogFetcher fetcher;
  private final RecordDecoder decoder;
  // Run at every turn of the loop: throws if the scanner or its connection was closed meanwhile.
  private final Runnable checkUsable;
  private long limitRemaining;

  Poller(
      String handle,
      long limit,
      boolean bounded,
      int maxPollRecords,
      Clock clock,
      SubscriptionState subscriptions,
      FetchBuffer buffer,
      LogFetcher fetcher,
      RecordDecoder decoder,
      Runnable checkUsable) {
    this.handle = handle;
    this.limitRemaining = limit;
    this.bounded = bounded;
    this.maxPollRecords = maxPollRecords;
    this.clock = clock;
    this.subscriptions = subscriptions;
    this.buffer = buffer;
    this.fetcher = fetcher;
    this.decoder = decoder;
    this.checkUsable = checkUsable;
  }

  ScanRecords poll(Duration timeout) {
    return pollUntil(
        timeout,
        () -> {
          ScanRecords records = decoder.collect((int) Math.min(maxPollRecords, limitRemaining));
          return returned(records, records.count());
        },
        ScanRecords::isEmpty,
        ScanRecords.EMPTY);
  }

  /**
   * @throws InvalidTableOperationException if the table's log is not ARROW
   * @throws IllegalStateException if records a poll() took from a response are still waiting to be
   *     returned
   */
  void checkBatchesAllowed(TableInfo table) {
    if (table.getLogFormat() != LogFormat.ARROW) {
      throw new InvalidTableOperationException(
          "Table "
              + table.getTablePath()
              + " stores its log as "
              + table.getLogFormat()
              + ": pollBatches reads"
              + " ARROW batches only; read it with poll(), or create the table with table.log.format=ARROW.");
    }
    TableBucket unfinished = decoder.readingBucket();
    if (unfinished != null) {
      throw new IllegalStateException(
          "records of "
              + unfinished
              + " taken by poll() are still waiting to be returned: keep calling poll()"
              + " on this scanner, or use a scanner of its own for pollBatches()");
    }
  }

  ArrowScanBatches pollBatches(Duration timeout) {
    return pollUntil(
        timeout,
        () -> {
          List<ArrowScanBatch> batches =
              decoder.collectBatches(Math.min(maxPollRecords, limitRemaining), limitRemaining);
          ArrowScanBatches result =
              batches.isEmpty() ? ArrowScanBatches.empty() : new ArrowScanBatches(batches);
          return returned(result, result.recordCount());
        },
        ArrowScanBatches::isEmpty,
        ArrowScanBatches.empty());
  }

  /**
   * Whether the limit was reached or, for a bounded scan, every bucket returned all it had before
   * its end.
   */
  boolean isEnd() {
    if (limitRemaining == 0) {
      return true;
    }
    if (!bounded || buffer.hasError()) {
      // A queued error ended a bucket's subscription: the scan is not complete, and the next poll
      // must report why rather than a reader ending quietly without the bucket's records.
      return false;
    }
    for (BucketState b : subscriptions.all()) {
      if (!b.isFetchedToEnd() || decoder.isReading(b)) {
        return false;
      }
    }
    return true;
  }

  private <T> T pollUntil(Duration timeout, Supplier<T> collect, Predicate<T> isEmpty, T empty) {
    long deadline = clock.nanoTime() + timeout.toNanos();
    while (true) {
      buffer.runEvents();
      checkUsable.run();
      buffer.throwError();
      if (isEnd()) {
        return empty;
      }
      if (subscriptions.isEmpty()) {
        throw new IllegalStateException(
            "no bucket subscribed: call subscribe(...), subscribeFromBeginning(...), subscribeFromLatest(...) or"
                + " subscribeFromTimestamp(...) on this "
                + handle
                + " first");
      }
      fetcher.sendFetches();
      T result = collect.get();
      if (!isEmpty.test(result)) {
        fetcher.sendFetches(); // the buckets just drained fetch again while the caller works
        return result;
      }
      long wait = deadline - clock.nanoTime();
      if (wait <= 0) {
        return empty;
      }
      try {
        buffer.awaitEvent(Math.min(wait, MAX_IDLE_WAIT_NANOS));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new FlussException("interrupted while polling " + handle, e);
      }
    }
  }

  /**
   * Counts records handed out against the limit; once it is used up, drops everything still
   * buffered.
   */
  private <T> T returned(T result, long count) {
    if (limitRemaining != Long.MAX_VALUE) {
      limitRemaining -= count;
      if (limitRemaining == 0) {
        buffer.clearCompleted();
        decoder.stopReading();
      }
    }
    return result;
  }
}
