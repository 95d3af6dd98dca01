package io.flussjava.benchmarks.peer;

/**
 * One run of one workload by one client: its result, or the error it failed with.
 *
 * @param round 0-based; rounds below the warm-up count are warm-ups
 */
record RunRecord(
    String workloadId, String client, int round, boolean warmup, RunResult result, String error) {
  boolean ok() {
    return result != null;
  }
}
