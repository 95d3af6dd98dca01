package io.flussjava.benchmarks.jmh;

import io.flussjava.benchmarks.shared.RowGenerator;
import io.flussjava.benchmarks.shared.Shape;

/**
 * The rows every benchmark works on: one batch of generated rows, already canonical Java values.
 */
final class BenchmarkRows {
  /**
   * Rows per benchmark invocation (one batch); the {@code @OperationsPerInvocation} of every
   * benchmark.
   */
  static final int BATCH_ROWS = 10_000;

  static final long SEED = 42;

  private BenchmarkRows() {}

  static Object[][] batch(Shape shape) {
    return RowGenerator.rows(shape, SEED, BATCH_ROWS);
  }
}
