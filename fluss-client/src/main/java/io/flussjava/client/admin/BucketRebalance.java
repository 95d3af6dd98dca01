package io.flussjava.client.admin;

import io.flussjava.client.TableBucket;
import java.util.List;
import java.util.OptionalInt;

/**
 * One bucket's move in a rebalance: its leader and replicas before and after, and how far it got.
 */
public record BucketRebalance(
    TableBucket bucket,
    OptionalInt originalLeader,
    OptionalInt newLeader,
    List<Integer> originalReplicas,
    List<Integer> newReplicas,
    RebalanceStatus status) {
  public BucketRebalance {
    originalReplicas = List.copyOf(originalReplicas);
    newReplicas = List.copyOf(newReplicas);
  }
}
