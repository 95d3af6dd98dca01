package io.flussjava.benchmarks.jmh;

import io.flussjava.benchmarks.ShapeTypes;
import io.flussjava.benchmarks.shared.Shape;
import io.flussjava.log.ArrowCompressions;
import io.flussjava.log.ChangeType;
import io.flussjava.log.LogBatchReader;
import io.flussjava.log.LogBatchWriter;
import io.flussjava.log.LogFormats;
import io.flussjava.log.LogReadContext;
import io.flussjava.log.LogWriteContext;
import io.flussjava.types.RowType;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Decoding one ARROW log batch, CRC checked: to canonical Java values per row ({@code toObjects},
 * what {@code LogScanner} does), or to Arrow vectors only ({@code arrowNative}: CRC, decompression
 * and IPC load; it then reads just the {@code id} column, so it is the cost before any value is
 * materialized).
 *
 * <p>{@code buffer} is how the batch bytes are held: {@code READ_ONLY_HEAP} is what the scanner
 * hands the reader today (protobuf's {@code ByteString.asReadOnlyByteBuffer()}), {@code HEAP} a
 * plain array-backed buffer. {@code DIRECT} is not in the default set: on Java 17 Arrow can copy
 * out of a direct buffer only with {@code --add-opens=java.base/java.nio=ALL-UNNAMED}; run it with
 * {@code -p buffer=DIRECT -jvmArgsAppend --add-opens=java.base/java.nio=ALL-UNNAMED}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ArrowDecodeBenchmark {
  @Param({"NARROW", "WIDE"})
  public Shape shape;

  @Param({"ZSTD", "LZ4_FRAME", "NONE"})
  public String compression;

  @Param({"READ_ONLY_HEAP", "HEAP"})
  public String buffer;

  private BufferAllocator allocator;
  private LogBatchReader reader;
  private ByteBuffer batch;

  @Setup
  public void setUp() {
    RowType rowType = ShapeTypes.rowType(shape);
    Map<String, String> props = Map.of(ArrowCompressions.COMPRESSION_TYPE_KEY, compression);
    allocator = new RootAllocator();
    try (LogBatchWriter writer =
        LogFormats.forName("ARROW")
            .createWriter(
                new LogWriteContext(
                    rowType, props, ArrowEncodeBenchmark.TARGET_BATCH_BYTES, allocator))) {
      for (Object[] row : BenchmarkRows.batch(shape)) {
        writer.tryAppend(ChangeType.APPEND_ONLY, row);
      }
      batch = hold(writer.build(1, -1, -1));
    }
    reader =
        LogFormats.forName("ARROW")
            .createReader(new LogReadContext(rowType, null, props, allocator, true));
  }

  private ByteBuffer hold(ByteBuffer built) {
    switch (buffer) {
      case "HEAP":
        return ByteBuffer.wrap(bytes(built));
      case "READ_ONLY_HEAP":
        return ByteBuffer.wrap(bytes(built)).asReadOnlyBuffer();
      case "DIRECT":
        return ByteBuffer.allocateDirect(built.remaining()).put(built).flip();
      default:
        throw new IllegalArgumentException(
            "buffer must be READ_ONLY_HEAP, HEAP or DIRECT, got " + buffer);
    }
  }

  private static byte[] bytes(ByteBuffer b) {
    byte[] out = new byte[b.remaining()];
    b.duplicate().get(out);
    return out;
  }

  @Benchmark
  @OperationsPerInvocation(BenchmarkRows.BATCH_ROWS)
  public long toObjects(Blackhole bh) {
    return reader.read(batch, 0, (offset, timestamp, changeType, row) -> bh.consume(row));
  }

  @Benchmark
  @OperationsPerInvocation(BenchmarkRows.BATCH_ROWS)
  public long arrowNative(Blackhole bh) {
    return reader.readArrow(
        batch,
        0,
        b -> {
          BigIntVector ids = (BigIntVector) b.root().getVector(0);
          long sum = 0;
          for (int i = b.firstRow(); i < b.rowCount(); i++) {
            sum += ids.get(i);
          }
          bh.consume(sum);
        });
  }

  @TearDown
  public void tearDown() {
    reader.close();
    allocator.close();
  }
}
