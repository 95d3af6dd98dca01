package io.flussjava.types.convert;

import io.flussjava.types.DataTypeRoot;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Which Java values each Fluss type accepts on write and returns on read. Immutable and
 * thread-safe; {@link #defaults()} is the built-in mapping, {@link #builder()} adds your own
 * converters.
 *
 * <p>Canonical classes, what reads return by default and what writes always accept:
 *
 * <table>
 *   <caption>Canonical Java class per type</caption>
 *   <tr><th>Type</th><th>Java class</th><th>Also accepted on write</th></tr>
 *   <tr><td>BOOLEAN</td><td>Boolean</td><td></td></tr>
 *   <tr><td>TINYINT</td><td>Byte</td><td></td></tr>
 *   <tr><td>SMALLINT</td><td>Short</td><td>Byte</td></tr>
 *   <tr><td>INT</td><td>Integer</td><td>Byte, Short</td></tr>
 *   <tr><td>BIGINT</td><td>Long</td><td>Byte, Short, Integer</td></tr>
 *   <tr><td>FLOAT</td><td>Float</td><td></td></tr>
 *   <tr><td>DOUBLE</td><td>Double</td><td>Float</td></tr>
 *   <tr><td>DECIMAL(p, s)</td><td>BigDecimal</td><td>Byte, Short, Integer, Long, BigInteger; any of them only if it
 *       fits p and s without rounding</td></tr>
 *   <tr><td>CHAR(n), STRING</td><td>String</td><td>(CHAR: at most n characters)</td></tr>
 *   <tr><td>BINARY(n), BYTES</td><td>byte[]</td><td>(BINARY: exactly n bytes)</td></tr>
 *   <tr><td>DATE</td><td>LocalDate</td><td></td></tr>
 *   <tr><td>TIME</td><td>LocalTime</td><td></td></tr>
 *   <tr><td>TIMESTAMP</td><td>LocalDateTime</td><td></td></tr>
 *   <tr><td>TIMESTAMP_LTZ</td><td>Instant</td><td>OffsetDateTime, ZonedDateTime</td></tr>
 *   <tr><td>ARRAY</td><td>List&lt;Object&gt;</td><td>Object[]</td></tr>
 *   <tr><td>MAP</td><td>Map&lt;Object, Object&gt;</td><td></td></tr>
 *   <tr><td>ROW</td><td>List&lt;Object&gt; (field values in order)</td><td>Object[]</td></tr>
 * </table>
 *
 * <p>Nothing narrows (a {@code Long} is not accepted for INT even when it would fit) and nothing is
 * parsed from strings. Legacy classes such as {@code java.util.Date} and {@code java.sql.Timestamp}
 * are deliberately not built in, because their time zone is ambiguous: register a converter that
 * states yours (see the package documentation).
 */
public final class TypeConverters {
  private static final Map<DataTypeRoot, Class<?>> CANONICAL = canonicalClasses();
  private static final TypeConverters DEFAULTS =
      new TypeConverters(new EnumMap<>(DataTypeRoot.class), new EnumMap<>(DataTypeRoot.class));

  private final Map<DataTypeRoot, List<TypeConverter<?>>> inputs;
  private final Map<DataTypeRoot, TypeConverter<?>> outputs;

  private TypeConverters(
      Map<DataTypeRoot, List<TypeConverter<?>>> inputs,
      Map<DataTypeRoot, TypeConverter<?>> outputs) {
    this.inputs = inputs;
    this.outputs = outputs;
  }

  /** The built-in mapping, with no converters registered. */
  public static TypeConverters defaults() {
    return DEFAULTS;
  }

  /** A builder starting from the built-in mapping. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this registry's converters. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    for (Map.Entry<DataTypeRoot, List<TypeConverter<?>>> entry : inputs.entrySet()) {
      builder.inputs.put(entry.getKey(), new ArrayList<>(entry.getValue()));
    }
    builder.outputs.putAll(outputs);
    return builder;
  }

  /** The class that reads return for {@code root} by default, and that writes always accept. */
  public static Class<?> canonicalClass(DataTypeRoot root) {
    return CANONICAL.get(root);
  }

  /**
   * Whether any read conversion is registered; without one, reads return canonical values as they
   * are.
   */
  public boolean hasOutputConverters() {
    return !outputs.isEmpty();
  }

  List<TypeConverter<?>> inputConverters(DataTypeRoot root) {
    List<TypeConverter<?>> registered = inputs.get(root);
    return registered == null ? Collections.emptyList() : registered;
  }

  TypeConverter<?> outputConverter(DataTypeRoot root) {
    return outputs.get(root);
  }

  @Override
  public String toString() {
    return "TypeConverters{inputs=" + inputs + ", outputs=" + outputs + "}";
  }

  private static Map<DataTypeRoot, Class<?>> canonicalClasses() {
    Map<DataTypeRoot, Class<?>> classes = new EnumMap<>(DataTypeRoot.class);
    classes.put(DataTypeRoot.BOOLEAN, Boolean.class);
    classes.put(DataTypeRoot.TINYINT, Byte.class);
    classes.put(DataTypeRoot.SMALLINT, Short.class);
    classes.put(DataTypeRoot.INTEGER, Integer.class);
    classes.put(DataTypeRoot.BIGINT, Long.class);
    classes.put(DataTypeRoot.FLOAT, Float.class);
    classes.put(DataTypeRoot.DOUBLE, Double.class);
    classes.put(DataTypeRoot.DECIMAL, BigDecimal.class);
    classes.put(DataTypeRoot.CHAR, String.class);
    classes.put(DataTypeRoot.STRING, String.class);
    classes.put(DataTypeRoot.BINARY, byte[].class);
    classes.put(DataTypeRoot.BYTES, byte[].class);
    classes.put(DataTypeRoot.DATE, LocalDate.class);
    classes.put(DataTypeRoot.TIME_WITHOUT_TIME_ZONE, LocalTime.class);
    classes.put(DataTypeRoot.TIMESTAMP_WITHOUT_TIME_ZONE, LocalDateTime.class);
    classes.put(DataTypeRoot.TIMESTAMP_WITH_LOCAL_TIME_ZONE, Instant.class);
    classes.put(DataTypeRoot.ARRAY, List.class);
    classes.put(DataTypeRoot.MAP, Map.class);
    classes.put(DataTypeRoot.ROW, List.class);
    return Collections.unmodifiableMap(classes);
  }

  /** Collects converters; not thread-safe. */
  public static final class Builder {
    private final Map<DataTypeRoot, List<TypeConverter<?>>> inputs =
        new EnumMap<>(DataTypeRoot.class);
    private final Map<DataTypeRoot, TypeConverter<?>> outputs = new EnumMap<>(DataTypeRoot.class);

    private Builder() {}

    /**
     * Makes writes accept {@code converter.javaClass()} (and its subclasses) for every column or
     * element of kind {@code root}. Converters for one root are tried in registration order, before
     * the built-in lenient conversions; values of the canonical class never reach them.
     *
     * @throws IllegalArgumentException if the converter's class is the canonical class of {@code
     *     root}, since it would never be called
     */
    public Builder register(DataTypeRoot root, TypeConverter<?> converter) {
      check(root, converter);
      if (converter.javaClass() == CANONICAL.get(root)) {
        throw new IllegalArgumentException(
            converter.javaClass().getTypeName()
                + " is already the canonical class of "
                + root
                + "; a converter for it would never be called");
      }
      inputs.computeIfAbsent(root, r -> new ArrayList<>()).add(converter);
      return this;
    }

    /**
     * Makes reads return {@code converter.fromCanonical(...)} instead of the canonical value for
     * every column or element of kind {@code root}; replaces an earlier output converter for that
     * root.
     */
    public Builder output(DataTypeRoot root, TypeConverter<?> converter) {
      check(root, converter);
      outputs.put(root, converter);
      return this;
    }

    /** The immutable registry. */
    public TypeConverters build() {
      Map<DataTypeRoot, List<TypeConverter<?>>> frozenInputs = new EnumMap<>(DataTypeRoot.class);
      for (Map.Entry<DataTypeRoot, List<TypeConverter<?>>> entry : inputs.entrySet()) {
        frozenInputs.put(entry.getKey(), List.copyOf(entry.getValue()));
      }
      return new TypeConverters(frozenInputs, new EnumMap<>(outputs));
    }

    private static void check(DataTypeRoot root, TypeConverter<?> converter) {
      if (root == null) {
        throw new IllegalArgumentException("type root must not be null");
      }
      if (converter == null || converter.javaClass() == null) {
        throw new IllegalArgumentException(
            "converter for " + root + " must not be null and must name its Java class");
      }
    }
  }
}
