package io.flussjava.benchmarks.shared;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Wall time, process CPU time and GC time of one timed section, reported as a map of JDK values
 * (the only thing that crosses the class-loader boundary). Process CPU counts every thread of this
 * JVM (caller, network, sender, GC, JIT); the Fluss servers run in other JVMs and are not counted.
 * Both clients run in this same JVM, one after the other.
 */
public final class Measurement {
  public static final String ROWS = "rows";
  public static final String WALL_NANOS = "wallNanos";
  public static final String CPU_NANOS = "cpuNanos";
  public static final String GC_MILLIS = "gcMillis";
  public static final String CHECKSUM = "checksum";

  /** long[] of per-operation latencies in nanoseconds, only where they apply (lookups). */
  public static final String LATENCIES = "latencyNanos";

  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private final long startWall;
  private final long startCpu;
  private final long startGc;

  private Measurement() {
    this.startGc = gcMillis();
    this.startCpu = OS.getProcessCpuTime();
    this.startWall = System.nanoTime();
  }

  /**
   * Collects the garbage left by preparing the rows (so it is not charged to the section), then
   * starts the clocks.
   */
  public static Measurement start() {
    System.gc();
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return new Measurement();
  }

  /** Stops the clocks. */
  public Map<String, Object> finish(long rows, long checksum) {
    return finish(rows, checksum, null);
  }

  /** Stops the clocks; {@code latencies} may be null. */
  public Map<String, Object> finish(long rows, long checksum, long[] latencies) {
    long wall = System.nanoTime() - startWall;
    long cpu = OS.getProcessCpuTime() - startCpu;
    Map<String, Object> out = new LinkedHashMap<>();
    out.put(ROWS, rows);
    out.put(WALL_NANOS, wall);
    out.put(CPU_NANOS, cpu);
    out.put(GC_MILLIS, gcMillis() - startGc);
    out.put(CHECKSUM, checksum);
    if (latencies != null) {
      out.put(LATENCIES, latencies);
    }
    return out;
  }

  private static long gcMillis() {
    long sum = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      sum += Math.max(0, gc.getCollectionTime());
    }
    return sum;
  }
}
