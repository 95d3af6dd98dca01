package io.flussjava.types.codec;

/**
 * Turns the key columns of a row into the bytes a Fluss server keys its KV store by, or the bytes a
 * {@link BucketingFunction} hashes. Which encoding a table uses depends on its lake format (see
 * {@link CompactedKeyEncoder}, {@link PaimonKeyEncoder}, {@link IcebergKeyEncoder}).
 * Implementations are thread-safe.
 *
 * <p>For fluss-java's own modules; not an API for applications, and it may change without notice.
 */
public interface KeyEncoder {
  /**
   * The key bytes of {@code row} (a full row of canonical values) in a new array.
   *
   * @throws io.flussjava.exception.InvalidRowException if a key value cannot be encoded (a null
   *     where the encoding has none)
   */
  byte[] encodeKey(Object[] row);
}
