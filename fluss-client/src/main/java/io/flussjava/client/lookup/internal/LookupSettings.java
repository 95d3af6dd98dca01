package io.flussjava.client.lookup.internal;

import io.flussjava.config.ClientOptions;
import io.flussjava.config.Configuration;
import java.time.Duration;

/** The lookup options of a connection, read once. */
record LookupSettings(
    int maxBatch,
    int maxInFlight,
    long batchTimeoutNanos,
    int maxRetries,
    Duration requestTimeout) {
  static LookupSettings from(Configuration conf) {
    return new LookupSettings(
        conf.get(ClientOptions.LOOKUP_MAX_BATCH_SIZE),
        conf.get(ClientOptions.LOOKUP_MAX_INFLIGHT),
        conf.get(ClientOptions.LOOKUP_BATCH_TIMEOUT).toNanos(),
        conf.get(ClientOptions.LOOKUP_MAX_RETRIES),
        conf.get(ClientOptions.REQUEST_TIMEOUT));
  }
}
