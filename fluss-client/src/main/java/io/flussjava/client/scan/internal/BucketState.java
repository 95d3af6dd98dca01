package io.flussjava.client.scan.internal;

import io.flussjava.client.TableBucket;

/**
 * One subscription of one bucket: where its next fetch starts and what of it is in flight or
 * buffered. A new subscription of the same bucket is a new object, so a response or buffered fetch
 * made for an older one is told apart by identity ({@link SubscriptionState#isCurrent}). Confined
 * to the scanner's caller thread.
 */
final class BucketState {
  final TableBucket bucket;
  // When the subscription was made: a table view fetched after it that lacks the partition means it
  // was dropped.
  final long subscribedNanos;
  // Offsets from here on are not read (Long.MAX_VALUE: no end).
  final long endOffset;
  long fetchOffset;
  boolean inFlight;
  // Fetched responses waiting in the buffer; the next fetch waits until poll takes them (pipelining
  // depth one).
  int buffered;
  boolean paused;
  // A poll took records of this bucket out of the buffer and has not returned them all yet.
  boolean decoding;
  // Reading tiered segments (RemoteLogReader): no fetches until they are all in the buffer.
  boolean readingRemote;
  // The router answered "wait": its wakeup ends the backoff early.
  boolean awaitingRoute;
  long retryAtNanos;
  int failedAttempts;

  BucketState(TableBucket bucket, long fetchOffset, long endOffset, long nowNanos) {
    this.bucket = bucket;
    this.fetchOffset = fetchOffset;
    this.endOffset = endOffset;
    this.subscribedNanos = nowNanos;
    this.retryAtNanos = nowNanos;
  }

  /** Whether a fetch may go out for this bucket now. */
  boolean isFetchable(long nowNanos) {
    return !paused
        && !inFlight
        && buffered == 0
        && !readingRemote
        && nowNanos - retryAtNanos >= 0
        && fetchOffset < endOffset;
  }

  /** Whether everything before the end offset was fetched and taken out of the buffer. */
  boolean isFetchedToEnd() {
    return fetchOffset >= endOffset && !inFlight && buffered == 0 && !readingRemote;
  }

  /** Records a failed attempt and when the next may start. */
  void backOff(long nowNanos, long backoffNanos) {
    failedAttempts++;
    retryAtNanos = nowNanos + backoffNanos;
  }

  @Override
  public String toString() {
    return bucket + " at offset " + fetchOffset;
  }
}
