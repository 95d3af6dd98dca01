package io.flussjava.benchmarks.peer;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * One client's figures for one workload over its measured (non-warm-up) runs: medians of throughput
 * and CPU, and latency percentiles over all operations of all runs.
 */
record ClientStats(
    int runs,
    int failures,
    String firstError,
    double rowsPerSecond,
    double megabytesPerSecond,
    double cpuSeconds,
    double seconds,
    double gcSeconds,
    double p50Millis,
    double p99Millis) {

  static ClientStats of(List<RunRecord> records, int bytesPerRow) {
    List<RunResult> ok = records.stream().filter(RunRecord::ok).map(RunRecord::result).toList();
    int failures = records.size() - ok.size();
    String firstError =
        records.stream().filter(r -> !r.ok()).map(RunRecord::error).findFirst().orElse(null);
    if (ok.isEmpty()) {
      return new ClientStats(
          0,
          failures,
          firstError,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          Double.NaN);
    }
    double rowsPerSecond = median(ok, RunResult::rowsPerSecond);
    long[] latencies =
        ok.stream()
            .filter(r -> r.latencyNanos() != null)
            .flatMapToLong(r -> Arrays.stream(r.latencyNanos()))
            .sorted()
            .toArray();
    return new ClientStats(
        ok.size(),
        failures,
        firstError,
        rowsPerSecond,
        bytesPerRow == 0 ? Double.NaN : rowsPerSecond * bytesPerRow / 1e6,
        median(ok, RunResult::cpuSeconds),
        median(ok, RunResult::seconds),
        median(ok, r -> r.gcMillis() / 1e3),
        percentile(latencies, 0.50),
        percentile(latencies, 0.99));
  }

  boolean measured() {
    return runs > 0;
  }

  /** CPU per row (or per key) in microseconds, from the medians. */
  double cpuMicrosPerRow() {
    return cpuSeconds * 1e6 / (rowsPerSecond * seconds);
  }

  private static double median(List<RunResult> runs, ToDoubleFunction<RunResult> f) {
    double[] v = runs.stream().mapToDouble(f).sorted().toArray();
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  private static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
  }
}
