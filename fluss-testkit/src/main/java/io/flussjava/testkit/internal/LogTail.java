package io.flussjava.testkit.internal;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Reads the end of a (possibly large, possibly still growing) log file for error messages. */
public final class LogTail {

  /** Enough for the last ~40 lines of a stack trace without reading a 100 MB log. */
  private static final int MAX_TAIL_BYTES = 64 * 1024;

  private LogTail() {}

  /**
   * The last {@code lines} lines of {@code file}, or a short note when it does not exist or cannot
   * be read.
   */
  public static String lastLines(Path file, int lines) {
    if (!Files.isRegularFile(file)) {
      return "(no file " + file + ")";
    }
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      long length = in.length();
      int size = (int) Math.min(length, MAX_TAIL_BYTES);
      byte[] bytes = new byte[size];
      in.seek(length - size);
      in.readFully(bytes);
      List<String> all =
          Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\r?\n", -1));
      if (!all.isEmpty() && all.get(all.size() - 1).isEmpty()) {
        all = all.subList(0, all.size() - 1);
      }
      if (all.isEmpty()) {
        return "(empty file " + file + ")";
      }
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(cannot read " + file + ": " + e + ")";
    }
  }

  /** Whether the tail of {@code file} mentions {@code text}. */
  public static boolean contains(Path file, String text) {
    return lastLines(file, 400).contains(text);
  }
}
