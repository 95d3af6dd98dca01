package io.flussjava.benchmarks.peer;

import io.flussjava.benchmarks.shared.Measurement;
import java.util.Map;

/**
 * One measured run of one client, read from the {@link Measurement} map its bridge returned.
 *
 * @param latencyNanos per-operation latencies, or null where they do not apply
 */
record RunResult(
    long rows, long wallNanos, long cpuNanos, long gcMillis, long checksum, long[] latencyNanos) {

  static RunResult fromMap(Object answer) {
    Map<?, ?> m = (Map<?, ?>) answer;
    return new RunResult(
        (Long) m.get(Measurement.ROWS),
        (Long) m.get(Measurement.WALL_NANOS),
        (Long) m.get(Measurement.CPU_NANOS),
        (Long) m.get(Measurement.GC_MILLIS),
        (Long) m.get(Measurement.CHECKSUM),
        (long[]) m.get(Measurement.LATENCIES));
  }

  double seconds() {
    return wallNanos / 1e9;
  }

  double cpuSeconds() {
    return cpuNanos / 1e9;
  }

  double rowsPerSecond() {
    return rows / seconds();
  }
}
