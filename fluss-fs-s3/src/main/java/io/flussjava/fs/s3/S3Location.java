package io.flussjava.fs.s3;

import java.net.URI;

/** The bucket and key an {@code s3://bucket/key} (or {@code s3a://}) URI names. */
record S3Location(String bucket, String key) {

  /**
   * @throws IllegalArgumentException if the URI has no bucket or no key
   */
  static S3Location of(URI uri) {
    // The authority, not the host: bucket names with underscores are no valid host names.
    String bucket = uri.getAuthority();
    String path = uri.getPath();
    String key = path == null ? "" : path.replaceFirst("^/+", "");
    if (bucket == null || bucket.isEmpty() || key.isEmpty()) {
      throw new IllegalArgumentException("not an object URI (s3://bucket/key): '" + uri + "'");
    }
    return new S3Location(bucket, key);
  }

  @Override
  public String toString() {
    return "bucket '" + bucket + "', key '" + key + "'";
  }
}
