package io.flussjava.types.codec;

/**
 * How a table maps encoded bucket-key bytes to a bucket. Which one applies follows the table's lake
 * format, so that Fluss and the lake put a key in the same bucket:
 *
 * <ul>
 *   <li>{@link #FLUSS}: tables without a lake format, and Lance tables ({@link BucketHasher}).
 *   <li>{@link #PAIMON}: Paimon's {@code abs(hash % numBuckets)} over Fluss's murmur variant of the
 *       {@link PaimonKeyEncoder BinaryRow} bytes.
 *   <li>{@link #ICEBERG}: Iceberg's bucket transform, {@code (murmur3_32(bytes) & MAX_INT) %
 *       numBuckets} with the standard MurmurHash3 (seed 0) over the {@link IcebergKeyEncoder}
 *       bytes.
 * </ul>
 *
 * <p>For fluss-java's own modules; not an API for applications, and it may change without notice.
 */
public enum BucketingFunction {
  FLUSS {
    @Override
    int bucket(byte[] key, int numBuckets) {
      return BucketHasher.bucketFor(key, numBuckets);
    }
  },
  PAIMON {
    @Override
    int bucket(byte[] key, int numBuckets) {
      return Math.abs(BucketHasher.murmurHash(key, 0, key.length) % numBuckets);
    }
  },
  ICEBERG {
    @Override
    int bucket(byte[] key, int numBuckets) {
      return (BucketHasher.standardMurmur3(key) & Integer.MAX_VALUE) % numBuckets;
    }
  };

  /**
   * The bucket of an encoded key.
   *
   * @throws IllegalArgumentException if the key is empty or {@code numBuckets} is not positive
   */
  public int bucketFor(byte[] key, int numBuckets) {
    if (numBuckets <= 0) {
      throw new IllegalArgumentException("number of buckets must be positive, got " + numBuckets);
    }
    if (key.length == 0) {
      throw new IllegalArgumentException("cannot bucket an empty key");
    }
    return bucket(key, numBuckets);
  }

  abstract int bucket(byte[] key, int numBuckets);
}
