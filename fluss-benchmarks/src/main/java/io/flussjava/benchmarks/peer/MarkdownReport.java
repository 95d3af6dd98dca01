package io.flussjava.benchmarks.peer;

import java.util.List;

/**
 * The end-of-run Markdown table: one row per workload, both clients' medians side by side and their
 * ratios.
 */
final class MarkdownReport {
  private MarkdownReport() {}

  static String render(List<WorkloadSummary> summaries, String settings) {
    StringBuilder sb = new StringBuilder();
    sb.append(settings).append("\n\n");
    sb.append(
            "| workload | size | fluss-java rows/s | official rows/s | ratio | fluss-java MB/s | official MB/s ")
        .append("| fluss-java CPU s (µs/row) | official CPU s (µs/row) | CPU ratio ")
        .append("| fluss-java p50 / p99 ms | official p50 / p99 ms |\n");
    sb.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (WorkloadSummary s : summaries) {
      ClientStats fj = s.flussJava();
      ClientStats off = s.official();
      sb.append("| ")
          .append(s.title())
          .append(" | ")
          .append(s.size())
          .append(" | ")
          .append(rate(fj))
          .append(" | ")
          .append(rate(off))
          .append(" | ")
          .append(Format.ratio(s.throughputRatio()))
          .append(" | ")
          .append(Format.fixed(fj.megabytesPerSecond(), 1))
          .append(" | ")
          .append(Format.fixed(off.megabytesPerSecond(), 1))
          .append(" | ")
          .append(cpu(fj))
          .append(" | ")
          .append(cpu(off))
          .append(" | ")
          .append(Format.ratio(s.cpuRatio()))
          .append(" | ")
          .append(latency(fj))
          .append(" | ")
          .append(latency(off))
          .append(" |\n");
    }
    for (WorkloadSummary s : summaries) {
      appendFailure(sb, s, ClientUnderTest.FLUSS_JAVA, s.flussJava());
      appendFailure(sb, s, ClientUnderTest.OFFICIAL, s.official());
    }
    return sb.toString();
  }

  private static String rate(ClientStats c) {
    if (!c.measured()) {
      return c.failures() > 0 ? "FAILED" : "–";
    }
    return Format.rate(c.rowsPerSecond())
        + (c.failures() > 0 ? " (" + c.failures() + " failed)" : "");
  }

  private static String cpu(ClientStats c) {
    return Format.fixed(c.cpuSeconds(), 2) + " (" + Format.fixed(c.cpuMicrosPerRow(), 2) + ")";
  }

  private static String latency(ClientStats c) {
    return Double.isNaN(c.p50Millis())
        ? "–"
        : Format.fixed(c.p50Millis(), 3) + " / " + Format.fixed(c.p99Millis(), 3);
  }

  private static void appendFailure(
      StringBuilder sb, WorkloadSummary s, String client, ClientStats c) {
    if (c.failures() > 0) {
      sb.append("\n- ")
          .append(s.id())
          .append(", ")
          .append(client)
          .append(": ")
          .append(c.failures())
          .append(" run(s) failed: ")
          .append(c.firstError());
    }
  }
}
