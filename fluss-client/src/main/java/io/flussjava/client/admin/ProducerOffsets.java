package io.flussjava.client.admin;

import io.flussjava.client.TableBucket;
import java.util.Map;

/**
 * The log offsets a producer registered ({@link Admin#registerProducerOffsets}), e.g. where a
 * writer job's exactly-once recovery resumes, and when the registration expires.
 *
 * @param expirationTime epoch milliseconds after which the coordinator drops the registration
 */
public record ProducerOffsets(
    String producerId, long expirationTime, Map<TableBucket, Long> offsets) {
  public ProducerOffsets {
    offsets = Map.copyOf(offsets);
  }
}
