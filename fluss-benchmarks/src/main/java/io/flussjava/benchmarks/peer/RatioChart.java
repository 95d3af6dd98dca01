package io.flussjava.benchmarks.peer;

import java.util.List;
import java.util.Locale;

/**
 * A small SVG bar chart of the throughput ratios (fluss-java / official), one horizontal bar per
 * workload, with a line at 1.0: bars reaching past the line are workloads where fluss-java is
 * faster.
 */
final class RatioChart {
  private static final int LABEL_WIDTH = 420;
  private static final int PLOT_WIDTH = 420;
  private static final int ROW_HEIGHT = 28;
  private static final int TOP = 40;

  private RatioChart() {}

  static String render(List<WorkloadSummary> summaries) {
    double max = 1.5;
    for (WorkloadSummary s : summaries) {
      if (isFinite(s.throughputRatio())) {
        max = Math.max(max, s.throughputRatio() * 1.1);
      }
    }
    int height = TOP + ROW_HEIGHT * summaries.size() + 30;
    int width = LABEL_WIDTH + PLOT_WIDTH + 80;
    StringBuilder svg = new StringBuilder();
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\""
                + " font-size=\"12\">%n",
            width,
            height));
    svg.append(
        String.format(
            Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height));
    svg.append("<text x=\"10\" y=\"20\" font-size=\"14\" font-weight=\"bold\">")
        .append(
            "Throughput, fluss-java / official Java client (higher is better for fluss-java)</text>\n");
    for (int i = 0; i < summaries.size(); i++) {
      WorkloadSummary s = summaries.get(i);
      int y = TOP + i * ROW_HEIGHT;
      double r = s.throughputRatio();
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n",
              LABEL_WIDTH - 8,
              y + 17,
              escape(s.title())));
      if (isFinite(r)) {
        double w = r / max * PLOT_WIDTH;
        String color = r >= 1 ? "#2e7d32" : "#c62828";
        svg.append(
            String.format(
                Locale.ROOT,
                "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>%n",
                LABEL_WIDTH,
                y + 4,
                w,
                ROW_HEIGHT - 8,
                color));
        svg.append(
            String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"%d\">%.2f×</text>%n",
                LABEL_WIDTH + w + 4,
                y + 17,
                r));
      } else {
        svg.append(
            String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"%d\" fill=\"#c62828\">not measured</text>%n",
                LABEL_WIDTH + 4,
                y + 17));
      }
    }
    double one = LABEL_WIDTH + PLOT_WIDTH / max;
    int bottom = TOP + ROW_HEIGHT * summaries.size();
    svg.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"black\" stroke-dasharray=\"4 3\"/>%n",
            one,
            TOP - 4,
            one,
            bottom + 4));
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">1.0</text>%n",
            one,
            bottom + 20));
    svg.append("</svg>\n");
    return svg.toString();
  }

  private static boolean isFinite(double v) {
    return !Double.isNaN(v) && !Double.isInfinite(v);
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
