package io.flussjava.benchmarks.peer;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Number formats of the report; NaN (not measured or not applicable) prints as a dash. */
final class Format {
  private Format() {}

  /** 2130000 as "2.13M", 257000 as "257k". */
  static String rate(double perSecond) {
    if (Double.isNaN(perSecond)) {
      return "–";
    }
    if (perSecond >= 1e6) {
      return String.format(Locale.ROOT, "%.2fM", perSecond / 1e6);
    }
    if (perSecond >= 1e3) {
      return String.format(Locale.ROOT, "%.1fk", perSecond / 1e3);
    }
    return String.format(Locale.ROOT, "%.0f", perSecond);
  }

  static String fixed(double v, int decimals) {
    return Double.isNaN(v) || Double.isInfinite(v)
        ? "–"
        : String.format(Locale.ROOT, "%." + decimals + "f", v);
  }

  static String ratio(double v) {
    return Double.isNaN(v) || Double.isInfinite(v) ? "–" : String.format(Locale.ROOT, "%.2f×", v);
  }

  /**
   * A CSV or JSON number: six significant digits, no exponent; empty for NaN (the caller writes
   * null or nothing).
   */
  static String plain(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return "";
    }
    return new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
  }
}
