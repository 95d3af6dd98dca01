package io.flussjava.benchmarks.peer;

import io.flussjava.benchmarks.shared.RowHash;
import io.flussjava.benchmarks.shared.Shape;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the shared NARROW table from the beginning, all columns or a projection, until exactly its
 * row count, every value materialized as a JDK object; checks the checksum of the values against
 * the generated rows.
 */
final class ScanWorkload extends Workload {
  private final String[] columns;
  private final int rows;
  private final long seed;
  private final Fixtures fixtures;
  private Long expectedChecksum;

  ScanWorkload(String id, String[] columns, int rows, long seed, Fixtures fixtures) {
    super(
        id,
        columns == null
            ? "scan NARROW, all columns"
            : "scan NARROW, projection " + String.join(", ", columns));
    this.columns = columns;
    this.rows = rows;
    this.seed = seed;
    this.fixtures = fixtures;
  }

  @Override
  String size() {
    return count(rows) + " rows";
  }

  @Override
  int bytesPerRow() {
    return Shape.NARROW.logicalBytes(columns == null ? null : List.of(columns));
  }

  @Override
  void prepare() {
    fixtures.scanSource();
    expectedChecksum();
  }

  @Override
  RunResult run(ClientUnderTest client, int round) {
    RunResult result = client.scan(fixtures.scanSource(), Shape.NARROW, columns, rows);
    if (result.rows() != rows) {
      throw new IllegalStateException(
          client + " read " + result.rows() + " rows, expected " + rows);
    }
    if (result.checksum() != expectedChecksum()) {
      throw new IllegalStateException(
          client
              + " read other values than were written: checksum "
              + result.checksum()
              + ", expected "
              + expectedChecksum());
    }
    return result;
  }

  private long expectedChecksum() {
    if (expectedChecksum == null) {
      int[] indexes = columns == null ? null : Shape.NARROW.indexesOf(Arrays.asList(columns));
      long sum = 0;
      for (int i = 0; i < rows; i++) {
        sum += RowHash.ofGenerated(Shape.NARROW, seed, i, indexes);
      }
      expectedChecksum = sum;
    }
    return expectedChecksum;
  }
}
