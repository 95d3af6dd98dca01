package io.flussjava.client.write.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.flussjava.log.ChangeType;
import io.flussjava.log.RowCodecs;
import io.flussjava.types.codec.CompactedRowWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

class KvBatchBuilderTest {
  private final KvBatchBuilder builder =
      new KvBatchBuilder(
          RowCodecs.encoder(Map.of(), WritePipelineTestSupport.table().getRowType()), 1 << 20);

  private static int crcOf(ByteBuffer batch) {
    CRC32C crc = new CRC32C();
    ByteBuffer covered = batch.duplicate();
    covered.position(batch.position() + 9);
    crc.update(covered);
    return (int) crc.getValue();
  }

  @Test
  void headerAndRecordsHaveTheWireLayout() {
    byte[] key = {0x05};
    assertThat(builder.tryAppend(ChangeType.UPDATE_AFTER, new Object[] {5, "val1"}, key)).isTrue();
    assertThat(builder.tryAppend(ChangeType.DELETE, new Object[] {5, null}, key)).isTrue();
    ByteBuffer batch = builder.build(3, 77L, 9).order(ByteOrder.LITTLE_ENDIAN);

    byte[] value =
        new CompactedRowWriter(WritePipelineTestSupport.table().getRowType())
            .encode(new Object[] {5, "val1"});
    int upsertSize = 1 + 1 + value.length; // varint key length + key + value
    int deleteSize = 1 + 1;
    assertThat(batch.remaining()).isEqualTo(28 + 4 + upsertSize + 4 + deleteSize);
    assertThat(batch.getInt(0)).isEqualTo(batch.remaining() - 4);
    assertThat(batch.get(4)).isEqualTo((byte) 0);
    assertThat(batch.getInt(5)).isEqualTo(crcOf(batch));
    assertThat(batch.getShort(9)).isEqualTo((short) 3);
    assertThat(batch.get(11)).isEqualTo((byte) 0);
    assertThat(batch.getLong(12)).isEqualTo(77L);
    assertThat(batch.getInt(20)).isEqualTo(9);
    assertThat(batch.getInt(24)).isEqualTo(2);
    assertThat(batch.getInt(28)).isEqualTo(upsertSize);
    assertThat(batch.get(32)).isEqualTo((byte) 1); // key length
    assertThat(batch.get(33)).isEqualTo((byte) 5); // key
    assertThat(batch.getInt(32 + upsertSize)).isEqualTo(deleteSize); // a delete carries no value
  }

  @Test
  void restampChangesWriterSequenceAndCrcOnly() {
    builder.tryAppend(ChangeType.UPDATE_AFTER, new Object[] {1, "a"}, new byte[] {1});
    ByteBuffer batch = builder.build(3, -1L, -1);
    byte[] before = new byte[batch.remaining()];
    batch.duplicate().get(before);
    builder.restamp(batch, 5L, 12);
    ByteBuffer le = batch.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    assertThat(le.getLong(12)).isEqualTo(5L);
    assertThat(le.getInt(20)).isEqualTo(12);
    assertThat(le.getInt(5)).isEqualTo(crcOf(batch));
    for (int i = 24; i < before.length; i++) {
      assertThat(batch.get(i)).isEqualTo(before[i]);
    }
  }

  @Test
  void firstRecordAlwaysFitsThenTheTargetSizeCloses() {
    KvBatchBuilder tiny =
        new KvBatchBuilder(
            RowCodecs.encoder(Map.of(), WritePipelineTestSupport.table().getRowType()), 40);
    String big = "x".repeat(100);
    assertThat(tiny.tryAppend(ChangeType.UPDATE_AFTER, new Object[] {1, big}, new byte[] {1}))
        .isTrue();
    assertThat(tiny.tryAppend(ChangeType.UPDATE_AFTER, new Object[] {2, "y"}, new byte[] {2}))
        .isFalse();
    tiny.reset();
    assertThat(tiny.recordCount()).isZero();
    assertThat(tiny.tryAppend(ChangeType.UPDATE_AFTER, new Object[] {2, "y"}, new byte[] {2}))
        .isTrue();
  }

  @Test
  void aBatchHoldsAtMostTheRecordsTheServersChangelogBatchTakes() {
    KvBatchBuilder big =
        new KvBatchBuilder(
            RowCodecs.encoder(java.util.Map.of(), WritePipelineTestSupport.table().getRowType()),
            64 << 20);
    int appended = 0;
    while (big.tryAppend(
        io.flussjava.log.ChangeType.UPDATE_AFTER, new Object[] {1, "v"}, new byte[] {1})) {
      appended++;
    }
    assertThat(appended).isEqualTo(KvBatchBuilder.MAX_RECORDS);
    big.close();
  }
}
