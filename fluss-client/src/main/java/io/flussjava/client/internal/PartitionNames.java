package io.flussjava.client.internal;

import io.flussjava.client.admin.PartitionSpec;
import io.flussjava.client.admin.TableInfo;
import io.flussjava.exception.InvalidRowException;
import io.flussjava.exception.PartitionSpecInvalidException;
import io.flussjava.types.DataType;
import io.flussjava.types.DataTypeRoot;
import io.flussjava.types.RowType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the partition-column values of a row (canonical Java values) into the partition's name
 * exactly as the official client does, so that a row written by either client lands in the same
 * partition:
 *
 * <ul>
 *   <li>STRING/CHAR as is; BOOLEAN {@code true}/{@code false}; integers in decimal;
 *   <li>BINARY/BYTES as lower-case hex;
 *   <li>DATE {@code yyyy-MM-dd}; TIME {@code HH-mm-ss_SSS};
 *   <li>TIMESTAMP and TIMESTAMP_LTZ (in UTC) {@code yyyy-MM-dd-HH-mm-ss_} followed by the fraction
 *       of the second without trailing zeros (nothing when it is zero);
 *   <li>FLOAT/DOUBLE {@code String.valueOf} with {@code .} replaced by {@code _}; {@code NaN},
 *       {@code Inf}, {@code -Inf}.
 * </ul>
 *
 * The name is the values, in partition-key order, joined with {@code $}. Thread-safe; one per
 * table.
 */
public final class PartitionNames {
  private final TableInfo table;
  private final List<String> keys;
  private final int[] positions;
  private final DataType[] types;

  /**
   * @param rowType the row type of the rows given to {@link #nameOf}; must contain every partition
   *     key
   */
  public PartitionNames(TableInfo table, RowType rowType) {
    this.table = table;
    this.keys = table.getPartitionKeys();
    this.positions = new int[keys.size()];
    this.types = new DataType[keys.size()];
    for (int i = 0; i < keys.size(); i++) {
      positions[i] = rowType.getFieldIndex(keys.get(i));
      if (positions[i] < 0) {
        throw new IllegalArgumentException(
            "partition key " + keys.get(i) + " is not in " + rowType);
      }
      types[i] = rowType.getFields().get(positions[i]).getType();
    }
  }

  /**
   * The name of the partition a row belongs to.
   *
   * @throws InvalidRowException if a partition value is null or cannot be part of a partition name
   */
  public String nameOf(Object[] row) {
    StringBuilder name = new StringBuilder();
    for (int i = 0; i < positions.length; i++) {
      Object value = row[positions[i]];
      if (value == null) {
        throw new InvalidRowException(
            "Partition column '"
                + keys.get(i)
                + "' of "
                + table.getTablePath()
                + " is null: every row needs a"
                + " value in each partition column "
                + keys
                + ".");
      }
      String text = toPartitionString(types[i].getTypeRoot(), value);
      try {
        PartitionSpec.of(keys.get(i), text); // the server's rule for partition values
      } catch (PartitionSpecInvalidException e) {
        throw new InvalidRowException(
            "Row of " + table.getTablePath() + " cannot be put into a partition: " + e.getMessage(),
            e);
      }
      if (i > 0) {
        name.append('$');
      }
      name.append(text);
    }
    return name.toString();
  }

  /**
   * The spec of a partition given its name (the values joined with {@code $}, in partition-key
   * order).
   */
  public PartitionSpec specOf(String partitionName) {
    String[] values = partitionName.split("\\$", -1);
    Map<String, String> spec = new LinkedHashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      spec.put(keys.get(i), values[i]);
    }
    return PartitionSpec.of(spec);
  }

  /** The partition name of a spec naming every partition key of the table. */
  public static String nameOf(List<String> partitionKeys, PartitionSpec spec) {
    List<String> values = new ArrayList<>(partitionKeys.size());
    for (String k : partitionKeys) {
      values.add(spec.get(k));
    }
    return String.join("$", values);
  }

  /** One partition value as the string Fluss uses in partition names. */
  static String toPartitionString(DataTypeRoot type, Object value) {
    switch (type) {
      case CHAR:
      case STRING:
        return (String) value;
      case BOOLEAN:
      case TINYINT:
      case SMALLINT:
      case INTEGER:
      case BIGINT:
        return value.toString();
      case BINARY:
      case BYTES:
        return hex((byte[]) value);
      case DATE:
        return date((LocalDate) value);
      case TIME_WITHOUT_TIME_ZONE:
        LocalTime t = (LocalTime) value;
        return String.format(
            Locale.ROOT,
            "%02d-%02d-%02d_%03d",
            t.getHour(),
            t.getMinute(),
            t.getSecond(),
            t.getNano() / 1_000_000);
      case TIMESTAMP_WITHOUT_TIME_ZONE:
        return timestamp((LocalDateTime) value);
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
        return timestamp(LocalDateTime.ofInstant((Instant) value, ZoneOffset.UTC));
      case FLOAT:
        return floating(((Float) value).doubleValue(), String.valueOf(value));
      case DOUBLE:
        return floating((Double) value, String.valueOf(value));
      default:
        throw new IllegalArgumentException("a " + type + " column cannot be a partition key");
    }
  }

  private static String hex(byte[] bytes) {
    StringBuilder out = new StringBuilder(bytes.length * 2);
    for (byte b : bytes) {
      out.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
    }
    return out.toString();
  }

  private static String date(LocalDate d) {
    return String.format(
        Locale.ROOT, "%04d-%02d-%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth());
  }

  private static String timestamp(LocalDateTime ts) {
    String fraction = ts.getNano() == 0 ? "" : String.format(Locale.ROOT, "%09d", ts.getNano());
    int end = fraction.length();
    while (end > 0 && fraction.charAt(end - 1) == '0') {
      end--;
    }
    return date(ts.toLocalDate())
        + String.format(
            Locale.ROOT, "-%02d-%02d-%02d_", ts.getHour(), ts.getMinute(), ts.getSecond())
        + fraction.substring(0, end);
  }

  private static String floating(double value, String text) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "Inf" : "-Inf";
    }
    return text.replace(".", "_");
  }
}
