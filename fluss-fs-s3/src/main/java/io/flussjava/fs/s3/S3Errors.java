package io.flussjava.fs.s3;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Turns the SDK's unchecked exceptions into the typed {@link IOException}s callers handle. */
final class S3Errors {
  private final S3Config config;

  S3Errors(S3Config config) {
    this.config = config;
  }

  /** Whether S3 said the object (or its bucket) does not exist. */
  static boolean isNotFound(SdkException e) {
    return e instanceof S3Exception s3 && s3.statusCode() == 404;
  }

  IOException toIoException(String action, S3Location location, SdkException e) {
    if (!(e instanceof S3Exception s3)) {
      // No answer from S3: connection refused, timeout, DNS, a body cut short.
      return new IOException(
          action
              + " "
              + location
              + " failed without an answer from S3 ("
              + e.getMessage()
              + "); check the endpoint and network, config "
              + config,
          e);
    }
    String code = errorCode(s3);
    if (s3.statusCode() == 404) {
      NoSuchFileException missing =
          new NoSuchFileException(
              "s3://" + location.bucket() + "/" + location.key(),
              null,
              "NoSuchBucket".equals(code) ? "no such bucket" : "no such object");
      missing.initCause(e);
      return missing;
    }
    if (s3.statusCode() == 403) {
      return new S3AccessDeniedException(
          "access denied ("
              + code
              + ") to "
              + action
              + " "
              + location
              + ": check that the credentials are right and not expired, that the bucket and IAM"
              + " policies allow s3:GetObject (and s3:ListBucket, without which a missing object"
              + " is denied too) and that this machine's clock is right; config "
              + config,
          location.bucket(),
          location.key(),
          e);
    }
    if (s3.statusCode() == 301) {
      return new IOException(
          action
              + " "
              + location
              + ": the bucket is in another region or needs another endpoint ("
              + code
              + "); set "
              + S3Config.PROPERTY_PREFIX
              + "region, config "
              + config,
          e);
    }
    return new IOException(
        action + " " + location + " failed: HTTP " + s3.statusCode() + " " + code + ", " + s3, e);
  }

  private static String errorCode(S3Exception e) {
    // A HEAD answer has no body, so no error code; the status says enough then.
    if (e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null) {
      return "HTTP " + e.statusCode();
    }
    return e.awsErrorDetails().errorCode();
  }
}
