package io.flussjava.client;

import io.flussjava.arrow.ArrowFieldReader;
import io.flussjava.arrow.ArrowFieldReaders;
import io.flussjava.arrow.ArrowFieldWriter;
import io.flussjava.arrow.ArrowFieldWriters;
import io.flussjava.client.scan.ArrowScanBatch;
import io.flussjava.types.RowType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Test helpers between canonical rows and Arrow roots, through fluss-arrow's per-column writers and
 * readers.
 */
final class ArrowRows {
  private ArrowRows() {}

  /** A new root of {@code rowType}'s Arrow schema holding {@code rows}; the caller closes it. */
  static VectorSchemaRoot toRoot(RowType rowType, List<Object[]> rows, BufferAllocator allocator) {
    return toRoot(io.flussjava.arrow.ArrowSchemas.toArrowSchema(rowType), rowType, rows, allocator);
  }

  /**
   * Like {@link #toRoot(RowType, List, BufferAllocator)} with a given Arrow schema (which may not
   * fit the table).
   */
  static VectorSchemaRoot toRoot(
      Schema schema, RowType rowType, List<Object[]> rows, BufferAllocator allocator) {
    VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator);
    List<FieldVector> vectors = root.getFieldVectors();
    for (int c = 0; c < vectors.size(); c++) {
      ArrowFieldWriter writer =
          ArrowFieldWriters.create(
              rowType.getFieldNames().get(c), rowType.getTypeAt(c).copy(true), vectors.get(c));
      for (int r = 0; r < rows.size(); r++) {
        writer.write(r, rows.get(r)[c]);
      }
    }
    root.setRowCount(rows.size());
    return root;
  }

  /** The rows of a scanned batch as canonical values of {@code rowType} (the scan's columns). */
  static List<Object[]> rowsOf(ArrowScanBatch batch, RowType rowType) {
    List<FieldVector> vectors = batch.root().getFieldVectors();
    ArrowFieldReader[] readers = new ArrowFieldReader[vectors.size()];
    for (int c = 0; c < readers.length; c++) {
      readers[c] =
          ArrowFieldReaders.create(
              rowType.getFieldNames().get(c), rowType.getTypeAt(c), vectors.get(c));
    }
    List<Object[]> out = new ArrayList<>();
    for (int r = 0; r < batch.rowCount(); r++) {
      Object[] row = new Object[readers.length];
      for (int c = 0; c < readers.length; c++) {
        row[c] = readers[c].read(r);
      }
      out.add(row);
    }
    return out;
  }

  /** The columns of {@code row} at {@code indexes}. */
  static Object[] project(Object[] row, int[] indexes) {
    return Arrays.stream(indexes).mapToObj(i -> row[i]).toArray();
  }
}
