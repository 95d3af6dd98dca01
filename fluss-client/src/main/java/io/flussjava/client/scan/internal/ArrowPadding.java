package io.flussjava.client.scan.internal;

import io.flussjava.arrow.ArrowSchemas;
import io.flussjava.client.metadata.SchemaMapping;
import io.flussjava.log.ArrowBatch;
import io.flussjava.log.ArrowBatchConsumer;
import io.flussjava.log.ChangeType;
import io.flussjava.types.DataField;
import io.flussjava.types.RowType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Presents an Arrow batch of another schema version with the reader's columns: the batch's vectors
 * for the columns it has, an all-null vector for each column it lacks (added after the batch was
 * written), and none for columns the reader does not know (added after the reader was made). The
 * batch's own vectors are only referenced, never copied; the null vectors live for one consumer
 * call (a consumer that keeps the batch transfers them out first, as it does the others).
 */
final class ArrowPadding {
  private final List<Field> fields;
  private final int[] sourceVectors;
  private final BufferAllocator allocator;

  /**
   * @param readerRowType the reader schema's row type
   * @param decodedColumns the reader-schema positions a batch of the reader's schema holds, or null
   *     for all
   * @param mapping from the batch's schema to those columns
   * @param pushedDown whether the batch holds only the mapping's present columns (in order)
   */
  ArrowPadding(
      RowType readerRowType,
      int[] decodedColumns,
      SchemaMapping mapping,
      boolean pushedDown,
      BufferAllocator allocator) {
    this.allocator = allocator;
    int[] positions = mapping.sourcePositions();
    this.fields = new ArrayList<>(positions.length);
    this.sourceVectors = new int[positions.length];
    int present = 0;
    for (int i = 0; i < positions.length; i++) {
      DataField field =
          readerRowType.getFields().get(decodedColumns == null ? i : decodedColumns[i]);
      fields.add(ArrowSchemas.toArrowField(field.getName(), field.getType()));
      if (positions[i] < 0) {
        sourceVectors[i] = -1;
      } else {
        sourceVectors[i] = pushedDown ? present : positions[i];
        present++;
      }
    }
  }

  /** Hands {@code batch} to {@code consumer} with the reader's columns. */
  void accept(ArrowBatch batch, ArrowBatchConsumer consumer) {
    List<FieldVector> source = batch.root().getFieldVectors();
    int rows = batch.root().getRowCount();
    List<FieldVector> vectors = new ArrayList<>(fields.size());
    List<FieldVector> nulls = new ArrayList<>();
    try {
      for (int i = 0; i < fields.size(); i++) {
        FieldVector v;
        if (sourceVectors[i] >= 0) {
          v = source.get(sourceVectors[i]);
        } else {
          v = fields.get(i).createVector(allocator);
          v.allocateNew(); // zeroed validity: every value null
          v.setValueCount(rows);
          nulls.add(v);
        }
        vectors.add(v);
      }
      VectorSchemaRoot root = new VectorSchemaRoot(fields, vectors, rows);
      consumer.accept(new Padded(batch, root));
    } finally {
      nulls.forEach(FieldVector::close);
    }
  }

  /** The batch with a root of the reader's columns. */
  private record Padded(ArrowBatch batch, VectorSchemaRoot root) implements ArrowBatch {
    @Override
    public long baseOffset() {
      return batch.baseOffset();
    }

    @Override
    public long commitTimestamp() {
      return batch.commitTimestamp();
    }

    @Override
    public int schemaId() {
      return batch.schemaId();
    }

    @Override
    public int firstRow() {
      return batch.firstRow();
    }

    @Override
    public int rowCount() {
      return batch.rowCount();
    }

    @Override
    public ChangeType changeType(int row) {
      return batch.changeType(row);
    }
  }
}
