package io.flussjava.client.admin;

import java.util.List;

/** How far a rebalance got ({@link Admin#listRebalanceProgress}): overall and per bucket. */
public record RebalanceProgress(
    String rebalanceId, RebalanceStatus status, List<BucketRebalance> buckets) {
  public RebalanceProgress {
    buckets = List.copyOf(buckets);
  }
}
