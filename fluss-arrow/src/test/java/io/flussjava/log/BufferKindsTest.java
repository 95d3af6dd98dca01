package io.flussjava.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Fetched records arrive in read-only heap buffers (protobuf) and may arrive in direct ones: every
 * reader decodes them all alike, without JVM flags.
 */
class BufferKindsTest {
  private final BufferAllocator allocator = new RootAllocator();

  @AfterEach
  void close() {
    allocator.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"ARROW", "COMPACTED", "INDEXED"})
  void readsHeapReadOnlyAndDirectBuffersAlike(String format) {
    Map<String, String> props =
        Map.of("table.log.format", format, "table.log.arrow.compression.type", "NONE");
    byte[] batch;
    try (LogBatchWriter w =
        LogFormats.forTable(props)
            .createWriter(new LogWriteContext(TestRows.ALL_TYPES, props, 1 << 20, allocator))) {
      TestRows.rows(50, 3).forEach(r -> w.tryAppend(ChangeType.APPEND_ONLY, r));
      ByteBuffer built = w.build(1, -1, -1);
      batch = new byte[built.remaining()];
      built.get(batch);
    }
    ByteBuffer direct = ByteBuffer.allocateDirect(batch.length).put(batch).flip();
    List<String> heap = decode(props, ByteBuffer.wrap(batch));
    assertThat(heap).hasSize(50);
    assertThat(decode(props, ByteBuffer.wrap(batch).asReadOnlyBuffer())).isEqualTo(heap);
    assertThat(decode(props, direct)).isEqualTo(heap);
  }

  private List<String> decode(Map<String, String> props, ByteBuffer records) {
    List<String> out = new ArrayList<>();
    try (LogBatchReader r =
        LogFormats.forTable(props)
            .createReader(new LogReadContext(TestRows.ALL_TYPES, null, props, allocator, true))) {
      r.read(
          records,
          0,
          (offset, ts, type, row) -> out.add(offset + ":" + java.util.Arrays.deepToString(row)));
    }
    return out;
  }
}
