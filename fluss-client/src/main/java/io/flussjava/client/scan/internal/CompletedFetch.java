package io.flussjava.client.scan.internal;

import java.nio.ByteBuffer;

/**
 * One fetched response's records of one bucket, not yet decoded: decoding waits until a poll takes
 * them.
 *
 * @param state the subscription the fetch was made for (stale once the bucket is unsubscribed or
 *     re-subscribed)
 * @param fetchOffset the offset the fetch asked for: records of its first batch before it are
 *     skipped
 * @param records log batches back to back, the last complete one ending before the next fetch
 *     offset
 * @param remotePath the tiered segment file the records were read from, for error messages; null
 *     for records a server sent
 */
record CompletedFetch(BucketState state, long fetchOffset, ByteBuffer records, String remotePath) {
  CompletedFetch(BucketState state, long fetchOffset, ByteBuffer records) {
    this(state, fetchOffset, records, null);
  }
}
