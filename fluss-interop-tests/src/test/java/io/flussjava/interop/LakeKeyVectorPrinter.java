package io.flussjava.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.flussjava.types.DataType;
import io.flussjava.types.DataTypes;
import io.flussjava.types.Schema;
import io.flussjava.types.json.SchemaJsonCodec;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Computes the byte vectors of fluss-types' {@code LakeKeyEncoderTest} with the official 0.9.1
 * classes and writes them, as the Java lines that test holds, to {@code
 * target/lake-key-vectors.txt}: a few values of every key type, each with its Paimon key bytes and
 * buckets and its Iceberg key bytes and buckets ({@code null} where Iceberg has no encoding). Rerun
 * it and paste the file when the vectors need to change.
 */
class LakeKeyVectorPrinter {
  /** The bucket counts each vector records a bucket for, in this order. */
  static final List<Integer> COUNTS = List.of(4, 7, 1000);

  private record Sample(String typeCode, DataType type, List<Object> values, List<String> codes) {}

  private static final List<Sample> SAMPLES = new ArrayList<>();

  private static void sample(String typeCode, DataType type, Object value, String code) {
    SAMPLES.add(new Sample(typeCode, type, List.of(value), List.of(code)));
  }

  static {
    sample("BOOLEAN()", DataTypes.BOOLEAN(), true, "true");
    sample("BOOLEAN()", DataTypes.BOOLEAN(), false, "false");
    sample("TINYINT()", DataTypes.TINYINT(), (byte) -128, "(byte) -128");
    sample("TINYINT()", DataTypes.TINYINT(), (byte) 7, "(byte) 7");
    sample("SMALLINT()", DataTypes.SMALLINT(), (short) -32768, "(short) -32768");
    sample("SMALLINT()", DataTypes.SMALLINT(), (short) 300, "(short) 300");
    sample("INT()", DataTypes.INT(), 0, "0");
    sample("INT()", DataTypes.INT(), 42, "42");
    sample("INT()", DataTypes.INT(), -1, "-1");
    sample("INT()", DataTypes.INT(), Integer.MAX_VALUE, "Integer.MAX_VALUE");
    sample("BIGINT()", DataTypes.BIGINT(), 0L, "0L");
    sample("BIGINT()", DataTypes.BIGINT(), -1L, "-1L");
    sample("BIGINT()", DataTypes.BIGINT(), Long.MIN_VALUE, "Long.MIN_VALUE");
    sample("BIGINT()", DataTypes.BIGINT(), 1234567890123L, "1234567890123L");
    sample("FLOAT()", DataTypes.FLOAT(), 1.5f, "1.5f");
    sample("FLOAT()", DataTypes.FLOAT(), -0.0f, "-0.0f");
    sample("FLOAT()", DataTypes.FLOAT(), Float.NaN, "Float.NaN");
    sample("DOUBLE()", DataTypes.DOUBLE(), 3.14, "3.14");
    sample("DOUBLE()", DataTypes.DOUBLE(), -1e300, "-1e300");
    decimal("DECIMAL(10, 2)", DataTypes.DECIMAL(10, 2), "12345.67", "-0.01");
    decimal(
        "DECIMAL(38, 18)",
        DataTypes.DECIMAL(38, 18),
        "12345678901234567890.123456789012345678",
        "-0.000000000000000001",
        "0.000000000000000000");
    sample("CHAR(5)", DataTypes.CHAR(5), "ab", "\"ab\"");
    for (String s : List.of("", "a", "1234567", "12345678", "ünïcödé ✓ 😀")) {
      sample("STRING()", DataTypes.STRING(), s, "\"" + s + "\"");
    }
    sample("BINARY(4)", DataTypes.BINARY(4), new byte[] {1, 2, 3, 4}, "bytes(1, 2, 3, 4)");
    sample("BYTES()", DataTypes.BYTES(), new byte[0], "bytes()");
    sample(
        "BYTES()",
        DataTypes.BYTES(),
        new byte[] {9, 8, 7, 6, 5, 4, 3, 2, 1},
        "bytes(9, 8, 7, 6, 5, 4, 3, 2, 1)");
    for (String d : List.of("1970-01-01", "1969-12-31", "2026-12-03")) {
      sample("DATE()", DataTypes.DATE(), LocalDate.parse(d), "LocalDate.parse(\"" + d + "\")");
    }
    for (String t : List.of("12:34:56.789", "00:00")) {
      sample("TIME(3)", DataTypes.TIME(3), LocalTime.parse(t), "LocalTime.parse(\"" + t + "\")");
    }
    timestamps(
        "TIMESTAMP(3)",
        DataTypes.TIMESTAMP(3),
        "2026-12-03T13:28:28.123",
        "1969-12-31T23:59:59.999");
    timestamps(
        "TIMESTAMP(6)",
        DataTypes.TIMESTAMP(6),
        "2026-12-03T13:28:28.123456",
        "1969-12-31T23:59:59.999999");
    timestamps("TIMESTAMP(9)", DataTypes.TIMESTAMP(9), "2026-12-03T13:28:28.123456789");
    for (String t : List.of("2026-12-03T13:28:28.123Z", "1969-12-31T23:59:59.999Z")) {
      sample(
          "TIMESTAMP_LTZ(3)",
          DataTypes.TIMESTAMP_LTZ(3),
          Instant.parse(t),
          "Instant.parse(\"" + t + "\")");
    }
    sample(
        "TIMESTAMP_LTZ(6)",
        DataTypes.TIMESTAMP_LTZ(6),
        Instant.parse("2026-12-03T13:28:28.123456Z"),
        "Instant.parse(\"2026-12-03T13:28:28.123456Z\")");
  }

  private static void decimal(String typeCode, DataType type, String... values) {
    for (String v : values) {
      sample(typeCode, type, new BigDecimal(v), "new BigDecimal(\"" + v + "\")");
    }
  }

  private static void timestamps(String typeCode, DataType type, String... values) {
    for (String v : values) {
      sample(typeCode, type, LocalDateTime.parse(v), "LocalDateTime.parse(\"" + v + "\")");
    }
  }

  @Test
  void printVectors() throws Exception {
    List<String> lines = new ArrayList<>();
    for (Sample s : SAMPLES) {
      Schema schema = Schema.newBuilder().column("k", s.type().copy(false)).build();
      List<List<Object>> rows = List.of(s.values());
      List<Object> paimon =
          OfficialClient.officialKeys(
                  "paimon", SchemaJsonCodec.toBytes(schema), List.of("k"), rows, COUNTS)
              .get(0);
      List<Object> iceberg =
          OfficialClient.officialKeys(
                  "iceberg", SchemaJsonCodec.toBytes(schema), List.of("k"), rows, COUNTS)
              .get(0);
      // Paimon encodes every key type.
      assertThat(paimon).as("official Paimon key of %s", s).hasSize(2);
      lines.add(
          "vector(DataTypes."
              + s.typeCode()
              + ", "
              + s.codes().get(0)
              + ", "
              + vector(paimon)
              + ", "
              + vector(iceberg)
              + "),");
    }
    Path file = Path.of("target", "lake-key-vectors.txt");
    Files.write(file, lines, StandardCharsets.UTF_8);
  }

  /** {@code "hex b4 b7 b1000"}, or {@code null} when the official client refused the key. */
  @SuppressWarnings("unchecked")
  private static String vector(List<Object> official) {
    if (official.size() == 1) {
      return "null";
    }
    List<Integer> buckets = (List<Integer>) official.get(1);
    StringBuilder sb =
        new StringBuilder("\"").append(HexFormat.of().formatHex((byte[]) official.get(0)));
    buckets.forEach(b -> sb.append(' ').append(b));
    return sb.append('"').toString();
  }
}
