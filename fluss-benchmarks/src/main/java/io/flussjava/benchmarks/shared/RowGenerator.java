package io.flussjava.benchmarks.shared;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.SplittableRandom;

/**
 * Deterministic benchmark rows as JDK values (Long, String, Double, LocalDateTime, Integer, Float,
 * Boolean, BigDecimal, LocalDate; never null). Row {@code i} of a seed is the same on both sides of
 * the side-by-side run and can be produced on its own (random access), so expected checksums of any
 * key set are cheap. {@code id} is {@code i}.
 */
public final class RowGenerator {
  private static final LocalDateTime EPOCH = LocalDateTime.of(2025, 1, 1, 0, 0);
  private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private RowGenerator() {}

  /** Row {@code index} of {@code shape} for {@code seed}. */
  public static Object[] row(Shape shape, long seed, long index) {
    // One generator per row keeps rows independent of each other, hence random access.
    SplittableRandom random = new SplittableRandom(seed * GOLDEN + index);
    Object[] row = new Object[shape.columnCount()];
    row[0] = index;
    row[1] = text(random, 16);
    row[2] = random.nextInt(1_000_000) / 100.0;
    row[3] = EPOCH.plusNanos((index * 7 + random.nextInt(1000)) * 1_000_000L);
    if (shape == Shape.WIDE) {
      row[4] = random.nextInt();
      row[5] = random.nextInt(1000);
      row[6] = random.nextLong();
      row[7] = (float) random.nextInt(1 << 20) / 64f;
      row[8] = random.nextBoolean();
      row[9] = text(random, 32);
      row[10] = BigDecimal.valueOf(random.nextLong(10_000_000_000L), 2);
      row[11] = LocalDate.ofEpochDay(18_000 + random.nextInt(3650));
    }
    return row;
  }

  /** Rows {@code [0, count)}. */
  public static Object[][] rows(Shape shape, long seed, int count) {
    Object[][] rows = new Object[count][];
    for (int i = 0; i < count; i++) {
      rows[i] = row(shape, seed, i);
    }
    return rows;
  }

  private static String text(SplittableRandom random, int length) {
    char[] chars = new char[length];
    for (int i = 0; i < length; i++) {
      chars[i] = ALPHABET[random.nextInt(ALPHABET.length)];
    }
    return new String(chars);
  }
}
