package io.flussjava.client.scan.internal;

import io.flussjava.client.TableBucket;
import io.flussjava.client.scan.ArrowScanBatch;
import io.flussjava.log.ArrowBatch;
import io.flussjava.log.ChangeType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.util.TransferPair;

/**
 * Moves a decoded batch out of the log reader's reused root (valid only during its callback) into a
 * root of its own that a poll result can hand out. The buffers change owner without being copied;
 * only a batch that has to be cut (records before the fetch offset, past an end offset or past a
 * limit) is sliced, which copies at most its validity bits.
 */
final class ArrowBatchDetacher {
  private final BufferAllocator allocator;
  // Position in the decoded root of each column to hand out (a reordering of a projected batch, or
  // a projection of a whole one), or null for all of them in order.
  private final int[] columnOrder;

  ArrowBatchDetacher(BufferAllocator allocator, int[] columnOrder) {
    this.allocator = allocator;
    this.columnOrder = columnOrder == null ? null : columnOrder.clone();
  }

  /** The rows {@code [from, to)} of {@code batch} as a batch the caller owns (and must close). */
  ArrowScanBatch detach(TableBucket bucket, ArrowBatch batch, int from, int to) {
    if (from < 0 || to > batch.rowCount() || from >= to) {
      throw new IllegalArgumentException(
          "rows " + from + ".." + to + " of a batch of " + batch.rowCount());
    }
    ChangeType[] changeTypes = changeTypes(batch, from, to);
    VectorSchemaRoot whole = transfer(batch.root());
    VectorSchemaRoot root = whole;
    if (from > 0 || to < whole.getRowCount()) {
      try {
        root = whole.slice(from, to - from);
      } finally {
        whole.close();
      }
    }
    return new ArrowScanBatch(
        bucket, root, batch.offsetOf(from), batch.commitTimestamp(), changeTypes);
  }

  private VectorSchemaRoot transfer(VectorSchemaRoot decoded) {
    int rowCount = decoded.getRowCount(); // read first: a transfer empties the source vectors
    List<FieldVector> source = decoded.getFieldVectors();
    int count = columnOrder == null ? source.size() : columnOrder.length;
    List<FieldVector> vectors = new ArrayList<>(count);
    List<Field> fields = new ArrayList<>(count);
    // Only the columns handed out move; the others stay with the reader, which reuses its root.
    for (int i = 0; i < count; i++) {
      TransferPair pair =
          source.get(columnOrder == null ? i : columnOrder[i]).getTransferPair(allocator);
      pair.transfer();
      FieldVector v = (FieldVector) pair.getTo();
      vectors.add(v);
      fields.add(v.getField());
    }
    return new VectorSchemaRoot(fields, vectors, rowCount);
  }

  /** The change types of the rows, or null when they are all appends (log tables). */
  private static ChangeType[] changeTypes(ArrowBatch batch, int from, int to) {
    ChangeType[] out = null;
    for (int row = from; row < to; row++) {
      ChangeType type = batch.changeType(row);
      if (type != ChangeType.APPEND_ONLY && out == null) {
        out = new ChangeType[to - from];
        java.util.Arrays.fill(out, 0, row - from, ChangeType.APPEND_ONLY);
      }
      if (out != null) {
        out[row - from] = type;
      }
    }
    return out;
  }
}
