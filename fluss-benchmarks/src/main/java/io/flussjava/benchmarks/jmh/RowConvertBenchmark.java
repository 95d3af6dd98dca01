package io.flussjava.benchmarks.jmh;

import io.flussjava.benchmarks.ShapeTypes;
import io.flussjava.benchmarks.shared.Shape;
import io.flussjava.types.convert.RowConverter;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Checking and converting user rows to canonical values, the first step of every append and upsert.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RowConvertBenchmark {
  @Param({"NARROW", "WIDE"})
  public Shape shape;

  private Object[][] rows;
  private RowConverter converter;

  @Setup
  public void setUp() {
    rows = BenchmarkRows.batch(shape);
    converter = RowConverter.of(ShapeTypes.rowType(shape));
  }

  @Benchmark
  @OperationsPerInvocation(BenchmarkRows.BATCH_ROWS)
  public void toCanonical(Blackhole bh) {
    for (Object[] row : rows) {
      bh.consume(converter.toCanonical(row));
    }
  }
}
