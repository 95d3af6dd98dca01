package io.flussjava.benchmarks.jmh;

import io.flussjava.benchmarks.ShapeTypes;
import io.flussjava.benchmarks.shared.Shape;
import io.flussjava.types.RowType;
import io.flussjava.types.codec.BucketHasher;
import io.flussjava.types.codec.ByteArrayOutput;
import io.flussjava.types.codec.CompactedKeyEncoder;
import io.flussjava.types.codec.CompactedRowWriter;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;
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

/**
 * The per-row work of a PutKv batch for a table keyed by {@code id}: encode the key
 * (CompactedKeyEncoder), hash it to a bucket (BucketHasher, 4 buckets), and write the record
 * ({@code int32 size | varint key length | key | CompactedRow value}); then the batch CRC-32C. The
 * client's own KV batch builder is internal, so this lays out the same records from the same public
 * building blocks.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class KvEncodeBenchmark {
  private static final int HEADER_BYTES = 28;
  private static final int CRC_FROM = 9;
  private static final int BUCKETS = 4;

  @Param({"NARROW", "WIDE"})
  public Shape shape;

  private Object[][] rows;
  private CompactedRowWriter valueWriter;
  private CompactedKeyEncoder keyEncoder;
  private ByteArrayOutput batch;
  private ByteArrayOutput key;

  @Setup
  public void setUp() {
    RowType rowType = ShapeTypes.rowType(shape);
    rows = BenchmarkRows.batch(shape);
    valueWriter = new CompactedRowWriter(rowType);
    keyEncoder = new CompactedKeyEncoder(rowType, new int[] {0});
    batch = new ByteArrayOutput(2 << 20);
    key = new ByteArrayOutput(32);
  }

  @Benchmark
  @OperationsPerInvocation(BenchmarkRows.BATCH_ROWS)
  public long encodeBatch() {
    batch.reset();
    batch.skipZeroed(HEADER_BYTES);
    long buckets = 0;
    for (Object[] row : rows) {
      key.reset();
      keyEncoder.writeKey(row, key);
      buckets += BucketHasher.bucketFor(key.array(), 0, key.position(), BUCKETS);
      int sizeAt = batch.position();
      batch.writeIntLE(0);
      batch.writeVarInt(key.position());
      batch.writeBytes(key.array(), 0, key.position());
      valueWriter.writeRow(row, batch);
      batch.putIntLE(sizeAt, batch.position() - sizeAt - 4);
    }
    CRC32C crc = new CRC32C();
    crc.update(batch.array(), CRC_FROM, batch.position() - CRC_FROM);
    return crc.getValue() ^ buckets;
  }
}
