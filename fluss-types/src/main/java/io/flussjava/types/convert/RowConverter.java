package io.flussjava.types.convert;

import io.flussjava.exception.InvalidRowException;
import io.flussjava.types.RowType;
import java.util.List;

/**
 * Checks and converts whole rows between user values and canonical values (see {@link
 * TypeConverters}) for one row type. Build one per table (or per projection) and reuse it; it is
 * immutable and thread-safe.
 *
 * <p>On write, {@link #toCanonical(Object...)} checks the number of values, nulls in NOT NULL
 * columns and each value's Java class, and throws an {@link InvalidRowException} naming the column.
 * A value already of its column's canonical class costs one class comparison.
 *
 * <p>On read, {@link #fromCanonical(Object[])} applies the registered output converters; with none
 * registered for the row's types it returns its argument untouched.
 */
public final class RowConverter {
  private final RowType rowType;
  private final String[] names;
  private final boolean[] notNull;
  // Per column, the class that is passed through after a class check alone (null: always call the
  // converter).
  private final Class<?>[] passThrough;
  private final ValueConverter[] inputs;
  // Null when no column needs read conversion, so reads are the identity.
  private final OutputConverter[] outputs;

  /** A converter for {@code rowType} using {@code converters}. */
  public RowConverter(RowType rowType, TypeConverters converters) {
    if (rowType == null || converters == null) {
      throw new IllegalArgumentException("row type and converters must not be null");
    }
    int count = rowType.getFieldCount();
    this.rowType = rowType;
    this.names = rowType.getFieldNames().toArray(new String[0]);
    this.notNull = new boolean[count];
    this.passThrough = new Class<?>[count];
    this.inputs = new ValueConverter[count];
    OutputConverter[] readers = new OutputConverter[count];
    boolean anyOutput = false;
    for (int i = 0; i < count; i++) {
      notNull[i] = !rowType.getTypeAt(i).isNullable();
      inputs[i] = ValueConverters.forType(rowType.getTypeAt(i), converters);
      passThrough[i] = inputs[i].passThroughClass();
      readers[i] = OutputConverter.forType(rowType.getTypeAt(i), converters);
      anyOutput |= readers[i] != null;
    }
    this.outputs = anyOutput ? readers : null;
  }

  /** A converter for {@code rowType} with the built-in mapping only. */
  public static RowConverter of(RowType rowType) {
    return new RowConverter(rowType, TypeConverters.defaults());
  }

  /**
   * A converter for the columns of {@code rowType} at {@code indexes}, in that order (partial rows,
   * key columns).
   */
  public static RowConverter forProjection(
      RowType rowType, int[] indexes, TypeConverters converters) {
    return new RowConverter(rowType.project(indexes), converters);
  }

  /** The row type this converter checks against. */
  public RowType rowType() {
    return rowType;
  }

  /**
   * Checks one row of user values, in column order, and returns a new array of canonical values.
   * The argument is not modified.
   *
   * @throws InvalidRowException if the number of values is wrong, a NOT NULL column gets null, or a
   *     value has a class its column does not accept or does not fit the column's type
   */
  public Object[] toCanonical(Object... values) {
    if (values == null) {
      throw new InvalidRowException(
          "a row must not be null; expected values for columns " + rowType.getFieldNames());
    }
    checkArity(values.length);
    Object[] canonical = new Object[values.length];
    for (int i = 0; i < values.length; i++) {
      Object value = values[i];
      if (value == null) {
        if (notNull[i]) {
          throw new InvalidRowException(
              "column '" + names[i] + "' is NOT NULL but the value is null");
        }
      } else if (value.getClass() == passThrough[i]) {
        canonical[i] = value;
      } else {
        canonical[i] = convert(i, value);
      }
    }
    return canonical;
  }

  /**
   * Same as {@link #toCanonical(Object...)}, but returns {@code values} itself when every value
   * already is canonical (the common case), saving a copy per row. Only for callers that are done
   * with the row before they return, so that the caller's later changes to its array cannot reach
   * them; the argument is never modified.
   *
   * @throws InvalidRowException as {@link #toCanonical(Object...)}
   */
  public Object[] toCanonicalOrSame(Object... values) {
    if (values == null) {
      throw new InvalidRowException(
          "a row must not be null; expected values for columns " + rowType.getFieldNames());
    }
    checkArity(values.length);
    for (int i = 0; i < values.length; i++) {
      Object value = values[i];
      if (value == null ? notNull[i] : value.getClass() != passThrough[i]) {
        return toCanonical(values);
      }
    }
    return values;
  }

  /**
   * Same as {@link #toCanonical(Object...)} for a row given as a list of its values.
   *
   * <p>Mind Java's overload choice: {@code toCanonical(someList)} always means this method. For a
   * one-column row whose single value is itself a list (an ARRAY or ROW column), pass {@code
   * toCanonical(new Object[] {someList})}.
   */
  public Object[] toCanonical(List<?> values) {
    if (values == null) {
      throw new InvalidRowException(
          "a row must not be null; expected values for columns " + rowType.getFieldNames());
    }
    return toCanonical(values.toArray());
  }

  private Object convert(int column, Object value) {
    try {
      return inputs[column].toCanonical(value);
    } catch (ValueRejectedException e) {
      throw new InvalidRowException(
          "column '" + names[column] + "' " + e.getMessage(), e.getCause());
    }
  }

  private void checkArity(int count) {
    if (count != names.length) {
      throw new InvalidRowException(
          "expected "
              + names.length
              + (names.length == 1 ? " value for column " : " values for columns ")
              + rowType.getFieldNames()
              + ", got "
              + count);
    }
  }

  /**
   * Applies the registered output converters to a row of canonical values read from Fluss, <b>in
   * place</b>, and returns the same array. Without output converters for this row's types this does
   * nothing.
   *
   * @throws IllegalArgumentException if the array's length is not the row's field count
   */
  public Object[] fromCanonical(Object[] canonical) {
    if (outputs == null) {
      return canonical;
    }
    if (canonical.length != outputs.length) {
      throw new IllegalArgumentException(
          "expected "
              + outputs.length
              + " canonical values for "
              + rowType
              + ", got "
              + canonical.length);
    }
    for (int i = 0; i < canonical.length; i++) {
      OutputConverter output = outputs[i];
      if (output != null && canonical[i] != null) {
        canonical[i] = output.fromCanonical(canonical[i]);
      }
    }
    return canonical;
  }

  /** Whether {@link #fromCanonical(Object[])} changes anything for this row type. */
  public boolean hasOutputConversions() {
    return outputs != null;
  }
}
