package io.flussjava.fs.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The answers S3Proxy cannot be made to give: redirects, server errors, HEAD's empty bodies. */
class S3ErrorsTest {
  private static final S3Location OBJECT = new S3Location("bucket", "remote/log/0/00.log");
  private final S3Errors errors =
      new S3Errors(
          S3Config.builder()
              .endpoint(URI.create("http://store:9000"))
              .credentials("AK", "the-secret", null)
              .build());

  private static S3Exception answer(int status, String code) {
    return (S3Exception)
        S3Exception.builder()
            .statusCode(status)
            .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).build())
            .message("S3 said no")
            .build();
  }

  @Test
  void aHeadWithoutBodyIsStillNamedByItsStatus() {
    IOException missing = errors.toIoException("HEAD", OBJECT, answer(404, null));
    assertThat(missing)
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining("s3://bucket/remote/log/0/00.log");
    assertThat(S3Errors.isNotFound(answer(404, null))).isTrue();

    IOException denied = errors.toIoException("HEAD", OBJECT, answer(403, null));
    assertThat(denied)
        .isInstanceOf(S3AccessDeniedException.class)
        .hasMessageContaining("HTTP 403")
        .hasMessageContaining("access key AK")
        .hasMessageNotContaining("the-secret");
  }

  @Test
  void aRedirectAsksForTheRegion() {
    assertThat(errors.toIoException("GET", OBJECT, answer(301, "PermanentRedirect")))
        .hasMessageContaining("another region")
        .hasMessageContaining("fluss.s3.region")
        .hasMessageContaining("PermanentRedirect");
  }

  @Test
  void otherAnswersAndNoAnswerNameTheObject() {
    assertThat(errors.toIoException("GET", OBJECT, answer(500, "InternalError")))
        .hasMessageContaining("HTTP 500 InternalError")
        .hasMessageContaining("bucket 'bucket', key 'remote/log/0/00.log'");
    assertThat(
            errors.toIoException(
                "GET", OBJECT, SdkClientException.create("Unable to execute HTTP request")))
        .hasMessageContaining("without an answer from S3")
        .hasMessageContaining("http://store:9000");
    assertThat(S3Errors.isNotFound(SdkClientException.create("x"))).isFalse();
  }
}
