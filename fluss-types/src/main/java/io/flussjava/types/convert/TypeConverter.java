package io.flussjava.types.convert;

import io.flussjava.types.DataType;
import java.util.function.BiFunction;

/**
 * Converts between one Java class of yours and the canonical Java value of a Fluss type (see {@link
 * TypeConverters} for the canonical classes). Register it with {@link
 * TypeConverters.Builder#register} so that writers accept your class for a type, or with {@link
 * TypeConverters.Builder#output} so that reads return your class.
 *
 * <p>Implementations must be stateless or thread-safe: one converter serves every writer and reader
 * built from the registry. Converters are called with non-null values only; nulls never reach them.
 *
 * @param <J> your Java class
 */
public interface TypeConverter<J> {

  /** The Java class this converter handles; values of subclasses are handled too. */
  Class<J> javaClass();

  /**
   * Converts one of your values into the canonical class of {@code type} (e.g. {@code
   * LocalDateTime} for TIMESTAMP). The result is then checked like any canonical value (precision,
   * length, nullability).
   *
   * @param value never null
   * @param type the column's (or element's) type
   */
  Object toCanonical(J value, DataType type);

  /**
   * Converts a canonical value read from Fluss into your class. The default refuses: a converter
   * that is only registered for input never needs it.
   *
   * @param canonical never null
   * @param type the column's (or element's) type
   */
  default J fromCanonical(Object canonical, DataType type) {
    throw new UnsupportedOperationException(
        "converter for "
            + javaClass().getTypeName()
            + " does not convert Fluss values back; implement fromCanonical");
  }

  /** A converter that only accepts {@code javaClass} values on write, via {@code toCanonical}. */
  static <J> TypeConverter<J> input(
      Class<J> javaClass, BiFunction<? super J, DataType, ?> toCanonical) {
    return new FunctionTypeConverter<>(javaClass, toCanonical, null);
  }

  /** A converter that only turns read values into {@code javaClass}, via {@code fromCanonical}. */
  static <J> TypeConverter<J> output(
      Class<J> javaClass, BiFunction<Object, DataType, ? extends J> fromCanonical) {
    return new FunctionTypeConverter<>(javaClass, null, fromCanonical);
  }

  /** A converter for both directions. */
  static <J> TypeConverter<J> of(
      Class<J> javaClass,
      BiFunction<? super J, DataType, ?> toCanonical,
      BiFunction<Object, DataType, ? extends J> fromCanonical) {
    return new FunctionTypeConverter<>(javaClass, toCanonical, fromCanonical);
  }
}
