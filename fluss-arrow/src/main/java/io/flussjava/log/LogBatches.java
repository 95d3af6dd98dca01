package io.flussjava.log;

import io.flussjava.log.internal.LogBatchHeader;
import io.flussjava.log.internal.LogBatchIterator;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Helpers for already built log record batches. */
public final class LogBatches {
  private LogBatches() {}

  /**
   * Rewrites the writer id and batch sequence of a built batch in place and recomputes its CRC, for
   * instance when an idempotent writer retries a batch under a new sequence. {@code batch} spans
   * exactly one batch from its position; its position and limit are left unchanged. Works for magic
   * V0 and V1.
   *
   * @throws IllegalArgumentException if the buffer does not hold a whole batch or has an unknown
   *     magic byte
   */
  public static void assignWriter(ByteBuffer batch, long writerId, int batchSequence) {
    LogBatchHeader.assignWriter(batch, batch.position(), writerId, batchSequence);
  }

  /**
   * A V0 batch header with no record payload that claims offsets {@code baseOffset} to {@code
   * baseOffset + recordCount - 1}: what a fetcher needs to plan its next fetch, without a codec.
   * For tests and tools of fluss-java's own modules; a reader that decodes records rejects it.
   */
  public static byte[] headerOnlyBatch(long baseOffset, int recordCount) {
    byte[] out = new byte[LogBatchHeader.V0_HEADER_SIZE];
    LogBatchHeader.writeV0(out, 0, out.length, 0, true, recordCount, -1L, -1);
    ByteBuffer.wrap(out)
        .order(java.nio.ByteOrder.LITTLE_ENDIAN)
        .putLong(LogBatchHeader.BASE_OFFSET_OFFSET, baseOffset);
    return out;
  }

  /** The number of bytes of the batch starting at the buffer's position (its Length field + 12). */
  public static int sizeInBytes(ByteBuffer batch) {
    return LogBatchHeader.batchSize(batch, batch.position());
  }

  /**
   * Where a fetch continues after {@code records} (the bytes between position and limit, batches
   * back to back as a FetchLog response holds them): one past the last offset of the last complete
   * batch, or -1 if there is no complete batch. Reads batch headers only, so a fetcher can send the
   * next fetch before anything is decoded. The buffer's position and limit are left unchanged.
   *
   * <p>A damaged header after good batches ends the walk there: the good batches are read first,
   * and the fetch that starts at the damaged one meets it again and fails.
   *
   * @throws CorruptRecordException if the first batch's header is damaged (unknown magic,
   *     impossible length)
   */
  public static long nextOffset(ByteBuffer records) {
    LogBatchIterator batches = new LogBatchIterator().reset(records);
    long next = -1;
    try {
      while (batches.next()) {
        next = batches.nextOffset();
      }
    } catch (CorruptRecordException e) {
      if (next < 0) {
        throw e;
      }
    }
    return next;
  }

  /**
   * A stretch of consecutive batches in a FetchLog {@code records} blob written with the same
   * schema id: {@code [start, end)} are absolute positions in the blob's buffer.
   */
  public record SchemaRun(int schemaId, int start, int end) {
    /** The run's bytes as a buffer of their own (shares the content). */
    public ByteBuffer slice(ByteBuffer records) {
      return records.duplicate().limit(end).position(start).slice();
    }
  }

  /**
   * The complete batches of {@code records} grouped into runs of one schema id, in order: a reader
   * decodes each run with the schema its batches were written with. Reads headers only; a trailing
   * partial batch is left out and a damaged header ends the walk as in {@link #nextOffset}. The
   * buffer's position and limit are left unchanged.
   */
  public static List<SchemaRun> schemaRuns(ByteBuffer records) {
    LogBatchIterator batches = new LogBatchIterator().reset(records);
    List<SchemaRun> runs = new ArrayList<>(1);
    int runSchema = -1;
    int runStart = -1;
    int runEnd = -1;
    try {
      while (batches.next()) {
        int schemaId = batches.schemaId();
        if (runStart >= 0 && schemaId != runSchema) {
          runs.add(new SchemaRun(runSchema, runStart, runEnd));
          runStart = -1;
        }
        if (runStart < 0) {
          runSchema = schemaId;
          runStart = batches.start();
        }
        runEnd = batches.end();
      }
    } catch (CorruptRecordException e) {
      if (runStart < 0 && runs.isEmpty()) {
        throw e;
      }
    }
    if (runStart >= 0) {
      runs.add(new SchemaRun(runSchema, runStart, runEnd));
    }
    return runs;
  }
}
