package io.flussjava.log.internal;

import io.flussjava.log.LogBatchReader;
import io.flussjava.log.LogBatchWriter;
import io.flussjava.log.LogFormatCodec;
import io.flussjava.log.LogReadContext;
import io.flussjava.log.LogWriteContext;

/** The INDEXED log format: row-framed records holding IndexedRow bytes (scalar columns only). */
public final class IndexedLogFormat implements LogFormatCodec {
  public static final String NAME = "INDEXED";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public LogBatchWriter createWriter(LogWriteContext context) {
    return new RowLogBatchWriter(
        NAME,
        new IndexedRowCodec(context.rowType()),
        context.rowType().getFieldCount(),
        context.targetBatchSizeBytes());
  }

  @Override
  public LogBatchReader createReader(LogReadContext context) {
    return new RowLogBatchReader(
        NAME,
        new IndexedRowCodec(context.rowType()),
        context.projectedFields(),
        context.verifyCrc());
  }
}
