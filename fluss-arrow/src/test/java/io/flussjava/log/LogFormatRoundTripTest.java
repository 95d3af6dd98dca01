package io.flussjava.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flussjava.exception.InvalidRowException;
import io.flussjava.types.DataTypes;
import io.flussjava.types.RowType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every format and compression: rows of every scalar type survive a write and a read, with all the
 * framing rules.
 */
class LogFormatRoundTripTest {
  private static final int TARGET = 1 << 20;

  private BufferAllocator allocator;

  @BeforeEach
  void openAllocator() {
    allocator = new RootAllocator();
  }

  @AfterEach
  void closeAllocator() {
    allocator.close(); // throws if a test leaked Arrow memory
  }

  static Stream<Map<String, String>> tables() {
    return Stream.of(
        Map.of("table.log.format", "ARROW", "table.log.arrow.compression.type", "NONE"),
        Map.of("table.log.format", "ARROW", "table.log.arrow.compression.type", "LZ4_FRAME"),
        Map.of("table.log.format", "ARROW", "table.log.arrow.compression.type", "ZSTD"),
        Map.of(
            "table.log.format",
            "ARROW",
            "table.log.arrow.compression.type",
            "ZSTD",
            "table.log.arrow.compression.zstd.level",
            "9"),
        Map.of("table.log.format", "ARROW"),
        Map.of("table.log.format", "COMPACTED"),
        Map.of("table.log.format", "INDEXED"));
  }

  private static boolean isArrow(Map<String, String> table) {
    return LogFormats.forTable(table).name().equals("ARROW");
  }

  private LogBatchWriter writer(RowType rowType, Map<String, String> table, int target) {
    return LogFormats.forTable(table)
        .createWriter(new LogWriteContext(rowType, table, target, allocator));
  }

  private LogBatchReader reader(
      RowType rowType, int[] projection, Map<String, String> table, boolean verifyCrc) {
    return LogFormats.forTable(table)
        .createReader(new LogReadContext(rowType, projection, table, allocator, verifyCrc));
  }

  /** Builds one batch of the rows and returns a copy of its bytes. */
  private byte[] batch(
      LogBatchWriter writer, List<Object[]> rows, List<ChangeType> types, int schemaId) {
    writer.reset();
    for (int i = 0; i < rows.size(); i++) {
      assertThat(
              writer.tryAppend(types == null ? ChangeType.APPEND_ONLY : types.get(i), rows.get(i)))
          .isTrue();
    }
    ByteBuffer built = writer.build(schemaId, -1L, -1);
    byte[] bytes = new byte[built.remaining()];
    built.get(bytes);
    return bytes;
  }

  /** A record read back. */
  private record Read(long offset, long timestamp, ChangeType type, Object[] row) {}

  private static List<Read> readAll(
      LogBatchReader reader, ByteBuffer records, long fetchOffset, long[] next) {
    List<Read> read = new ArrayList<>();
    long nextOffset =
        reader.read(
            records,
            fetchOffset,
            (offset, ts, type, row) -> read.add(new Read(offset, ts, type, row)));
    if (next != null) {
      next[0] = nextOffset;
    }
    return read;
  }

  private static void assertRow(Object[] actual, Object[] expected) {
    assertThat(Arrays.deepEquals(actual, expected))
        .as(
            "row%n actual:   %s%n expected: %s",
            Arrays.deepToString(actual), Arrays.deepToString(expected))
        .isTrue();
  }

  /**
   * What the server does to a stored batch: set its base offset and commit timestamp (outside the
   * CRC).
   */
  private static void place(byte[] batch, long baseOffset, long timestamp) {
    ByteBuffer buffer = ByteBuffer.wrap(batch).order(ByteOrder.LITTLE_ENDIAN);
    buffer.putLong(0, baseOffset);
    buffer.putLong(13, timestamp);
  }

  private static ByteBuffer concat(byte[]... parts) {
    int size = Arrays.stream(parts).mapToInt(p -> p.length).sum();
    ByteBuffer buffer = ByteBuffer.allocate(size);
    for (byte[] part : parts) {
      buffer.put(part);
    }
    return buffer.flip();
  }

  @ParameterizedTest
  @MethodSource("tables")
  void roundTripsEveryScalarTypeWithEdgeValuesAndNulls(Map<String, String> table) {
    List<Object[]> rows = TestRows.rows(300, 42);
    try (LogBatchWriter writer = writer(TestRows.ALL_TYPES, table, TARGET);
        LogBatchReader reader = reader(TestRows.ALL_TYPES, null, table, true)) {
      byte[] batch = batch(writer, rows, null, 7);
      place(batch, 1000, 1_700_000_000_123L);
      long[] next = new long[1];
      List<Read> read = readAll(reader, ByteBuffer.wrap(batch), 1000, next);
      assertThat(next[0]).isEqualTo(1300);
      assertThat(read).hasSize(rows.size());
      for (int i = 0; i < rows.size(); i++) {
        assertThat(read.get(i).offset()).isEqualTo(1000 + i);
        assertThat(read.get(i).timestamp()).isEqualTo(1_700_000_000_123L);
        assertThat(read.get(i).type()).isEqualTo(ChangeType.APPEND_ONLY);
        assertRow(
            read.get(i).row(), TestRows.expected(TestRows.ALL_TYPES, rows.get(i), isArrow(table)));
      }
    }
  }

  @ParameterizedTest
  @MethodSource("tables")
  void headerFieldsAreByteExact(Map<String, String> table) {
    List<Object[]> rows = TestRows.rows(10, 1);
    try (LogBatchWriter writer = writer(TestRows.ALL_TYPES, table, TARGET)) {
      for (Object[] row : rows) {
        writer.tryAppend(ChangeType.APPEND_ONLY, row);
      }
      assertThat(writer.recordCount()).isEqualTo(10);
      ByteBuffer built = writer.build(0x1234, 0x0102030405060708L, 77);
      ByteBuffer b = built.duplicate().order(ByteOrder.LITTLE_ENDIAN);
      int size = b.remaining();
      assertThat(writer.estimatedSizeInBytes()).isPositive();
      assertThat(b.getLong(0)).as("base offset").isZero();
      assertThat(b.getInt(8)).as("length").isEqualTo(size - 12);
      assertThat(b.get(12)).as("magic").isZero();
      assertThat(b.getLong(13)).as("commit timestamp").isZero();
      assertThat(b.getShort(25)).as("schema id").isEqualTo((short) 0x1234);
      assertThat(b.get(27)).as("attributes").isEqualTo((byte) 1);
      assertThat(b.getInt(28)).as("last offset delta").isEqualTo(9);
      assertThat(b.getLong(32)).as("writer id").isEqualTo(0x0102030405060708L);
      assertThat(b.getInt(40)).as("batch sequence").isEqualTo(77);
      assertThat(b.getInt(44)).as("record count").isEqualTo(10);
      CRC32C crc = new CRC32C();
      crc.update(b.slice(25, size - 25));
      assertThat(b.getInt(21)).as("crc").isEqualTo((int) crc.getValue());
      assertThat(LogBatches.sizeInBytes(built)).isEqualTo(size);
      if (isArrow(table)) {
        assertThat(b.getInt(48)).as("IPC continuation").isEqualTo(-1);
        int metadataLength = b.getInt(52);
        assertThat((8 + metadataLength) % 8).as("metadata padded to 8").isZero();
      } else {
        assertThat(b.getInt(48)).as("first record length").isPositive();
        assertThat(b.get(52)).as("first record change type").isZero();
      }
    }
  }

  @ParameterizedTest
  @MethodSource("tables")
  void emptyBatchHasZeroLastOffsetDelta(Map<String, String> table) {
    try (LogBatchWriter writer = writer(TestRows.ALL_TYPES, table, TARGET)) {
      ByteBuffer b = writer.build(1, -1, -1).order(ByteOrder.LITTLE_ENDIAN);
      assertThat(b.getInt(28)).isZero();
      assertThat(b.getInt(44)).isZero();
      assertThat(b.getLong(32)).isEqualTo(-1L);
      assertThat(b.getInt(40)).isEqualTo(-1);
    }
  }

  @ParameterizedTest
  @MethodSource("tables")
  void changeTypesRoundTrip(Map<String, String> table) {
    List<Object[]> rows = TestRows.rows(40, 3);
    ChangeType[] all = {
      ChangeType.INSERT, ChangeType.UPDATE_BEFORE, ChangeType.UPDATE_AFTER, ChangeType.DELETE
    };
    List<ChangeType> types = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      types.add(all[i % all.length]);
    }
    try (LogBatchWriter writer = writer(TestRows.ALL_TYPES, table, TARGET);
        LogBatchReader reader = reader(TestRows.ALL_TYPES, null, table, true)) {
      byte[] batch = batch(writer, rows, types, 1);
      assertThat(batch[27]).as("attributes: not append-only").isZero();
      if (isArrow(table)) {
        for (int i = 0; i < rows.size(); i++) {
          assertThat(batch[48 + i]).as("change-type vector").isEqualTo(types.get(i).byteValue());
        }
      }
      List<Read> read = readAll(reader, ByteBuffer.wrap(batch), 0, null);
      assertThat(read).extracting(Read::type).containsExactlyElementsOf(types);
      for (int i = 0; i < rows.size(); i++) {
        assertRow(
            read.get(i).row(), TestRows.expected(TestRows.ALL_TYPES, rows.get(i), isArrow(table)));
      }
    }
  }

  @ParameterizedTest
  @MethodSource("tables")
  void readsConcatenatedBatchesFromTheFetchOffsetAndIgnoresATruncatedTail(
      Map<String, String> table) {
    List<Object[]> rows = TestRows.rows(90, 5);
    try (LogBatchWriter writer = writer(TestRows.ALL_TYPES, table, TARGET);
        LogBatchReader reader = reader(TestRows.ALL_TYPES, null, table, true)) {
      byte[] first = batch(writer, rows.subList(0, 30), null, 1);
      byte[] second = batch(writer, rows.subList(30, 60), null, 1);
      byte[] third = batch(writer, rows.subList(60, 90), null, 1);
      place(first, 100, 1);
      place(second, 130, 2);
      place(third, 160, 3);
      for (int cut : new int[] {1, 11, 13, 47, 48, third.length / 2, third.length - 1}) {
        ByteBuffer records = concat(first, second, Arrays.copyOf(third, cut));
        long[] next = new long[1];
        List<Read> read = readAll(reader, records, 115, next);
        assertThat(next[0]).as("cut at %d", cut).isEqualTo(160);
        assertThat(read).extracting(Read::offset).containsExactlyElementsOf(range(115, 160));
        assertThat(read.get(0).timestamp()).isEqualTo(1);
        assertThat(read.get(read.size() - 1).timestamp()).isEqualTo(2);
        for (Read r : read) {
          assertRow(
              r.row(),
              TestRows.expected(
                  TestRows.ALL_TYPES, rows.get((int) r.offset() - 100), isArrow(table)));
        }
        assertThat(records.position()).isZero();
      }
      List<Read> all = readAll(reader, concat(first, second, third), 159, null);
      assertThat(all).extracting(Read::offset).containsExactlyElementsOf(range(159, 190));
      long[] next = new long[1];
      assertThat(readAll(reader, ByteBuffer.wrap(Arrays.copyOf(first, 20)), 0, next)).isEmpty();
      assertThat(next[0]).isEqualTo(-1);
      assertThat(readAll(reader, concat(first, second), 500, next)).isEmpty();
      assertThat(next[0]).isEqualTo(160);
    }
  }

  @ParameterizedTest
  @MethodSource("tables")
  void cursorsHandOutTheSameRecordsInPortions(Map<String, String> table) {
    List<Object[]> rows = TestRows.rows(90, 9);
    try (LogBatchWriter writer = writer(TestRows.ALL_TYPES, table, TARGET);
        LogBatchReader reader = reader(TestRows.ALL_TYPES, null, table, true)) {
      byte[] first = batch(writer, rows.subList(0, 30), null, 1);
      byte[] second = batch(writer, rows.subList(30, 90), null, 1);
      place(first, 100, 1);
      place(second, 130, 2);
      ByteBuffer records = concat(first, second, Arrays.copyOf(first, 17)); // and a truncated tail
      for (int portion : new int[] {1, 7, 30, 31, 1000}) {
        List<Read> read = new ArrayList<>();
        try (LogRecordCursor cursor = reader.cursor(records, 104)) {
          int n;
          while ((n =
                  cursor.read(portion, (o, ts, type, row) -> read.add(new Read(o, ts, type, row))))
              > 0) {
            assertThat(n).isLessThanOrEqualTo(portion);
          }
          assertThat(cursor.read(portion, (o, ts, type, row) -> read.add(null))).isZero();
        }
        assertThat(read)
            .as("portions of %d", portion)
            .extracting(Read::offset)
            .containsExactlyElementsOf(range(104, 190));
        for (Read r : read) {
          assertThat(r.timestamp()).isEqualTo(r.offset() < 130 ? 1 : 2);
          assertRow(
              r.row(),
              TestRows.expected(
                  TestRows.ALL_TYPES, rows.get((int) r.offset() - 100), isArrow(table)));
        }
      }
      // A cursor ends when its reader reads another response.
      LogRecordCursor stale = reader.cursor(records, 100);
      stale.read(5, (o, ts, type, row) -> {});
      readAll(reader, ByteBuffer.wrap(first), 100, null);
      assertThatThrownBy(() -> stale.read(5, (o, ts, type, row) -> {}))
          .isInstanceOf(IllegalStateException.class);
    }
  }

  private static List<Long> range(long from, long to) {
    List<Long> range = new ArrayList<>();
    for (long i = from; i < to; i++) {
      range.add(i);
    }
    return range;
  }

  @ParameterizedTest
  @MethodSource("tables")
  void detectsACrcMismatchAndNamesTheOffset(Map<String, String> table) {
    List<Object[]> rows = TestRows.rows(20, 9);
    try (LogBatchWriter writer = writer(TestRows.ALL_TYPES, table, TARGET);
        LogBatchReader checking = reader(TestRows.ALL_TYPES, null, table, true);
        LogBatchReader trusting = reader(TestRows.ALL_TYPES, null, table, false)) {
      byte[] good = batch(writer, rows, null, 1);
      byte[] bad = batch(writer, rows, null, 1);
      place(good, 0, 0);
      place(bad, 20, 0);
      bad[33] ^= 0x10; // inside the writer id: covered by the CRC, irrelevant to decoding
      ByteBuffer records = concat(good, bad);
      assertThatThrownBy(() -> readAll(checking, records, 0, null))
          .isInstanceOf(CorruptRecordException.class)
          .hasMessageContaining("offset 20")
          .hasMessageContaining("CRC");
      assertThat(readAll(trusting, records, 0, null)).hasSize(40);
    }
  }

  @ParameterizedTest
  @MethodSource("tables")
  void readsMagicV1Batches(Map<String, String> table) {
    List<Object[]> rows = TestRows.rows(12, 11);
    try (LogBatchWriter writer = writer(TestRows.ALL_TYPES, table, TARGET);
        LogBatchReader reader = reader(TestRows.ALL_TYPES, null, table, true)) {
      byte[] v0 = batch(writer, rows, null, 1);
      byte[] v1 = toV1(v0, 50, 99);
      List<Read> read = readAll(reader, concat(v1, toV1(v0, 62, 100)), 55, null);
      assertThat(read).extracting(Read::offset).containsExactlyElementsOf(range(55, 74));
      assertThat(read.get(0).timestamp()).isEqualTo(99);
      assertRow(
          read.get(0).row(), TestRows.expected(TestRows.ALL_TYPES, rows.get(5), isArrow(table)));
    }
  }

  /**
   * Rewrites a V0 batch as V1: a leader epoch after the commit timestamp, Length and CRC to match.
   */
  static byte[] toV1(byte[] v0, long baseOffset, long timestamp) {
    ByteBuffer b = ByteBuffer.allocate(v0.length + 4).order(ByteOrder.LITTLE_ENDIAN);
    b.put(v0, 0, 21).putInt(-1).putInt(0).put(v0, 25, v0.length - 25);
    b.putLong(0, baseOffset).putInt(8, v0.length + 4 - 12).put(12, (byte) 1).putLong(13, timestamp);
    CRC32C crc = new CRC32C();
    crc.update(b.array(), 29, v0.length + 4 - 29);
    b.putInt(25, (int) crc.getValue());
    return b.array();
  }

  @ParameterizedTest
  @MethodSource("tables")
  void readsProjectedBatches(Map<String, String> table) {
    int[] projection = {11, 0, 21, 8};
    RowType projected = TestRows.ALL_TYPES.project(projection);
    List<Object[]> rows = TestRows.rows(50, 13);
    List<Object[]> batchRows = new ArrayList<>();
    for (Object[] row : rows) {
      batchRows.add(isArrow(table) ? project(row, projection) : row);
    }
    // ARROW: the server sends only the projected columns; the row formats send whole rows.
    RowType written = isArrow(table) ? projected : TestRows.ALL_TYPES;
    try (LogBatchWriter writer = writer(written, table, TARGET);
        LogBatchReader reader = reader(TestRows.ALL_TYPES, projection, table, true)) {
      byte[] batch = batch(writer, batchRows, null, 1);
      if (isArrow(table)) {
        batch[30] ^= 1; // a stale CRC, as the server leaves it: must not be checked
      }
      List<Read> read = readAll(reader, ByteBuffer.wrap(batch), 0, null);
      assertThat(read).hasSize(50);
      for (int i = 0; i < rows.size(); i++) {
        assertRow(
            read.get(i).row(),
            TestRows.expected(projected, project(rows.get(i), projection), isArrow(table)));
      }
    }
  }

  private static Object[] project(Object[] row, int[] projection) {
    Object[] projected = new Object[projection.length];
    for (int i = 0; i < projection.length; i++) {
      projected[i] = row[projection[i]];
    }
    return projected;
  }

  @ParameterizedTest
  @MethodSource("tables")
  void splitsBatchesAtTheTargetSizeButAlwaysTakesTheFirstRecord(Map<String, String> table) {
    RowType narrow =
        DataTypes.ROW(
            DataTypes.FIELD("id", DataTypes.BIGINT()), DataTypes.FIELD("name", DataTypes.STRING()));
    try (LogBatchWriter writer = writer(narrow, table, 4096)) {
      assertThat(writer.tryAppend(ChangeType.APPEND_ONLY, new Object[] {1L, "x".repeat(10_000)}))
          .isTrue();
      assertThat(writer.tryAppend(ChangeType.APPEND_ONLY, new Object[] {2L, "y"})).isFalse();
      assertThat(writer.recordCount()).isEqualTo(1);
      writer.build(1, -1, -1);
      assertThatThrownBy(() -> writer.tryAppend(ChangeType.APPEND_ONLY, new Object[] {2L, "y"}))
          .isInstanceOf(IllegalStateException.class);
      for (int round = 0; round < 3; round++) {
        writer.reset();
        int count = 0;
        while (writer.tryAppend(
            ChangeType.APPEND_ONLY, new Object[] {(long) count, "name-" + count})) {
          count++;
        }
        assertThat(count).isGreaterThan(10);
        int size = writer.build(1, -1, -1).remaining();
        assertThat(size).as("round %d: %d records", round, count).isLessThanOrEqualTo(4096 + 256);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("tables")
  void rejectsValuesOfTheWrongClassOrNullInNotNullColumns(Map<String, String> table) {
    RowType rowType =
        DataTypes.ROW(
            DataTypes.FIELD("id", DataTypes.BIGINT().notNull()),
            DataTypes.FIELD("name", DataTypes.STRING()));
    try (LogBatchWriter writer = writer(rowType, table, TARGET)) {
      assertThatThrownBy(() -> writer.tryAppend(ChangeType.APPEND_ONLY, new Object[] {1, "a"}))
          .isInstanceOf(InvalidRowException.class);
      assertThatThrownBy(() -> writer.tryAppend(ChangeType.APPEND_ONLY, new Object[] {1L}))
          .isInstanceOf(InvalidRowException.class);
      if (isArrow(table)) {
        assertThatThrownBy(() -> writer.tryAppend(ChangeType.APPEND_ONLY, new Object[] {null, "a"}))
            .isInstanceOf(InvalidRowException.class)
            .hasMessageContaining("id");
      }
      assertThat(writer.tryAppend(ChangeType.APPEND_ONLY, new Object[] {1L, "a"})).isTrue();
      assertThat(writer.recordCount()).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @MethodSource("tables")
  void reusesTheWriterAcrossManyBatches(Map<String, String> table) {
    try (LogBatchWriter writer = writer(TestRows.ALL_TYPES, table, TARGET);
        LogBatchReader reader = reader(TestRows.ALL_TYPES, null, table, true)) {
      for (int round = 0; round < 5; round++) {
        List<Object[]> rows = TestRows.rows(20 + round * 50, round);
        List<Read> read = readAll(reader, ByteBuffer.wrap(batch(writer, rows, null, 1)), 0, null);
        assertThat(read).hasSize(rows.size());
        for (int i = 0; i < rows.size(); i++) {
          assertRow(
              read.get(i).row(),
              TestRows.expected(TestRows.ALL_TYPES, rows.get(i), isArrow(table)));
        }
      }
    }
  }
}
