package io.flussjava.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flussjava.log.internal.LogBatchHeader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LogBatchesTest {
  private static final int SIZE = LogBatchHeader.V0_HEADER_SIZE;

  /** Two header-only batches: offsets 10..13 and 14..15. */
  private static byte[] twoBatches() {
    byte[] out = new byte[2 * SIZE];
    LogBatchHeader.writeV0(out, 0, SIZE, 0, true, 4, -1L, -1);
    LogBatchHeader.writeV0(out, SIZE, SIZE, 0, true, 2, -1L, -1);
    ByteBuffer b = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(0, 10);
    b.putLong(SIZE, 14);
    return out;
  }

  @Test
  void nextOffsetIsOnePastTheLastCompleteBatch() {
    assertThat(LogBatches.nextOffset(ByteBuffer.wrap(twoBatches()))).isEqualTo(16);
    assertThat(LogBatches.nextOffset(ByteBuffer.wrap(Arrays.copyOf(twoBatches(), 2 * SIZE - 1))))
        .isEqualTo(14);
    assertThat(LogBatches.nextOffset(ByteBuffer.wrap(Arrays.copyOf(twoBatches(), SIZE - 1))))
        .isEqualTo(-1);
    assertThat(LogBatches.nextOffset(ByteBuffer.allocate(0))).isEqualTo(-1);
  }

  @Test
  void leavesTheBufferAlone() {
    ByteBuffer records = ByteBuffer.wrap(twoBatches());
    records.position(SIZE);
    assertThat(LogBatches.nextOffset(records)).isEqualTo(16);
    assertThat(records.position()).isEqualTo(SIZE);
  }

  @Test
  void aDamagedHeaderAfterGoodBatchesEndsTheWalkButFirstOneFails() {
    byte[] damagedSecond = twoBatches();
    damagedSecond[SIZE + LogBatchHeader.MAGIC_OFFSET] = 9;
    assertThat(LogBatches.nextOffset(ByteBuffer.wrap(damagedSecond))).isEqualTo(14);

    byte[] damagedFirst = twoBatches();
    damagedFirst[LogBatchHeader.MAGIC_OFFSET] = 9;
    assertThatThrownBy(() -> LogBatches.nextOffset(ByteBuffer.wrap(damagedFirst)))
        .isInstanceOf(CorruptRecordException.class)
        .hasMessageContaining("offset 10");
  }

  /** Header-only batches of one record each, written with the given schema ids. */
  private static ByteBuffer batchesOfSchemas(int... schemaIds) {
    byte[] out = new byte[schemaIds.length * SIZE];
    for (int i = 0; i < schemaIds.length; i++) {
      LogBatchHeader.writeV0(out, i * SIZE, SIZE, schemaIds[i], true, 1, -1L, -1);
    }
    return ByteBuffer.wrap(out);
  }

  @Test
  void schemaRunsGroupConsecutiveBatchesOfOneSchema() {
    ByteBuffer records = batchesOfSchemas(1, 1, 2, 1);
    assertThat(LogBatches.schemaRuns(records))
        .containsExactly(
            new LogBatches.SchemaRun(1, 0, 2 * SIZE),
            new LogBatches.SchemaRun(2, 2 * SIZE, 3 * SIZE),
            new LogBatches.SchemaRun(1, 3 * SIZE, 4 * SIZE));
    assertThat(LogBatches.schemaRuns(records).get(1).slice(records).remaining()).isEqualTo(SIZE);
    assertThat(LogBatches.schemaRuns(ByteBuffer.allocate(0))).isEmpty();
  }

  @Test
  void schemaRunsLeaveOutATrailingPartialBatch() {
    ByteBuffer records = batchesOfSchemas(1, 2);
    records.limit(2 * SIZE - 1);
    assertThat(LogBatches.schemaRuns(records))
        .containsExactly(new LogBatches.SchemaRun(1, 0, SIZE));
  }
}
