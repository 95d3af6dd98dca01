package io.flussjava.client.admin;

import io.flussjava.exception.PartitionSpecInvalidException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Names one partition of a partitioned table (or, for {@link Admin#listPartitionInfos(TablePath,
 * PartitionSpec)}, a set of partitions) by its partition-key values: an immutable map from
 * partition column to value, both strings.
 *
 * <pre>{@code
 * PartitionSpec spec = PartitionSpec.of("dt", "2024-06-01");                    // one partition key
 * PartitionSpec both = PartitionSpec.of("dt", "2024-06-01", "region", "EU");   // two
 * admin.createPartition(path, both, true);
 * }</pre>
 *
 * <p>Values are written the way Fluss turns column values into partition names: INT 7 is {@code
 * "7"}, DATE is {@code "2024-06-01"}, STRING is the string itself. A value may hold only ASCII
 * letters, digits, {@code _} and {@code -} (at most 200 characters); anything else fails here with
 * a {@link PartitionSpecInvalidException}.
 */
public final class PartitionSpec {
  private final Map<String, String> values;

  private PartitionSpec(Map<String, String> values) {
    this.values = Collections.unmodifiableMap(values);
  }

  /**
   * A spec from alternating keys and values: {@code of("dt", "2024-06-01", "region", "EU")}.
   *
   * @throws PartitionSpecInvalidException for an odd number of arguments, a repeated key, or a bad
   *     value
   */
  public static PartitionSpec of(String... keysAndValues) {
    if (keysAndValues.length == 0 || keysAndValues.length % 2 != 0) {
      throw new PartitionSpecInvalidException(
          "PartitionSpec.of takes key, value pairs, e.g. of(\"dt\", \"2024-06-01\"); got "
              + keysAndValues.length
              + " arguments");
    }
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      if (map.containsKey(keysAndValues[i])) {
        throw new PartitionSpecInvalidException(
            "partition key '" + keysAndValues[i] + "' is given twice");
      }
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return of(map);
  }

  /**
   * A spec from a map of partition key to value (iteration order is kept).
   *
   * @throws PartitionSpecInvalidException for an empty map, a blank key or a bad value
   */
  public static PartitionSpec of(Map<String, String> keyValues) {
    Objects.requireNonNull(keyValues, "keyValues");
    if (keyValues.isEmpty()) {
      throw new PartitionSpecInvalidException(
          "a PartitionSpec needs at least one partition key and value");
    }
    Map<String, String> copy = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : keyValues.entrySet()) {
      if (e.getKey() == null || e.getKey().isBlank()) {
        throw new PartitionSpecInvalidException("a partition key must not be blank: " + keyValues);
      }
      checkValue(e.getKey(), e.getValue());
      copy.put(e.getKey(), e.getValue());
    }
    return new PartitionSpec(copy);
  }

  /**
   * Checks that a value can be (part of) a partition name, the rule the server applies.
   *
   * @throws PartitionSpecInvalidException naming the key and saying what is wrong
   */
  static void checkValue(String key, String value) {
    String problem = problemWith(value);
    if (problem != null) {
      throw new PartitionSpecInvalidException(
          "The value "
              + (value == null ? "null" : "'" + value + "'")
              + " of partition key '"
              + key
              + "' cannot be a partition name: "
              + problem);
    }
  }

  /** What is wrong with a partition value, or {@code null} if nothing is. */
  static String problemWith(String value) {
    if (value == null) {
      return "partition values must not be null";
    }
    if (value.isEmpty()) {
      return "partition values must not be empty";
    }
    if (value.equals(".") || value.equals("..")) {
      return "'.' and '..' are not allowed";
    }
    if (value.length() > 200) {
      return "it is longer than 200 characters";
    }
    if (value.startsWith("__")) {
      return "the prefix '__' is reserved for the server's internal partitions";
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '_'
              || c == '-';
      if (!ok) {
        return "only ASCII letters, digits, '_' and '-' are allowed, not '" + c + "'";
      }
    }
    return null;
  }

  /** Partition key to value, in the order given; unmodifiable. */
  public Map<String, String> getSpecMap() {
    return values;
  }

  /** The value of one partition key, or {@code null} if this spec does not name it. */
  public String get(String partitionKey) {
    return values.get(partitionKey);
  }

  @Override
  public boolean equals(Object o) {
    // Two specs naming the same keys and values are equal whatever order they were given in.
    return o instanceof PartitionSpec && ((PartitionSpec) o).values.equals(values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return "PartitionSpec" + values;
  }
}
