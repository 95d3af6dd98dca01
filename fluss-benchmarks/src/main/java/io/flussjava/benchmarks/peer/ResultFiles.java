package io.flussjava.benchmarks.peer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes the results: {@code side-by-side.md} (the table), {@code side-by-side-summary.csv}, {@code
 * side-by-side-runs.csv} (every run, warm-ups included), {@code side-by-side.json} (both) and
 * {@code side-by-side-ratios.svg}.
 */
final class ResultFiles {
  private ResultFiles() {}

  static void write(
      Path dir, String markdown, List<WorkloadSummary> summaries, List<RunRecord> runs)
      throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("side-by-side.md"), markdown);
    Files.writeString(dir.resolve("side-by-side-summary.csv"), summaryCsv(summaries));
    Files.writeString(dir.resolve("side-by-side-runs.csv"), runsCsv(runs));
    Files.writeString(dir.resolve("side-by-side.json"), json(summaries, runs));
    Files.writeString(dir.resolve("side-by-side-ratios.svg"), RatioChart.render(summaries));
  }

  private static String summaryCsv(List<WorkloadSummary> summaries) {
    StringBuilder sb =
        new StringBuilder(
            "workload,size,client,runs,failures,rows_per_s,mb_per_s,cpu_s,cpu_us_per_row,"
                + "wall_s,gc_s,p50_ms,p99_ms,throughput_ratio,cpu_ratio\n");
    for (WorkloadSummary s : summaries) {
      for (String client : List.of(ClientUnderTest.FLUSS_JAVA, ClientUnderTest.OFFICIAL)) {
        ClientStats c = client.equals(ClientUnderTest.OFFICIAL) ? s.official() : s.flussJava();
        sb.append(
                String.join(
                    ",",
                    s.id(),
                    quote(s.size()),
                    client,
                    "" + c.runs(),
                    "" + c.failures(),
                    Format.plain(c.rowsPerSecond()),
                    Format.plain(c.megabytesPerSecond()),
                    Format.plain(c.cpuSeconds()),
                    Format.plain(c.cpuMicrosPerRow()),
                    Format.plain(c.seconds()),
                    Format.plain(c.gcSeconds()),
                    Format.plain(c.p50Millis()),
                    Format.plain(c.p99Millis()),
                    Format.plain(s.throughputRatio()),
                    Format.plain(s.cpuRatio())))
            .append('\n');
      }
    }
    return sb.toString();
  }

  private static String runsCsv(List<RunRecord> runs) {
    StringBuilder sb =
        new StringBuilder("workload,client,round,warmup,rows,wall_s,cpu_s,gc_s,rows_per_s,error\n");
    for (RunRecord r : runs) {
      RunResult x = r.result();
      sb.append(
              String.join(
                  ",",
                  r.workloadId(),
                  r.client(),
                  "" + r.round(),
                  "" + r.warmup(),
                  x == null ? "" : "" + x.rows(),
                  x == null ? "" : Format.plain(x.seconds()),
                  x == null ? "" : Format.plain(x.cpuSeconds()),
                  x == null ? "" : Format.plain(x.gcMillis() / 1e3),
                  x == null ? "" : Format.plain(x.rowsPerSecond()),
                  r.error() == null ? "" : quote(r.error())))
          .append('\n');
    }
    return sb.toString();
  }

  private static String json(List<WorkloadSummary> summaries, List<RunRecord> runs) {
    StringBuilder sb = new StringBuilder("{\n  \"summary\": [\n");
    for (int i = 0; i < summaries.size(); i++) {
      WorkloadSummary s = summaries.get(i);
      sb.append("    {\"workload\": ")
          .append(str(s.id()))
          .append(", \"title\": ")
          .append(str(s.title()))
          .append(", \"size\": ")
          .append(str(s.size()))
          .append(", \"throughputRatio\": ")
          .append(num(s.throughputRatio()))
          .append(", \"cpuRatio\": ")
          .append(num(s.cpuRatio()))
          .append(",\n      \"fluss-java\": ")
          .append(stats(s.flussJava()))
          .append(",\n      \"official\": ")
          .append(stats(s.official()))
          .append('}')
          .append(i < summaries.size() - 1 ? ",\n" : "\n");
    }
    sb.append("  ],\n  \"runs\": [\n");
    for (int i = 0; i < runs.size(); i++) {
      RunRecord r = runs.get(i);
      RunResult x = r.result();
      sb.append("    {\"workload\": ")
          .append(str(r.workloadId()))
          .append(", \"client\": ")
          .append(str(r.client()))
          .append(", \"round\": ")
          .append(r.round())
          .append(", \"warmup\": ")
          .append(r.warmup());
      if (x != null) {
        sb.append(", \"rows\": ")
            .append(x.rows())
            .append(", \"wallSeconds\": ")
            .append(num(x.seconds()))
            .append(", \"cpuSeconds\": ")
            .append(num(x.cpuSeconds()))
            .append(", \"gcSeconds\": ")
            .append(num(x.gcMillis() / 1e3))
            .append(", \"rowsPerSecond\": ")
            .append(num(x.rowsPerSecond()));
      } else {
        sb.append(", \"error\": ").append(str(r.error()));
      }
      sb.append('}').append(i < runs.size() - 1 ? ",\n" : "\n");
    }
    return sb.append("  ]\n}\n").toString();
  }

  private static String stats(ClientStats c) {
    return String.format(
        Locale.ROOT,
        "{\"runs\": %d, \"failures\": %d, \"rowsPerSecond\": %s, \"mbPerSecond\": %s, \"cpuSeconds\": %s,"
            + " \"cpuMicrosPerRow\": %s, \"wallSeconds\": %s, \"gcSeconds\": %s, \"p50Millis\": %s,"
            + " \"p99Millis\": %s, \"firstError\": %s}",
        c.runs(),
        c.failures(),
        num(c.rowsPerSecond()),
        num(c.megabytesPerSecond()),
        num(c.cpuSeconds()),
        num(c.cpuMicrosPerRow()),
        num(c.seconds()),
        num(c.gcSeconds()),
        num(c.p50Millis()),
        num(c.p99Millis()),
        c.firstError() == null ? "null" : str(c.firstError()));
  }

  private static String num(double v) {
    String s = Format.plain(v);
    return s.isEmpty() ? "null" : s;
  }

  private static String str(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '"':
          sb.append("\\\"");
          break;
        case '\\':
          sb.append("\\\\");
          break;
        case '\n':
          sb.append("\\n");
          break;
        case '\r':
          sb.append("\\r");
          break;
        case '\t':
          sb.append("\\t");
          break;
        default:
          if (ch < 0x20) {
            sb.append(String.format("\\u%04x", (int) ch));
          } else {
            sb.append(ch);
          }
      }
    }
    return sb.append('"').toString();
  }

  private static String quote(String s) {
    return "\"" + s.replace("\"", "\"\"").replace('\n', ' ') + "\"";
  }
}
