package io.flussjava.arrow;

import io.flussjava.log.ChangeType;
import io.flussjava.log.LogBatchReader;
import io.flussjava.log.LogBatchWriter;
import io.flussjava.log.LogFormats;
import io.flussjava.log.LogReadContext;
import io.flussjava.log.LogWriteContext;
import io.flussjava.types.DataTypes;
import io.flussjava.types.RowType;
import java.nio.ByteBuffer;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;

/**
 * A rough, JMH-free timing of the ARROW hot path for the NARROW row (BIGINT, STRING(16), DOUBLE,
 * TIMESTAMP(3)), batches of 10k rows: encode (append + build) and decode (CRC + IPC + load +
 * values) in microseconds per row. Not a test; run its main method by hand.
 */
public final class ArrowTiming {
  private static final RowType NARROW =
      DataTypes.ROW(
          DataTypes.FIELD("id", DataTypes.BIGINT()),
          DataTypes.FIELD("name", DataTypes.STRING()),
          DataTypes.FIELD("score", DataTypes.DOUBLE()),
          DataTypes.FIELD("ts", DataTypes.TIMESTAMP(3)));
  private static final int ROWS = 10_000;

  private ArrowTiming() {}

  public static void main(String[] args) {
    Object[][] rows = new Object[ROWS][];
    LocalDateTime base = LocalDateTime.of(2025, 1, 1, 0, 0);
    for (int i = 0; i < ROWS; i++) {
      rows[i] =
          new Object[] {
            (long) i, String.format("name-%011d", i), i * 0.5, base.plusNanos(i * 1_000_000L)
          };
    }
    for (String compression : new String[] {"ZSTD", "NONE", "LZ4_FRAME"}) {
      Map<String, String> table = Map.of("table.log.arrow.compression.type", compression);
      try (BufferAllocator allocator = new RootAllocator();
          LogBatchWriter writer =
              LogFormats.forName("ARROW")
                  .createWriter(new LogWriteContext(NARROW, table, 64 << 20, allocator));
          LogBatchReader reader =
              LogFormats.forName("ARROW")
                  .createReader(LogReadContext.full(NARROW, table, allocator, true))) {
        int repeats = 300;
        double[] encode = new double[repeats];
        double[] decode = new double[repeats];
        double[] decodeArrow = new double[repeats];
        int size = 0;
        long[] sink = new long[1];
        for (int r = 0; r < repeats; r++) {
          long start = System.nanoTime();
          writer.reset();
          for (Object[] row : rows) {
            writer.tryAppend(ChangeType.APPEND_ONLY, row);
          }
          ByteBuffer batch = writer.build(1, -1, -1);
          encode[r] = (System.nanoTime() - start) / 1000.0 / ROWS;
          size = batch.remaining();
          start = System.nanoTime();
          reader.read(batch, 0, (offset, ts, type, row) -> sink[0] += row.length);
          decode[r] = (System.nanoTime() - start) / 1000.0 / ROWS;
          start = System.nanoTime();
          reader.readArrow(
              batch,
              0,
              b -> {
                BigIntVector ids = (BigIntVector) b.root().getVector(0);
                for (int i = b.firstRow(); i < b.rowCount(); i++) {
                  sink[0] += ids.get(i);
                }
              });
          decodeArrow[r] = (System.nanoTime() - start) / 1000.0 / ROWS;
        }
        System.out.printf(
            "%-9s batch %7d B  encode %.3f µs/row  decode to Object[] %.3f µs/row  "
                + "decode Arrow-native %.3f µs/row (median of the last 100 of %d)%n",
            compression, size, median(encode), median(decode), median(decodeArrow), repeats);
      }
    }
  }

  private static double median(double[] values) {
    double[] last = Arrays.copyOfRange(values, values.length - 100, values.length);
    Arrays.sort(last);
    return last[last.length / 2];
  }
}
