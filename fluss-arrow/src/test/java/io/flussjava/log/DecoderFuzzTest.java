package io.flussjava.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.flussjava.exception.FlussException;
import io.flussjava.types.RowType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.zip.CRC32C;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Feeds the log decoders many random mutations of real batches (flipped bytes, truncations, absurd
 * lengths), with the CRC fixed up half of the time so that the damage reaches the record decoders.
 * Each decode must finish quickly and either succeed or throw a {@link FlussException} (typically
 * {@link CorruptRecordException}); never hang, never crash with a raw runtime error, never try to
 * allocate without bound.
 */
class DecoderFuzzTest {
  // Raise with -Dfuzz.mutations=N for a longer run; 400 per format keeps the unit suite quick.
  private static final int MUTATIONS = Integer.getInteger("fuzz.mutations", 400);
  private final BufferAllocator allocator = new RootAllocator(256L << 20);

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @CsvSource({
    "ARROW, ZSTD, SCALAR",
    "ARROW, LZ4_FRAME, SCALAR",
    "ARROW, NONE, SCALAR",
    "COMPACTED, NONE, SCALAR",
    "INDEXED, NONE, SCALAR",
    "ARROW, ZSTD, NESTED",
    "ARROW, NONE, NESTED",
    "COMPACTED, NONE, NESTED",
    "INDEXED, NONE, NESTED"
  })
  void malformedBatchesFailCleanly(String format, String compression, String columns) {
    boolean nested = columns.equals("NESTED");
    RowType rowType = nested ? NestedTypesRoundTripTest.NESTED : TestRows.ALL_TYPES;
    List<Object[]> rows = nested ? NestedTypesRoundTripTest.rows(60, 7) : TestRows.rows(60, 7);
    Map<String, String> props =
        Map.of("table.log.format", format, "table.log.arrow.compression.type", compression);
    ByteBuffer original = twoBatches(rowType, rows, props);
    Random random =
        new Random(format.hashCode() * 31L + compression.hashCode() + columns.hashCode());
    Map<String, Integer> unexpected = new TreeMap<>();
    int succeeded = 0;
    int rejected = 0;
    try (LogBatchReader reader =
        LogFormats.forTable(props)
            .createReader(new LogReadContext(rowType, null, props, allocator, true))) {
      for (int i = 0; i < MUTATIONS; i++) {
        ByteBuffer damaged = mutate(original, random);
        try {
          assertTimeoutPreemptively(
              Duration.ofSeconds(5), () -> reader.read(damaged, 0, (o, t, c, r) -> {}));
          succeeded++;
        } catch (FlussException e) {
          rejected++;
        } catch (RuntimeException | Error e) {
          if (!unexpected.containsKey(e.getClass().getName() + ": " + e.getMessage())) {
            e.printStackTrace(System.out);
          }
          unexpected.merge(e.getClass().getName() + ": " + e.getMessage(), 1, Integer::sum);
        }
      }
    }
    assertThat(unexpected).as("decoding failures that are not clear FlussExceptions").isEmpty();
    assertThat(rejected).as("most damage must be detected").isPositive();
    assertThat(succeeded + rejected).isEqualTo(MUTATIONS);
  }

  private ByteBuffer twoBatches(RowType rowType, List<Object[]> rows, Map<String, String> props) {
    List<byte[]> parts = new ArrayList<>();
    try (LogBatchWriter writer =
        LogFormats.forTable(props)
            .createWriter(new LogWriteContext(rowType, props, 1 << 20, allocator))) {
      for (int b = 0; b < 2; b++) {
        for (Object[] row : rows.subList(b * 30, b * 30 + 30)) {
          writer.tryAppend(ChangeType.APPEND_ONLY, row);
        }
        ByteBuffer batch = writer.build(1, -1, -1);
        byte[] bytes = new byte[batch.remaining()];
        batch.get(bytes);
        // Give the second batch a base offset after the first.
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong(0, b * 30L);
        parts.add(bytes);
        writer.reset();
      }
    }
    ByteBuffer all = ByteBuffer.allocate(parts.get(0).length + parts.get(1).length);
    parts.forEach(all::put);
    return all.flip();
  }

  private static ByteBuffer mutate(ByteBuffer original, Random random) {
    byte[] bytes = new byte[original.remaining()];
    original.duplicate().get(bytes);
    int kind = random.nextInt(4);
    int length = bytes.length;
    switch (kind) {
      case 0: // flip a few bytes
        for (int n = 1 + random.nextInt(4); n > 0; n--) {
          bytes[random.nextInt(length)] ^= (byte) (1 + random.nextInt(255));
        }
        break;
      case 1: // truncate
        length = random.nextInt(length);
        break;
      case 2: // an absurd int somewhere (lengths, counts, offsets)
        int at = random.nextInt(length - 4);
        int value =
            random.nextBoolean()
                ? Integer.MAX_VALUE - random.nextInt(16)
                : -1 - random.nextInt(1 << 20);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(at, value);
        break;
      default: // a run of garbage
        int from = random.nextInt(length);
        for (int i = from; i < Math.min(length, from + 1 + random.nextInt(64)); i++) {
          bytes[i] = (byte) random.nextInt();
        }
    }
    if (random.nextBoolean()) {
      fixCrcs(bytes, length);
    }
    return ByteBuffer.wrap(bytes, 0, length).slice();
  }

  // Recomputes each V0 batch's CRC so that the damage reaches the record decoders.
  private static void fixCrcs(byte[] bytes, int length) {
    ByteBuffer b = ByteBuffer.wrap(bytes, 0, length).order(ByteOrder.LITTLE_ENDIAN);
    int pos = 0;
    while (length - pos >= 48) {
      int size = b.getInt(pos + 8) + 12;
      if (size < 48 || size > length - pos) {
        return;
      }
      CRC32C crc = new CRC32C();
      crc.update(bytes, pos + 25, size - 25);
      b.putInt(pos + 21, (int) crc.getValue());
      pos += size;
    }
  }
}
