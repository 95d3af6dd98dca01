package io.flussjava.types.convert;

/**
 * Puts the user's registered converters in front of a built-in one. A value of the canonical class
 * goes straight to the built-in converter; any other value goes to the first registered converter
 * whose class it is an instance of, and that converter's result is then checked by the built-in one
 * (so a converter cannot smuggle in a value that does not fit the type). Values no registered
 * converter handles fall back to the built-in lenient conversions.
 */
final class RegisteredInputConverter extends ValueConverter {
  private final ValueConverter builtIn;
  private final TypeConverter<?>[] registered;

  RegisteredInputConverter(ValueConverter builtIn, TypeConverter<?>[] registered) {
    super(builtIn.type);
    this.builtIn = builtIn;
    this.registered = registered;
  }

  @Override
  Object toCanonical(Object value) {
    if (value.getClass() != canonicalClass()) {
      for (TypeConverter<?> converter : registered) {
        if (converter.javaClass().isInstance(value)) {
          return builtIn.toCanonical(apply(converter, value));
        }
      }
    }
    return builtIn.toCanonical(value);
  }

  @SuppressWarnings("unchecked")
  private Object apply(TypeConverter<?> converter, Object value) {
    Object converted;
    try {
      // Safe: isInstance above proved the value is a J.
      converted = ((TypeConverter<Object>) converter).toCanonical(value, type);
    } catch (RuntimeException e) {
      throw new ValueRejectedException(
          "of type "
              + type
              + ": the converter for "
              + converter.javaClass().getTypeName()
              + " failed on "
              + describe(value)
              + ": "
              + e,
          e);
    }
    if (converted == null) {
      throw new ValueRejectedException(
          "of type "
              + type
              + ": the converter for "
              + converter.javaClass().getTypeName()
              + " returned null for "
              + describe(value));
    }
    return converted;
  }

  @Override
  Class<?> passThroughClass() {
    return builtIn.passThroughClass();
  }
}
