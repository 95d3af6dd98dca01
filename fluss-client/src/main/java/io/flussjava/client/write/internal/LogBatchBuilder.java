package io.flussjava.client.write.internal;

import io.flussjava.log.ChangeType;
import io.flussjava.log.LogBatchWriter;
import io.flussjava.log.LogBatches;
import java.nio.ByteBuffer;

/**
 * A {@link RecordBatchBuilder} for ProduceLog: whatever log format codec the table names fills the
 * batch.
 */
final class LogBatchBuilder implements RecordBatchBuilder {
  private final LogBatchWriter writer;

  LogBatchBuilder(LogBatchWriter writer) {
    this.writer = writer;
  }

  @Override
  public boolean tryAppend(ChangeType type, Object[] row, byte[] key) {
    return writer.tryAppend(type, row);
  }

  @Override
  public int recordCount() {
    return writer.recordCount();
  }

  @Override
  public int estimatedSizeInBytes() {
    return writer.estimatedSizeInBytes();
  }

  @Override
  public ByteBuffer build(int schemaId, long writerId, int batchSequence) {
    return writer.build(schemaId, writerId, batchSequence);
  }

  @Override
  public void restamp(ByteBuffer built, long writerId, int batchSequence) {
    LogBatches.assignWriter(built, writerId, batchSequence);
  }

  @Override
  public void reset() {
    writer.reset();
  }

  @Override
  public void close() {
    writer.close();
  }
}
