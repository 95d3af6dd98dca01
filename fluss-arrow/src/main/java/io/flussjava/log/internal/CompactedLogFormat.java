package io.flussjava.log.internal;

import io.flussjava.log.LogBatchReader;
import io.flussjava.log.LogBatchWriter;
import io.flussjava.log.LogFormatCodec;
import io.flussjava.log.LogReadContext;
import io.flussjava.log.LogWriteContext;
import io.flussjava.types.codec.CompactedRowReader;
import io.flussjava.types.codec.CompactedRowWriter;

/** The COMPACTED log format: row-framed records holding CompactedRow bytes. */
public final class CompactedLogFormat implements LogFormatCodec {
  public static final String NAME = "COMPACTED";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public LogBatchWriter createWriter(LogWriteContext context) {
    CompactedRowWriter rows = new CompactedRowWriter(context.rowType());
    return new RowLogBatchWriter(
        NAME, rows::writeRow, context.rowType().getFieldCount(), context.targetBatchSizeBytes());
  }

  @Override
  public LogBatchReader createReader(LogReadContext context) {
    CompactedRowReader rows = new CompactedRowReader(context.rowType());
    return new RowLogBatchReader(NAME, rows::read, context.projectedFields(), context.verifyCrc());
  }
}
