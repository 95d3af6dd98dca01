package io.flussjava.client.write.internal;

import io.flussjava.log.ChangeType;
import java.nio.ByteBuffer;

/**
 * Fills one batch of records in the wire format of its request (a log record batch for ProduceLog,
 * a KV record batch for PutKv). Reused: after {@link #reset()} it fills the next batch with the
 * buffers it already has. Not thread-safe: the accumulator guards it with its bucket's lock.
 */
public interface RecordBatchBuilder extends AutoCloseable {

  /**
   * Adds a record unless the batch is full; the first record of a batch is always accepted, however
   * large.
   *
   * @param row canonical values of every column (for KV deletes only the key columns matter)
   * @param key the encoded primary key for KV batches, {@code null} for log batches
   */
  boolean tryAppend(ChangeType type, Object[] row, byte[] key);

  int recordCount();

  int estimatedSizeInBytes();

  /** The finished batch; valid until {@link #reset()}. Called once per batch. */
  ByteBuffer build(int schemaId, long writerId, int batchSequence);

  /** Rewrites the writer id and batch sequence (and the CRC) of a batch this builder built. */
  void restamp(ByteBuffer built, long writerId, int batchSequence);

  /** Forgets the batch and keeps the buffers for the next one. */
  void reset();

  @Override
  void close();
}
