package io.flussjava.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.flussjava.client.Connection;
import io.flussjava.client.Table;
import io.flussjava.client.admin.DatabaseDescriptor;
import io.flussjava.client.scan.LogScanner;
import io.flussjava.client.scan.ScanRecord;
import io.flussjava.client.scan.ScanRecords;
import io.flussjava.config.Configuration;
import io.flussjava.testkit.FlussClusterExtension;
import io.flussjava.types.DataTypes;
import io.flussjava.types.Schema;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What the interop tests share: a connection, unique databases, rows of every scalar type, value
 * normalization.
 */
final class InteropSupport {
  static final Duration SCAN_TIMEOUT = Duration.ofSeconds(30);

  private InteropSupport() {}

  static String bootstrap() {
    return FlussClusterExtension.sharedCluster().bootstrapServers();
  }

  static Connection connect() {
    Configuration conf = new Configuration();
    conf.setString("bootstrap.servers", bootstrap());
    return Connection.create(conf);
  }

  /** Creates a database with a name no other test run uses. */
  static String createUniqueDatabase(Connection connection, String prefix) {
    String name =
        prefix + "_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    connection.getAdmin().createDatabase(name, DatabaseDescriptor.EMPTY, false);
    return name;
  }

  static void dropDatabase(Connection connection, String name) {
    if (connection != null && name != null) {
      connection.getAdmin().dropDatabase(name, true, true);
    }
  }

  // ------------------------------------------------------------------------------------------
  // every scalar type

  /**
   * Value columns of every scalar type (all nullable), after the key columns a test puts in front
   * of them.
   */
  static Schema.Builder addScalarColumns(Schema.Builder b) {
    return b.column("c_boolean", DataTypes.BOOLEAN())
        .column("c_tinyint", DataTypes.TINYINT())
        .column("c_smallint", DataTypes.SMALLINT())
        .column("c_int", DataTypes.INT())
        .column("c_bigint", DataTypes.BIGINT())
        .column("c_float", DataTypes.FLOAT())
        .column("c_double", DataTypes.DOUBLE())
        .column("c_dec10", DataTypes.DECIMAL(10, 2))
        .column("c_dec38", DataTypes.DECIMAL(38, 18))
        .column("c_char", DataTypes.CHAR(5))
        .column("c_string", DataTypes.STRING())
        .column("c_binary", DataTypes.BINARY(4))
        .column("c_bytes", DataTypes.BYTES())
        .column("c_date", DataTypes.DATE())
        .column("c_time", DataTypes.TIME(3))
        .column("c_ts0", DataTypes.TIMESTAMP(0))
        .column("c_ts3", DataTypes.TIMESTAMP(3))
        .column("c_ts6", DataTypes.TIMESTAMP(6))
        .column("c_ts9", DataTypes.TIMESTAMP(9))
        .column("c_ltz3", DataTypes.TIMESTAMP_LTZ(3))
        .column("c_ltz6", DataTypes.TIMESTAMP_LTZ(6));
  }

  static final int SCALAR_COLUMNS = 21;

  /** A log-table schema: {@code id INT NOT NULL} then every scalar type. */
  static Schema allScalarsSchema() {
    return addScalarColumns(Schema.newBuilder().column("id", DataTypes.INT().notNull())).build();
  }

  /**
   * The values of the scalar columns for row {@code i}: rows 0..4 are fixed edge rows (minimums,
   * maximums, special floats and odd strings, all nulls, epoch-adjacent timestamps), the others
   * random (seeded by {@code seed} and {@code i}) with about one null in ten.
   */
  static List<Object> scalarValues(int i, long seed) {
    switch (i) {
      case 0:
        return Arrays.asList(
            false,
            Byte.MIN_VALUE,
            Short.MIN_VALUE,
            Integer.MIN_VALUE,
            Long.MIN_VALUE,
            Float.NEGATIVE_INFINITY,
            Double.NaN,
            new BigDecimal("-99999999.99"),
            new BigDecimal("-99999999999999999999.999999999999999999"),
            "",
            "",
            new byte[] {0, 0, 0, 0},
            new byte[0],
            LocalDate.of(1, 1, 1),
            LocalTime.MIDNIGHT,
            LocalDateTime.of(1900, 1, 1, 0, 0),
            LocalDateTime.of(1000, 1, 1, 0, 0, 0, 1_000_000),
            LocalDateTime.of(1901, 12, 13, 20, 45, 52, 1_000),
            LocalDateTime.of(1677, 9, 22, 0, 12, 44, 1),
            Instant.parse("1000-01-01T00:00:00.001Z"),
            Instant.parse("1900-01-01T00:00:00.000001Z"));
      case 1:
        return Arrays.asList(
            true,
            Byte.MAX_VALUE,
            Short.MAX_VALUE,
            Integer.MAX_VALUE,
            Long.MAX_VALUE,
            Float.MAX_VALUE,
            Double.MAX_VALUE,
            new BigDecimal("99999999.99"),
            new BigDecimal("99999999999999999999.999999999999999999"),
            "日ab",
            "ünïcödé ✓ 😀 \u0000 end",
            new byte[] {-1, -128, 127, 1},
            bytes(1, 2, 3, 0, -1),
            LocalDate.of(9999, 12, 31),
            LocalTime.of(23, 59, 59, 999_000_000),
            LocalDateTime.of(9999, 12, 31, 23, 59, 59),
            LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_000_000),
            LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000),
            LocalDateTime.of(2262, 4, 11, 23, 47, 16, 854_775_807),
            Instant.parse("9999-12-31T23:59:59.999Z"),
            Instant.parse("9999-12-31T23:59:59.999999Z"));
      case 2:
        return Arrays.asList(
            true,
            (byte) 0,
            (short) -1,
            0,
            -1L,
            -0.0f,
            Double.NEGATIVE_INFINITY,
            new BigDecimal("0.00"),
            new BigDecimal("-0.000000000000000001"),
            "ab",
            "x".repeat(5000),
            new byte[] {0, 0, 0, 1},
            bytes(new byte[70_000]),
            LocalDate.of(1969, 12, 31),
            LocalTime.of(0, 0, 0, 1_000_000),
            LocalDateTime.of(1969, 12, 31, 23, 59, 59),
            LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_000_000),
            LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_000),
            LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_999),
            Instant.ofEpochMilli(-1),
            Instant.ofEpochSecond(-1, 999_999_000));
      case 3:
        return Arrays.asList(new Object[SCALAR_COLUMNS]);
      case 4:
        return Arrays.asList(
            false,
            (byte) 1,
            (short) 1,
            1,
            1L,
            Float.NaN,
            Double.MIN_VALUE,
            new BigDecimal("0.01"),
            new BigDecimal("0.000000000000000001"),
            "abcde",
            "   ",
            new byte[] {1, 2, 3, 4},
            bytes(7),
            LocalDate.EPOCH,
            LocalTime.of(12, 34, 56, 789_000_000),
            LocalDateTime.of(1970, 1, 1, 0, 0),
            LocalDateTime.of(1970, 1, 1, 0, 0, 0, 1_000_000),
            LocalDateTime.of(1970, 1, 1, 0, 0, 0, 1_000),
            LocalDateTime.of(1970, 1, 1, 0, 0, 0, 1),
            Instant.EPOCH,
            Instant.ofEpochSecond(0, 1_000));
      default:
        return randomScalarValues(new Random(seed * 1_000_003L + i));
    }
  }

  private static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }

  private static byte[] bytes(byte[] b) {
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) (i * 31 + 7);
    }
    return b;
  }

  private static final String CHARS = "abcXYZ019 äöüß€日本😀-_";

  private static String randomString(Random r, int maxCodePoints) {
    int n = r.nextInt(maxCodePoints + 1);
    StringBuilder sb = new StringBuilder();
    int[] cps = CHARS.codePoints().toArray();
    for (int i = 0; i < n; i++) {
      sb.appendCodePoint(cps[r.nextInt(cps.length)]);
    }
    return sb.toString();
  }

  /**
   * A CHAR(5) value of at most 5 UTF-8 bytes: the INDEXED format stores CHAR(n) in n bytes (both
   * clients reject longer values there), so the rows that every format shares stay within that.
   */
  private static String randomChar5(Random r) {
    String[] parts = {"a", "Z", "0", " ", "ä", "€"};
    StringBuilder sb = new StringBuilder();
    int budget = r.nextInt(6);
    while (true) {
      String p = parts[r.nextInt(parts.length)];
      int size = p.getBytes(StandardCharsets.UTF_8).length;
      if (size > budget) {
        return sb.toString();
      }
      sb.append(p);
      budget -= size;
    }
  }

  private static List<Object> randomScalarValues(Random r) {
    long baseSecond = -2_000_000_000L + (long) (r.nextDouble() * 6_000_000_000L);
    long nanos = r.nextInt(1_000_000_000);
    List<Object> v =
        Arrays.asList(
            r.nextBoolean(),
            (byte) r.nextInt(),
            (short) r.nextInt(),
            r.nextInt(),
            r.nextLong(),
            r.nextFloat() * 1e6f - 5e5f,
            r.nextGaussian() * 1e12,
            BigDecimal.valueOf(r.nextLong() % 10_000_000_000L, 2),
            new BigDecimal(
                new BigInteger(120, r).multiply(BigInteger.valueOf(r.nextBoolean() ? 1 : -1)), 18),
            randomChar5(r),
            randomString(r, 40),
            new byte[] {
              (byte) r.nextInt(), (byte) r.nextInt(), (byte) r.nextInt(), (byte) r.nextInt()
            },
            randomBytes(r, 30),
            LocalDate.ofEpochDay(r.nextInt(200_000) - 100_000),
            LocalTime.ofNanoOfDay(r.nextInt(86_400_000) * 1_000_000L),
            LocalDateTime.ofEpochSecond(baseSecond, 0, ZoneOffset.UTC),
            LocalDateTime.ofEpochSecond(
                baseSecond, (int) (nanos / 1_000_000 * 1_000_000), ZoneOffset.UTC),
            LocalDateTime.ofEpochSecond(baseSecond, (int) (nanos / 1_000 * 1_000), ZoneOffset.UTC),
            LocalDateTime.ofEpochSecond(baseSecond, (int) nanos, ZoneOffset.UTC),
            Instant.ofEpochSecond(baseSecond, nanos / 1_000_000 * 1_000_000),
            Instant.ofEpochSecond(baseSecond, nanos / 1_000 * 1_000));
    for (int c = 0; c < v.size(); c++) {
      if (r.nextInt(10) == 0) {
        v.set(c, null);
      }
    }
    return v;
  }

  private static byte[] randomBytes(Random r, int max) {
    byte[] b = new byte[r.nextInt(max + 1)];
    r.nextBytes(b);
    return b;
  }

  /** A row of the all-scalars log table: {@code id} then the scalar values of row {@code i}. */
  static List<Object> allScalarsRow(int id, int i, long seed) {
    List<Object> row = new ArrayList<>();
    row.add(id);
    row.addAll(scalarValues(i, seed));
    return row;
  }

  // ------------------------------------------------------------------------------------------
  // official quirks

  /**
   * The row with every pre-1970 timestamp that is not a whole millisecond mirrored around the epoch
   * (same sub-millisecond digits, after 1970). The official client's ARROW reader cannot decode
   * such values of TIMESTAMP(4..9) and TIMESTAMP_LTZ(4..9) columns, not even when it wrote them
   * itself: it splits the micro/nano count with truncating division and then rejects the negative
   * nano-of-millisecond ({@code TimestampNtz.fromMillis} precondition). fluss-java reads them fine
   * (see the official-to-fluss-java tests, which keep them).
   */
  static List<Object> officialArrowReadable(List<Object> row) {
    List<Object> out = new ArrayList<>(row);
    for (int i = 0; i < out.size(); i++) {
      Object v = out.get(i);
      if (v instanceof LocalDateTime t
          && t.toEpochSecond(ZoneOffset.UTC) < 0
          && t.getNano() % 1_000_000 != 0) {
        out.set(
            i,
            LocalDateTime.ofEpochSecond(
                -t.toEpochSecond(ZoneOffset.UTC), t.getNano(), ZoneOffset.UTC));
      } else if (v instanceof Instant t && t.getEpochSecond() < 0 && t.getNano() % 1_000_000 != 0) {
        out.set(i, Instant.ofEpochSecond(-t.getEpochSecond(), t.getNano()));
      }
    }
    return out;
  }

  /**
   * What the official client returns for a row stored in the INDEXED format: it stores BINARY(n) in
   * n bytes and returns them with trailing zero bytes stripped (its {@code IndexedRow.getBinary}),
   * even for rows it wrote itself, so {@code 0x00000000} reads back as an empty array. fluss-java
   * returns all n bytes.
   */
  static List<Object> officialIndexedView(List<Object> row, int binaryColumn) {
    List<Object> out = new ArrayList<>(row);
    if (out.get(binaryColumn) instanceof byte[] b) {
      int end = b.length;
      while (end > 0 && b[end - 1] == 0) {
        end--;
      }
      out.set(binaryColumn, Arrays.copyOf(b, end));
    }
    return out;
  }

  /**
   * The row with a BINARY(n) value that ends in a zero byte given a non-zero last byte. A Fluss
   * 0.9.1 server cannot take such a value into a primary-key table of the INDEXED KV format,
   * whichever client writes it: building the changelog it reads the value back through {@code
   * IndexedRow.getBinary} (trailing zeros stripped) and its Arrow writer fails with {@code
   * IndexOutOfBoundsException: Not enough space to copy data from byte array} (an
   * UNKNOWN_SERVER_ERROR for the writer).
   */
  static List<Object> indexedKvWritable(List<Object> row, int binaryColumn) {
    List<Object> out = new ArrayList<>(row);
    if (out.get(binaryColumn) instanceof byte[] b && b.length > 0 && b[b.length - 1] == 0) {
      byte[] copy = b.clone();
      copy[copy.length - 1] = 0x7f;
      out.set(binaryColumn, copy);
    }
    return out;
  }

  // ------------------------------------------------------------------------------------------
  // comparing values

  /**
   * A comparable copy of a row: byte arrays become hex strings ("0x..."), at any depth; nested
   * lists are copied and maps become hash maps (the official client's scanner does not keep entry
   * order); everything else is kept.
   */
  static List<Object> normalize(List<?> row) {
    if (row == null) {
      return null;
    }
    List<Object> out = new ArrayList<>(row.size());
    for (Object v : row) {
      out.add(normalizeValue(v));
    }
    return out;
  }

  private static Object normalizeValue(Object v) {
    if (v instanceof byte[]) {
      return "0x" + HexFormat.of().formatHex((byte[]) v);
    } else if (v instanceof List) {
      return normalize((List<?>) v);
    } else if (v instanceof Map) {
      Map<Object, Object> out = new HashMap<>();
      ((Map<?, ?>) v).forEach((k, value) -> out.put(normalizeValue(k), normalizeValue(value)));
      return out;
    }
    return v;
  }

  static List<List<Object>> normalizeAll(List<? extends List<?>> rows) {
    List<List<Object>> out = new ArrayList<>(rows.size());
    for (List<?> r : rows) {
      out.add(normalize(r));
    }
    return out;
  }

  /** Normalized rows sorted by their first value (an int id). */
  static List<List<Object>> sortedById(List<? extends List<?>> rows) {
    List<List<Object>> out = normalizeAll(rows);
    out.sort(Comparator.comparing(r -> (Integer) r.get(0)));
    return out;
  }

  /**
   * Asserts two row lists equal row by row, naming the first differing column for a readable
   * failure.
   */
  static void assertRowsEqual(
      List<List<Object>> actual, List<List<Object>> expected, List<String> columns) {
    assertThat(actual).as("row count").hasSize(expected.size());
    for (int i = 0; i < expected.size(); i++) {
      List<Object> a = actual.get(i);
      List<Object> e = expected.get(i);
      if (e == null || a == null) {
        assertThat(a).as("row %d", i).isEqualTo(e);
        continue;
      }
      assertThat(a).as("width of row %d", i).hasSameSizeAs(e);
      for (int c = 0; c < e.size(); c++) {
        String column = columns == null ? "#" + c : columns.get(c);
        assertThat(a.get(c)).as("row %d (%s), column %s", i, e.get(0), column).isEqualTo(e.get(c));
      }
    }
  }

  // ------------------------------------------------------------------------------------------
  // fluss-java scans

  /**
   * Scans every bucket of the table from the beginning with fluss-java until at least {@code
   * expected} records arrived, then polls once more briefly so that extra records (duplicates)
   * would show too.
   */
  static List<ScanRecord> scanWithFlussJava(Table table, String[] projection, int expected) {
    List<ScanRecord> out = new ArrayList<>();
    var scan = table.newScan();
    if (projection != null) {
      scan = scan.project(projection);
    }
    try (LogScanner scanner = scan.createLogScanner()) {
      for (int b = 0; b < table.getTableInfo().getNumBuckets(); b++) {
        scanner.subscribeFromBeginning(b);
      }
      long deadline = System.nanoTime() + SCAN_TIMEOUT.toNanos();
      while (System.nanoTime() < deadline) {
        boolean reached = out.size() >= expected;
        ScanRecords records = scanner.poll(Duration.ofMillis(reached ? 300 : 200));
        for (ScanRecord r : records) {
          out.add(r);
        }
        if (reached && records.isEmpty()) {
          break;
        }
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  static List<Object> rowOf(Map<String, Object> officialRecord) {
    return (List<Object>) officialRecord.get("row");
  }

  // ------------------------------------------------------------------------------------------
  // changelogs of primary-key tables

  /**
   * A primary-key table's changelog as one client read it: per key (an int column) its change types
   * in order, each followed by an optional detail column's value, and the one bucket that holds the
   * key's records (a key found in two buckets fails at once).
   */
  record KeyedChangelog(Map<Integer, List<String>> changes, Map<Integer, Integer> buckets) {
    KeyedChangelog() {
      this(new TreeMap<>(), new TreeMap<>());
    }

    private void add(int key, String change, int bucket) {
      changes.computeIfAbsent(key, k -> new ArrayList<>()).add(change);
      Integer previous = buckets.put(key, bucket);
      assertThat(previous == null || previous == bucket)
          .as("key %d has records in buckets %s and %d", key, previous, bucket)
          .isTrue();
    }
  }

  /**
   * The changelog read by the official client from every bucket's beginning (at least {@code
   * expected} records), keyed by {@code keyColumn}; {@code detailColumn} -1 for change types only.
   */
  static KeyedChangelog officialChangelog(
      String bootstrap, String db, String table, int expected, int keyColumn, int detailColumn)
      throws Exception {
    KeyedChangelog log = new KeyedChangelog();
    for (Map<String, Object> r :
        OfficialClient.scan(bootstrap, db, table, expected, null, SCAN_TIMEOUT)) {
      List<Object> row = rowOf(r);
      String detail = detailColumn < 0 ? "" : String.valueOf(row.get(detailColumn));
      log.add(
          (Integer) row.get(keyColumn), r.get("changeType") + detail, (Integer) r.get("bucket"));
    }
    return log;
  }

  /** The same changelog read by fluss-java. */
  static KeyedChangelog flussJavaChangelog(
      Table table, int expected, int keyColumn, int detailColumn) {
    KeyedChangelog log = new KeyedChangelog();
    for (ScanRecord r : scanWithFlussJava(table, null, expected)) {
      String detail = detailColumn < 0 ? "" : String.valueOf(r.getValue(detailColumn));
      log.add((Integer) r.getValue(keyColumn), r.changeType().shortString() + detail, r.bucket());
    }
    return log;
  }
}
