package io.flussjava.fs.s3;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** Builds the SDK's {@link S3Client} an {@link S3Config} describes. */
final class S3Clients {
  private S3Clients() {}

  static S3Client create(S3Config config) {
    S3ClientBuilder builder =
        S3Client.builder()
            // The JDK's HTTP client: no netty (fluss-rpc has its own) and no Apache HttpClient.
            .httpClient(
                UrlConnectionHttpClient.builder()
                    .connectionTimeout(config.connectTimeout())
                    .socketTimeout(config.readTimeout())
                    .build())
            .credentialsProvider(credentials(config))
            .forcePathStyle(config.pathStyleAccess());
    config
        .endpoint()
        .ifPresent(
            endpoint ->
                builder
                    .endpointOverride(endpoint)
                    // S3-compatible stores (S3Proxy, older MinIO and Ceph) reject the checksum
                    // headers the SDK adds by default (HTTP 501); send them only where required.
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED));
    if (config.region().isPresent()) {
      builder.region(Region.of(config.region().get()));
    } else {
      builder.region(defaultRegion());
      if (config.endpoint().isEmpty()) {
        // A bucket of another region than the guessed one is still found (S3 answers where it is).
        builder.crossRegionAccessEnabled(true);
      }
    }
    return builder.build();
  }

  private static AwsCredentialsProvider credentials(S3Config config) {
    if (config.accessKey().isEmpty()) {
      return DefaultCredentialsProvider.builder().build();
    }
    String accessKey = config.accessKey().get();
    String secretKey = config.secretKey().orElseThrow();
    AwsCredentials credentials =
        config.sessionToken().isPresent()
            ? AwsSessionCredentials.create(accessKey, secretKey, config.sessionToken().get())
            : AwsBasicCredentials.create(accessKey, secretKey);
    return StaticCredentialsProvider.create(credentials);
  }

  private static Region defaultRegion() {
    try {
      return new DefaultAwsRegionProviderChain().getRegion();
    } catch (SdkClientException e) {
      // Nothing configured (AWS_REGION, ~/.aws/config, instance metadata): S3's own default.
      return Region.US_EAST_1;
    }
  }
}
