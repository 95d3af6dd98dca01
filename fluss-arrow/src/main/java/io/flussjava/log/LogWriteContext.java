package io.flussjava.log;

import io.flussjava.types.RowType;
import java.util.Map;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;

/**
 * What a {@link LogBatchWriter} needs to know about the table it writes for.
 *
 * @param rowType the table's row type (all columns, in schema order); rows passed to the writer
 *     match it
 * @param tableProperties the table's properties, from which a codec reads its own options (for
 *     ARROW: {@value ArrowCompressions#COMPRESSION_TYPE_KEY} and {@value
 *     ArrowCompressions#ZSTD_LEVEL_KEY})
 * @param targetBatchSizeBytes the size a batch should not exceed (by estimate); a batch always
 *     takes its first record, however large
 * @param allocator the parent of the named child allocator the writer creates and closes (used by
 *     ARROW only)
 */
public record LogWriteContext(
    RowType rowType,
    Map<String, String> tableProperties,
    int targetBatchSizeBytes,
    BufferAllocator allocator) {

  public LogWriteContext {
    Objects.requireNonNull(rowType, "rowType");
    tableProperties = Map.copyOf(Objects.requireNonNull(tableProperties, "tableProperties"));
    Objects.requireNonNull(allocator, "allocator");
    if (targetBatchSizeBytes <= 0) {
      throw new IllegalArgumentException(
          "targetBatchSizeBytes must be positive, got " + targetBatchSizeBytes);
    }
  }
}
