package io.flussjava.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A number of bytes written with a unit, as configuration values are ({@code 2mb}, {@code 64 MB},
 * {@code 512k}).
 */
public final class MemorySize implements Comparable<MemorySize> {
  private static final Pattern FORM = Pattern.compile("\\s*(\\d+)\\s*([a-zA-Z]*)\\s*");

  private final long bytes;

  private MemorySize(long bytes) {
    if (bytes < 0) {
      throw new IllegalArgumentException("negative size " + bytes);
    }
    this.bytes = bytes;
  }

  public static MemorySize ofBytes(long bytes) {
    return new MemorySize(bytes);
  }

  public static MemorySize ofMebiBytes(long mebiBytes) {
    return new MemorySize(Math.multiplyExact(mebiBytes, 1L << 20));
  }

  /**
   * Parses {@code 123}, {@code 4kb}, {@code 2mb}, {@code 1gb} (units are powers of 1024,
   * case-insensitive).
   */
  public static MemorySize parse(String text) {
    Matcher m = FORM.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a memory size: " + text);
    }
    long amount = Long.parseLong(m.group(1));
    int shift;
    switch (m.group(2).toLowerCase(Locale.ROOT)) {
      case "":
      case "b":
      case "bytes":
        shift = 0;
        break;
      // The long names are the official client's spellings, so its files parse here unchanged.
      case "kilobytes":
      case "kibibytes":
        shift = 10;
        break;
      case "megabytes":
      case "mebibytes":
        shift = 20;
        break;
      case "gigabytes":
      case "gibibytes":
        shift = 30;
        break;
      case "t":
      case "tb":
      case "tib":
      case "terabytes":
      case "tebibytes":
        shift = 40;
        break;
      case "k":
      case "kb":
      case "kib":
        shift = 10;
        break;
      case "m":
      case "mb":
      case "mib":
        shift = 20;
        break;
      case "g":
      case "gb":
      case "gib":
        shift = 30;
        break;
      default:
        throw new IllegalArgumentException("unknown unit in " + text);
    }
    return new MemorySize(Math.multiplyExact(amount, 1L << shift));
  }

  public long getBytes() {
    return bytes;
  }

  /** The size as an int, for buffers; fails rather than wrapping for sizes of 2 GiB and more. */
  public int getBytesAsInt() {
    return Math.toIntExact(bytes);
  }

  @Override
  public int compareTo(MemorySize o) {
    return Long.compare(bytes, o.bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MemorySize && ((MemorySize) o).bytes == bytes;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(bytes);
  }

  @Override
  public String toString() {
    for (String[] unit : new String[][] {{"gb", "30"}, {"mb", "20"}, {"kb", "10"}}) {
      int shift = Integer.parseInt(unit[1]);
      if (bytes > 0 && bytes % (1L << shift) == 0) {
        return (bytes >> shift) + unit[0];
      }
    }
    return bytes + "b";
  }
}
