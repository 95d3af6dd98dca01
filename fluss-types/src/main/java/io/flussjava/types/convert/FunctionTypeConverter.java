package io.flussjava.types.convert;

import io.flussjava.types.DataType;
import java.util.function.BiFunction;

/** A {@link TypeConverter} made of functions, behind the static factories of that interface. */
final class FunctionTypeConverter<J> implements TypeConverter<J> {
  private final Class<J> javaClass;
  private final BiFunction<? super J, DataType, ?> toCanonical;
  private final BiFunction<Object, DataType, ? extends J> fromCanonical;

  FunctionTypeConverter(
      Class<J> javaClass,
      BiFunction<? super J, DataType, ?> toCanonical,
      BiFunction<Object, DataType, ? extends J> fromCanonical) {
    if (javaClass == null) {
      throw new IllegalArgumentException("converter Java class must not be null");
    }
    this.javaClass = javaClass;
    this.toCanonical = toCanonical;
    this.fromCanonical = fromCanonical;
  }

  @Override
  public Class<J> javaClass() {
    return javaClass;
  }

  @Override
  public Object toCanonical(J value, DataType type) {
    if (toCanonical == null) {
      throw new UnsupportedOperationException(
          "converter for "
              + javaClass.getTypeName()
              + " only converts read values; it was made with output()");
    }
    return toCanonical.apply(value, type);
  }

  @Override
  public J fromCanonical(Object canonical, DataType type) {
    if (fromCanonical == null) {
      return TypeConverter.super.fromCanonical(canonical, type);
    }
    return fromCanonical.apply(canonical, type);
  }

  @Override
  public String toString() {
    return "TypeConverter[" + javaClass.getTypeName() + "]";
  }
}
