package io.flussjava.log;

import io.flussjava.types.RowType;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;

/**
 * What a {@link LogBatchReader} needs to know about the batches it decodes.
 *
 * <p>With a projection, rows handed out contain only the projected columns, in projection order.
 * For ARROW the server has already dropped the other columns from the batches (and left a stale
 * CRC, so ARROW readers never verify the CRC of projected batches); the row formats decode whole
 * rows and project them on the client.
 *
 * @param rowType the table's full row type for the schema the batches were written with
 * @param projectedFields positions in {@code rowType} of the columns to return, in the wanted
 *     order, or null for all
 * @param tableProperties the table's properties
 * @param allocator the parent of the named child allocator the reader creates and closes (used by
 *     ARROW only)
 * @param verifyCrc whether to check each batch's CRC-32C (skipped for projected ARROW batches, see
 *     above)
 */
public record LogReadContext(
    RowType rowType,
    int[] projectedFields,
    Map<String, String> tableProperties,
    BufferAllocator allocator,
    boolean verifyCrc) {

  public LogReadContext {
    Objects.requireNonNull(rowType, "rowType");
    projectedFields = projectedFields == null ? null : projectedFields.clone();
    if (projectedFields != null) {
      for (int field : projectedFields) {
        if (field < 0 || field >= rowType.getFieldCount()) {
          throw new IllegalArgumentException(
              "projected field "
                  + field
                  + " is not a column of "
                  + rowType
                  + " (0.."
                  + (rowType.getFieldCount() - 1)
                  + ")");
        }
      }
    }
    tableProperties = Map.copyOf(Objects.requireNonNull(tableProperties, "tableProperties"));
    Objects.requireNonNull(allocator, "allocator");
  }

  /** A context for reading every column. */
  public static LogReadContext full(
      RowType rowType,
      Map<String, String> tableProperties,
      BufferAllocator allocator,
      boolean verifyCrc) {
    return new LogReadContext(rowType, null, tableProperties, allocator, verifyCrc);
  }

  /** A copy of the projection, or null when every column is read. */
  @Override
  public int[] projectedFields() {
    return projectedFields == null ? null : projectedFields.clone();
  }

  /** Whether only some columns are read. */
  public boolean isProjected() {
    return projectedFields != null;
  }

  /** The row type of the rows handed out: the projection of {@link #rowType()}, or all of it. */
  public RowType outputRowType() {
    return projectedFields == null ? rowType : rowType.project(projectedFields);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof LogReadContext)) {
      return false;
    }
    LogReadContext that = (LogReadContext) o;
    return verifyCrc == that.verifyCrc
        && rowType.equals(that.rowType)
        && Arrays.equals(projectedFields, that.projectedFields)
        && tableProperties.equals(that.tableProperties)
        && allocator == that.allocator;
  }

  @Override
  public int hashCode() {
    return Objects.hash(rowType, Arrays.hashCode(projectedFields), tableProperties, verifyCrc);
  }

  @Override
  public String toString() {
    return "LogReadContext[rowType="
        + rowType
        + ", projectedFields="
        + Arrays.toString(projectedFields)
        + ", verifyCrc="
        + verifyCrc
        + "]";
  }
}
