package io.flussjava.client.scan.internal;

import io.flussjava.client.TableBucket;
import io.flussjava.client.internal.Clock;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The buckets a scanner reads, each with its fetch position, end offset and pause flag. Confined to
 * the caller's thread, like everything the scanner's network callbacks change (they hand their
 * results over as events).
 */
final class SubscriptionState {
  private final Clock clock;
  private final Map<TableBucket, BucketState> buckets = new LinkedHashMap<>();

  SubscriptionState(Clock clock) {
    this.clock = clock;
  }

  /**
   * Reads {@code bucket} from {@code offset} up to, not including, {@code endOffset}; replaces any
   * subscription.
   */
  BucketState subscribe(TableBucket bucket, long offset, long endOffset) {
    if (offset < 0) {
      throw new IllegalArgumentException("offset must be >= 0, got " + offset);
    }
    BucketState state = new BucketState(bucket, offset, endOffset, clock.nanoTime());
    buckets.put(bucket, state);
    return state;
  }

  /** Stops reading {@code bucket}; false if it was not subscribed. */
  boolean unsubscribe(TableBucket bucket) {
    return buckets.remove(bucket) != null;
  }

  /** Whether {@code state} is still the bucket's subscription (not ended nor replaced since). */
  boolean isCurrent(BucketState state) {
    return buckets.get(state.bucket) == state;
  }

  /**
   * Stops fetching {@code bucket} until {@link #resume}; what was fetched before is still handed
   * out.
   */
  void pause(TableBucket bucket) {
    require(bucket).paused = true;
  }

  void resume(TableBucket bucket) {
    require(bucket).paused = false;
  }

  private BucketState require(TableBucket bucket) {
    BucketState state = buckets.get(bucket);
    if (state == null) {
      throw new IllegalStateException(
          bucket
              + " is not subscribed: subscribe to it before pausing or resuming it (subscribed: "
              + buckets.keySet()
              + ")");
    }
    return state;
  }

  Collection<BucketState> all() {
    return Collections.unmodifiableCollection(buckets.values());
  }

  boolean isEmpty() {
    return buckets.isEmpty();
  }

  void clear() {
    buckets.clear();
  }
}
