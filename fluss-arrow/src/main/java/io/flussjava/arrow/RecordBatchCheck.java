package io.flussjava.arrow;

import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.ipc.message.ArrowFieldNode;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Checks a fetched (and decompressed) record batch against the schema the reader expects, before
 * Arrow's {@code VectorLoader} sees it. The loader trusts node lengths, buffer sizes and offsets: a
 * corrupt one makes it allocate without bound, fail half-way with buffers it allocated itself
 * unreleased, or trip an assertion. Everything it will rely on is checked here, so that loading a
 * batch that passed cannot fail:
 *
 * <ul>
 *   <li>one field node per field and child, depth-first, and the number of buffers each type has;
 *   <li>lengths: top-level columns as long as the batch, struct children as long as their struct, a
 *       list's child at least as long as its last offset says; null counts between 0 and the
 *       length;
 *   <li>buffers large enough for the length (validity bits, fixed-width values, offsets), offsets
 *       rising from 0 or more and ending inside the data.
 * </ul>
 */
final class RecordBatchCheck {
  private final List<ArrowFieldNode> nodes;
  private final List<ArrowBuf> buffers;
  private int node;
  private int buffer;

  private RecordBatchCheck(ArrowRecordBatch batch) {
    this.nodes = batch.getNodes();
    this.buffers = batch.getBuffers();
  }

  /**
   * @throws IllegalArgumentException naming the first column the batch cannot fill
   */
  static void check(ArrowRecordBatch batch, List<Field> fields) {
    RecordBatchCheck check = new RecordBatchCheck(batch);
    for (Field field : fields) {
      check.field(field, field.getName(), batch.getLength(), true);
    }
    if (check.node != check.nodes.size() || check.buffer != check.buffers.size()) {
      throw new IllegalArgumentException(
          "the batch has "
              + check.nodes.size()
              + " field nodes and "
              + check.buffers.size()
              + " buffers, the schema "
              + check.node
              + " and "
              + check.buffer);
    }
  }

  private void field(Field field, String path, long needed, boolean exact) {
    if (node >= nodes.size()) {
      throw new IllegalArgumentException("no field node left for column " + path);
    }
    ArrowFieldNode fieldNode = nodes.get(node++);
    long length = fieldNode.getLength();
    long nulls = fieldNode.getNullCount();
    if (exact ? length != needed : length < needed) {
      throw new IllegalArgumentException(
          "column " + path + " has " + length + " values where " + needed + " are needed");
    }
    if (nulls < 0 || nulls > length) {
      throw new IllegalArgumentException(
          "column " + path + " has " + nulls + " nulls in " + length + " values");
    }
    ArrowBuf validity = next(path);
    if (nulls > 0 || validity.capacity() > 0) {
      holds(validity, (length + 7) / 8, path, "validity bits");
    }
    ArrowType type = field.getType();
    switch (type.getTypeID()) {
      case Utf8:
      case Binary:
        ArrowBuf offsets = next(path);
        ArrowBuf data = next(path);
        offsets(offsets, length, data.capacity(), path);
        break;
      case List:
      case Map:
        long values = offsets(next(path), length, Integer.MAX_VALUE, path);
        Field child = field.getChildren().get(0);
        field(child, path + "." + child.getName(), values, false);
        break;
      case Struct:
        for (Field member : field.getChildren()) {
          field(member, path + "." + member.getName(), length, true);
        }
        break;
      case Bool:
        holds(next(path), (length + 7) / 8, path, "values");
        break;
      default:
        holds(next(path), length * byteWidth(type, path), path, "values");
        break;
    }
  }

  private ArrowBuf next(String path) {
    if (buffer >= buffers.size()) {
      throw new IllegalArgumentException("no buffer left for column " + path);
    }
    return buffers.get(buffer++);
  }

  private static void holds(ArrowBuf buf, long needed, String path, String what) {
    if (buf.capacity() < needed) {
      throw new IllegalArgumentException(
          "column "
              + path
              + " holds "
              + buf.capacity()
              + " bytes of "
              + what
              + ", "
              + needed
              + " are needed");
    }
  }

  /**
   * Checks {@code length + 1} rising offsets ending within {@code limit}; returns the last (0 with
   * no values).
   */
  private static long offsets(ArrowBuf offsets, long length, long limit, String path) {
    if (length == 0) {
      return 0; // writers may send an empty offsets buffer for an empty column
    }
    holds(offsets, (length + 1) * 4, path, "offsets");
    int previous = offsets.getInt(0);
    if (previous < 0) {
      throw new IllegalArgumentException("column " + path + " starts at offset " + previous);
    }
    for (long i = 1; i <= length; i++) {
      int next = offsets.getInt(i * 4);
      if (next < previous || next > limit) {
        throw new IllegalArgumentException(
            "column " + path + " has a bad offset " + next + " at value " + (i - 1));
      }
      previous = next;
    }
    return previous;
  }

  private static int byteWidth(ArrowType type, String path) {
    switch (type.getTypeID()) {
      case Int:
        return ((ArrowType.Int) type).getBitWidth() / 8;
      case FloatingPoint:
        return ((ArrowType.FloatingPoint) type).getPrecision()
                == org.apache.arrow.vector.types.FloatingPointPrecision.SINGLE
            ? 4
            : 8;
      case Decimal:
        return ((ArrowType.Decimal) type).getBitWidth() / 8;
      case Date:
        return ((ArrowType.Date) type).getUnit() == org.apache.arrow.vector.types.DateUnit.DAY
            ? 4
            : 8;
      case Time:
        return ((ArrowType.Time) type).getBitWidth() / 8;
      case Timestamp:
        return 8;
      case FixedSizeBinary:
        return ((ArrowType.FixedSizeBinary) type).getByteWidth();
      default:
        throw new IllegalArgumentException(
            "column " + path + " has an Arrow type this reader does not know: " + type);
    }
  }
}
