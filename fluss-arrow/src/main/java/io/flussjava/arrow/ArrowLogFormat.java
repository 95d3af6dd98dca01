package io.flussjava.arrow;

import io.flussjava.log.LogBatchReader;
import io.flussjava.log.LogBatchWriter;
import io.flussjava.log.LogFormatCodec;
import io.flussjava.log.LogReadContext;
import io.flussjava.log.LogWriteContext;

/**
 * The ARROW log format (the Fluss default): columnar batches, one Arrow IPC RecordBatch message per
 * log batch, compressed with the table's {@code table.log.arrow.compression.type}. See {@link
 * ArrowSchemas} for the type mapping.
 */
public final class ArrowLogFormat implements LogFormatCodec {
  public static final String NAME = "ARROW";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public LogBatchWriter createWriter(LogWriteContext context) {
    return new ArrowLogBatchWriter(context);
  }

  @Override
  public LogBatchReader createReader(LogReadContext context) {
    return new ArrowLogBatchReader(context);
  }
}
