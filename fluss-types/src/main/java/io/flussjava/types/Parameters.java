package io.flussjava.types;

/**
 * Argument checks shared by the type constructors, so that every message names the type, the
 * parameter and the value.
 */
final class Parameters {
  private Parameters() {}

  static int checkBetween(String typeName, String parameter, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          typeName
              + " "
              + parameter
              + " must be between "
              + min
              + " and "
              + max
              + ", got "
              + value);
    }
    return value;
  }

  static <T> T checkNotNull(T value, String what) {
    if (value == null) {
      throw new IllegalArgumentException(what + " must not be null");
    }
    return value;
  }
}
