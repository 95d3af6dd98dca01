package io.flussjava.fs.s3;

import java.io.IOException;

/**
 * S3 refused to serve an object (HTTP 403): wrong or expired credentials, a clock far off, or a
 * bucket or IAM policy without {@code s3:GetObject}. The message names the bucket, the key, the S3
 * error code and the credentials used.
 */
public class S3AccessDeniedException extends IOException {
  private static final long serialVersionUID = 1L;

  private final String bucket;
  private final String key;

  public S3AccessDeniedException(String message, String bucket, String key, Throwable cause) {
    super(message, cause);
    this.bucket = bucket;
    this.key = key;
  }

  public String bucket() {
    return bucket;
  }

  public String key() {
    return key;
  }
}
