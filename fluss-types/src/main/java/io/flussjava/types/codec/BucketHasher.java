package io.flussjava.types.codec;

/**
 * Fluss's default bucketing: {@code bucket = abs(murmurInt(murmurHash(keyBytes))) % numBuckets},
 * where the key bytes come from {@link CompactedKeyEncoder}. This is the function for tables
 * without a lake format (or with Lance). Paimon and Iceberg tables encode keys and pick buckets
 * their lake's way; {@link BucketingFunction} covers all three, with the hashes kept here.
 *
 * <p>{@code murmurHash} is MurmurHash3 (x86, 32-bit, seed 42) with one Fluss twist: the trailing
 * 1–3 bytes are each mixed in as a whole sign-extended word, instead of being packed into one last
 * word. Matching it bit for bit is what makes a key land in the bucket the server and other clients
 * expect.
 *
 * <p>For fluss-java's own modules; not an API for applications, and it may change without notice.
 */
public final class BucketHasher {
  private static final int SEED = 42;
  private static final int C1 = 0xcc9e2d51;
  private static final int C2 = 0x1b873593;

  private BucketHasher() {}

  /**
   * The bucket of a key.
   *
   * @throws IllegalArgumentException if the key is empty or {@code numBuckets} is not positive
   */
  public static int bucketFor(byte[] keyBytes, int numBuckets) {
    return bucketFor(keyBytes, 0, keyBytes.length, numBuckets);
  }

  /**
   * The bucket of the key held in {@code bytes[offset, offset + length)} (e.g. a reused encode
   * buffer).
   */
  public static int bucketFor(byte[] bytes, int offset, int length, int numBuckets) {
    if (numBuckets <= 0) {
      throw new IllegalArgumentException("number of buckets must be positive, got " + numBuckets);
    }
    return murmurInt(murmurHash(bytes, offset, length)) % numBuckets;
  }

  /** Fluss's MurmurHash3 variant of {@code bytes[offset, offset + length)}. */
  static int murmurHash(byte[] bytes, int offset, int length) {
    if (length <= 0) {
      throw new IllegalArgumentException("cannot bucket an empty key");
    }
    int wordsEnd = offset + (length & ~3);
    int h = mixWords(bytes, offset, wordsEnd, SEED);
    for (int i = wordsEnd; i < offset + length; i++) {
      h = mixH1(h, mixK1(bytes[i])); // sign-extended byte, the Fluss twist
    }
    return fmix(h ^ length);
  }

  /**
   * Standard MurmurHash3 (x86, 32-bit, seed 0) of {@code bytes}, as Guava's {@code
   * murmur3_32_fixed} and Iceberg compute it: the trailing 1–3 bytes are packed little-endian into
   * one last word, which is mixed in without the usual per-word {@code h} step.
   */
  static int standardMurmur3(byte[] bytes) {
    int length = bytes.length;
    int wordsEnd = length & ~3;
    int h = mixWords(bytes, 0, wordsEnd, 0);
    int tail = 0;
    for (int i = length - 1; i >= wordsEnd; i--) {
      tail = tail << 8 | (bytes[i] & 0xFF);
    }
    if (length > wordsEnd) {
      h ^= mixK1(tail);
    }
    return fmix(h ^ length);
  }

  /**
   * Spreads an int hash once more and makes it non-negative (0 for the one value without an
   * absolute value).
   */
  static int murmurInt(int code) {
    int c = mixH1(0, mixK1(code)); // mixH1 with h=0 is rotl(k, 13) * 5 + 0xe6546b64
    c = fmix(c ^ 4);
    if (c >= 0) {
      return c;
    }
    return c == Integer.MIN_VALUE ? 0 : -c;
  }

  /** Mixes the little-endian words of {@code bytes[from, to)} into {@code h}. */
  private static int mixWords(byte[] bytes, int from, int to, int h) {
    for (int i = from; i < to; i += 4) {
      int word =
          (bytes[i] & 0xFF)
              | (bytes[i + 1] & 0xFF) << 8
              | (bytes[i + 2] & 0xFF) << 16
              | bytes[i + 3] << 24;
      h = mixH1(h, mixK1(word));
    }
    return h;
  }

  private static int mixK1(int k) {
    return Integer.rotateLeft(k * C1, 15) * C2;
  }

  private static int mixH1(int h, int k) {
    return Integer.rotateLeft(h ^ k, 13) * 5 + 0xe6546b64;
  }

  private static int fmix(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }
}
