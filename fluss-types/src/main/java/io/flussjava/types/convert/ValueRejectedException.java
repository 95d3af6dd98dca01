package io.flussjava.types.convert;

/**
 * Why one value cannot become a canonical value, worded to follow a subject such as {@code column
 * 'age'} (e.g. {@code "of type INT expects java.lang.Integer ..."}). Nested converters prefix where
 * they were ({@code "element 2 ..."}); {@link RowConverter} turns it into an {@link
 * io.flussjava.exception.InvalidRowException} naming the column.
 */
final class ValueRejectedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ValueRejectedException(String detail) {
    this(detail, null);
  }

  ValueRejectedException(String detail, Throwable cause) {
    // No stack trace: it is always caught and rethrown as InvalidRowException, which has one.
    super(detail, cause, false, false);
  }

  /** The same rejection seen from one level up, e.g. {@code "element 2 " + detail}. */
  ValueRejectedException within(String location) {
    return new ValueRejectedException(location + " " + getMessage(), getCause());
  }
}
