package io.flussjava.fs.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class S3ConfigTest {

  private static S3Config fromSettings(Map<String, String> settings) {
    return S3Config.fromLookup(settings::get);
  }

  @Test
  void nothingSetIsAwsWithTheSdkDefaults() {
    S3Config config = fromSettings(Map.of());

    assertThat(config.endpoint()).isEmpty();
    assertThat(config.region()).isEmpty();
    assertThat(config.accessKey()).isEmpty();
    assertThat(config.pathStyleAccess()).isFalse();
  }

  @Test
  void readsEverySetting() {
    S3Config config =
        fromSettings(
            Map.of(
                "endpoint", " http://minio:9000 ",
                "path-style-access", "TRUE",
                "region", "eu-west-1",
                "access-key", "AK",
                "secret-key", "SK",
                "session-token", "TOKEN"));

    assertThat(config.endpoint()).contains(URI.create("http://minio:9000"));
    assertThat(config.pathStyleAccess()).isTrue();
    assertThat(config.region()).contains("eu-west-1");
    assertThat(config.accessKey()).contains("AK");
    assertThat(config.secretKey()).contains("SK");
    assertThat(config.sessionToken()).contains("TOKEN");
    assertThat(config.toString()).contains("AK").doesNotContain("SK").doesNotContain("TOKEN");
  }

  @Test
  void malformedSettingsAreNamed() {
    assertThatThrownBy(() -> fromSettings(Map.of("endpoint", "minio:9000")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("absolute URI");
    assertThatThrownBy(() -> fromSettings(Map.of("path-style-access", "yes")))
        .hasMessageContaining("fluss.s3.path-style-access");
    assertThatThrownBy(() -> fromSettings(Map.of("access-key", "AK")))
        .hasMessageContaining("fluss.s3.secret-key");
  }

  @Test
  void locationIsBucketAndKey() {
    assertThat(S3Location.of(URI.create("s3a://my_bucket/remote/log/0/00.log")))
        .isEqualTo(new S3Location("my_bucket", "remote/log/0/00.log"));
    assertThatThrownBy(() -> S3Location.of(URI.create("s3://bucket-only")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("s3://bucket/key");
  }
}
