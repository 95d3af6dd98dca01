package io.flussjava.client.scan.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.flussjava.client.TableBucket;
import io.flussjava.client.scan.ArrowScanBatch;
import io.flussjava.log.ArrowBatch;
import io.flussjava.log.ChangeType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ArrowBatchDetacherTest {
  private final BufferAllocator allocator = new RootAllocator();

  @AfterEach
  void close() {
    allocator.close(); // fails on any leaked buffer
  }

  /** A decoded batch of 5 rows (id, name) at offsets 100..104; rows 2 and 3 are updates. */
  private VectorSchemaRoot decodedRoot() {
    IntVector ids = new IntVector("id", allocator);
    VarCharVector names = new VarCharVector("name", allocator);
    for (int i = 0; i < 5; i++) {
      ids.setSafe(i, i);
      names.setSafe(i, ("n" + i).getBytes(StandardCharsets.UTF_8));
    }
    ids.setValueCount(5);
    names.setValueCount(5);
    return new VectorSchemaRoot(List.of(ids, names));
  }

  private static ArrowBatch batch(VectorSchemaRoot root) {
    return new ArrowBatch() {
      @Override
      public VectorSchemaRoot root() {
        return root;
      }

      @Override
      public long baseOffset() {
        return 100;
      }

      @Override
      public long commitTimestamp() {
        return 42;
      }

      @Override
      public int schemaId() {
        return 0;
      }

      @Override
      public int firstRow() {
        return 0;
      }

      @Override
      public int rowCount() {
        return 5;
      }

      @Override
      public ChangeType changeType(int row) {
        return row == 2
            ? ChangeType.UPDATE_BEFORE
            : row == 3 ? ChangeType.UPDATE_AFTER : ChangeType.INSERT;
      }
    };
  }

  @Test
  void wholeBatchMovesOutOfTheReusedRootInTheAskedColumnOrder() {
    try (VectorSchemaRoot decoded = decodedRoot()) {
      ArrowBatchDetacher detacher = new ArrowBatchDetacher(allocator, new int[] {1, 0});
      ArrowScanBatch out = detacher.detach(TableBucket.of(5L, 3), batch(decoded), 0, 5);
      try (VectorSchemaRoot root = out.root()) {
        assertThat(decoded.getVector(0).getValueCount()).isZero(); // the buffers moved, no copy
        assertThat(root.getSchema().getFields().stream().map(f -> f.getName()).toList())
            .containsExactly("name", "id");
        assertThat(root.getRowCount()).isEqualTo(5);
        assertThat(root.getVector("id").getObject(4)).isEqualTo(4);
        assertThat(out.baseOffset()).isEqualTo(100);
        assertThat(out.commitTimestamp()).isEqualTo(42);
        assertThat(out.bucket()).isEqualTo(3);
        assertThat(out.tableBucket()).isEqualTo(TableBucket.of(5L, 3));
        assertThat(out.changeType(2)).isEqualTo(ChangeType.UPDATE_BEFORE);
      }
    }
  }

  @Test
  void cutBatchKeepsOnlyTheAskedRowsAndTheirOffsets() {
    try (VectorSchemaRoot decoded = decodedRoot()) {
      ArrowScanBatch out =
          new ArrowBatchDetacher(allocator, null)
              .detach(TableBucket.of(5L, 7L, 0), batch(decoded), 2, 4);
      try (VectorSchemaRoot root = out.root()) {
        assertThat(root.getRowCount()).isEqualTo(2);
        assertThat(root.getVector("id").getObject(0)).isEqualTo(2);
        assertThat(root.getVector("name").getObject(1).toString()).isEqualTo("n3");
        assertThat(out.baseOffset()).isEqualTo(102);
        assertThat(out.lastOffset()).isEqualTo(103);
        assertThat(out.partitionId()).isEqualTo(7L);
        assertThat(out.changeType(0)).isEqualTo(ChangeType.UPDATE_BEFORE);
        assertThat(out.changeType(1)).isEqualTo(ChangeType.UPDATE_AFTER);
      }
    }
  }
}
