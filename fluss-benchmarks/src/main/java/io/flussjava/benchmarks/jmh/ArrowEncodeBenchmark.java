package io.flussjava.benchmarks.jmh;

import io.flussjava.benchmarks.ShapeTypes;
import io.flussjava.benchmarks.shared.Shape;
import io.flussjava.log.ArrowCompressions;
import io.flussjava.log.ChangeType;
import io.flussjava.log.LogBatchWriter;
import io.flussjava.log.LogFormats;
import io.flussjava.log.LogWriteContext;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Building one ARROW log batch from canonical rows: append every row, then build (IPC body,
 * compression, header, CRC). The writer is reused across batches, as the client's write pipeline
 * reuses it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ArrowEncodeBenchmark {
  /** The client's default batch size. */
  static final int TARGET_BATCH_BYTES = 2 << 20;

  @Param({"NARROW", "WIDE"})
  public Shape shape;

  @Param({"ZSTD", "LZ4_FRAME", "NONE"})
  public String compression;

  private Object[][] rows;
  private BufferAllocator allocator;
  private LogBatchWriter writer;

  @Setup
  public void setUp() {
    rows = BenchmarkRows.batch(shape);
    allocator = new RootAllocator();
    writer =
        LogFormats.forName("ARROW")
            .createWriter(
                new LogWriteContext(
                    ShapeTypes.rowType(shape),
                    Map.of(ArrowCompressions.COMPRESSION_TYPE_KEY, compression),
                    TARGET_BATCH_BYTES,
                    allocator));
  }

  @Benchmark
  @OperationsPerInvocation(BenchmarkRows.BATCH_ROWS)
  public ByteBuffer encode() {
    writer.reset();
    for (Object[] row : rows) {
      if (!writer.tryAppend(ChangeType.APPEND_ONLY, row)) {
        throw new IllegalStateException(
            "a batch of " + rows.length + " rows does not fit " + TARGET_BATCH_BYTES);
      }
    }
    return writer.build(1, -1, -1);
  }

  @TearDown
  public void tearDown() {
    writer.close();
    allocator.close();
  }
}
