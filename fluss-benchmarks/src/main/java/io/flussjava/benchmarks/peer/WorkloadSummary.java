package io.flussjava.benchmarks.peer;

import java.util.List;

/** Both clients' figures for one workload, and their ratios (fluss-java / official). */
record WorkloadSummary(
    String id, String title, String size, ClientStats flussJava, ClientStats official) {

  static WorkloadSummary of(Workload w, List<RunRecord> records) {
    List<RunRecord> measured =
        records.stream().filter(r -> r.workloadId().equals(w.id()) && !r.warmup()).toList();
    return new WorkloadSummary(
        w.id(),
        w.title(),
        w.size(),
        ClientStats.of(forClient(measured, ClientUnderTest.FLUSS_JAVA), w.bytesPerRow()),
        ClientStats.of(forClient(measured, ClientUnderTest.OFFICIAL), w.bytesPerRow()));
  }

  /** Throughput of fluss-java over the official client's; above 1 means fluss-java is faster. */
  double throughputRatio() {
    return flussJava.rowsPerSecond() / official.rowsPerSecond();
  }

  /**
   * CPU seconds of fluss-java over the official client's, per row; below 1 means fluss-java uses
   * less.
   */
  double cpuRatio() {
    return flussJava.cpuMicrosPerRow() / official.cpuMicrosPerRow();
  }

  private static List<RunRecord> forClient(List<RunRecord> records, String client) {
    return records.stream().filter(r -> r.client().equals(client)).toList();
  }
}
