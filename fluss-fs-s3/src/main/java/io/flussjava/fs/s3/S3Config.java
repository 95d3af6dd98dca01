package io.flussjava.fs.s3;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where and as whom {@link S3FileSystem} reads: an endpoint override (MinIO, S3Proxy, another
 * S3-compatible store), path-style access, the region, static credentials (else the AWS SDK's
 * default chain: {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}, {@code ~/.aws}, instance
 * roles, ...) and the HTTP timeouts. Immutable; {@link #builder()} or {@link #fromEnvironment()}.
 *
 * <p>{@link #fromEnvironment()} reads, for each setting, the system property or else the
 * environment variable:
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>system property</th><th>environment variable</th><th>meaning</th></tr>
 *   <tr><td>{@code fluss.s3.endpoint}</td><td>{@code FLUSS_S3_ENDPOINT}</td>
 *       <td>endpoint URI, e.g. {@code http://localhost:9000}</td></tr>
 *   <tr><td>{@code fluss.s3.path-style-access}</td><td>{@code FLUSS_S3_PATH_STYLE_ACCESS}</td>
 *       <td>{@code true}: {@code endpoint/bucket/key} instead of {@code bucket.endpoint/key}</td></tr>
 *   <tr><td>{@code fluss.s3.region}</td><td>{@code FLUSS_S3_REGION}</td>
 *       <td>e.g. {@code eu-west-1}; else the SDK's region chain, else {@code us-east-1}</td></tr>
 *   <tr><td>{@code fluss.s3.access-key}</td><td>{@code FLUSS_S3_ACCESS_KEY}</td>
 *       <td>with the secret key: static credentials</td></tr>
 *   <tr><td>{@code fluss.s3.secret-key}</td><td>{@code FLUSS_S3_SECRET_KEY}</td><td></td></tr>
 *   <tr><td>{@code fluss.s3.session-token}</td><td>{@code FLUSS_S3_SESSION_TOKEN}</td>
 *       <td>optional, for temporary credentials</td></tr>
 * </table>
 */
public final class S3Config {
  /** Prefix of the system properties {@link #fromEnvironment()} reads. */
  public static final String PROPERTY_PREFIX = "fluss.s3.";

  private final URI endpoint;
  private final boolean pathStyleAccess;
  private final String region;
  private final String accessKey;
  private final String secretKey;
  private final String sessionToken;
  private final Duration connectTimeout;
  private final Duration readTimeout;

  private S3Config(Builder b) {
    this.endpoint = b.endpoint;
    this.pathStyleAccess = b.pathStyleAccess;
    this.region = b.region;
    this.accessKey = b.accessKey;
    this.secretKey = b.secretKey;
    this.sessionToken = b.sessionToken;
    this.connectTimeout = b.connectTimeout;
    this.readTimeout = b.readTimeout;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The settings of this JVM's system properties and environment variables (see the class comment);
   * nothing set means AWS S3 with the SDK's defaults.
   *
   * @throws IllegalArgumentException if a setting is malformed, naming it
   */
  public static S3Config fromEnvironment() {
    return fromLookup(
        name -> {
          String property = System.getProperty(PROPERTY_PREFIX + name);
          if (property != null) {
            return property;
          }
          return System.getenv("FLUSS_S3_" + name.toUpperCase(Locale.ROOT).replace('-', '_'));
        });
  }

  /** The settings {@code lookup} returns by short name ({@code endpoint}, {@code region}, ...). */
  static S3Config fromLookup(UnaryOperator<String> lookup) {
    Builder b = builder();
    String endpoint = blankToNull(lookup.apply("endpoint"));
    if (endpoint != null) {
      try {
        b.endpoint(URI.create(endpoint));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(PROPERTY_PREFIX + "endpoint: " + e.getMessage(), e);
      }
    }
    String pathStyle = blankToNull(lookup.apply("path-style-access"));
    if (pathStyle != null) {
      if (!pathStyle.equalsIgnoreCase("true") && !pathStyle.equalsIgnoreCase("false")) {
        throw new IllegalArgumentException(
            PROPERTY_PREFIX + "path-style-access must be true or false, not '" + pathStyle + "'");
      }
      b.pathStyleAccess(Boolean.parseBoolean(pathStyle));
    }
    b.region(blankToNull(lookup.apply("region")));
    String accessKey = blankToNull(lookup.apply("access-key"));
    String secretKey = blankToNull(lookup.apply("secret-key"));
    if ((accessKey == null) != (secretKey == null)) {
      throw new IllegalArgumentException(
          "set both "
              + PROPERTY_PREFIX
              + "access-key and "
              + PROPERTY_PREFIX
              + "secret-key, or neither (then the AWS SDK's default credentials are used)");
    }
    if (accessKey != null) {
      b.credentials(accessKey, secretKey, blankToNull(lookup.apply("session-token")));
    }
    return b.build();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  /** The endpoint override; empty for AWS S3 itself. */
  public Optional<URI> endpoint() {
    return Optional.ofNullable(endpoint);
  }

  public boolean pathStyleAccess() {
    return pathStyleAccess;
  }

  /** The region; empty to ask the SDK's region chain. */
  public Optional<String> region() {
    return Optional.ofNullable(region);
  }

  /** The static access key; empty for the SDK's default credentials chain. */
  public Optional<String> accessKey() {
    return Optional.ofNullable(accessKey);
  }

  Optional<String> secretKey() {
    return Optional.ofNullable(secretKey);
  }

  Optional<String> sessionToken() {
    return Optional.ofNullable(sessionToken);
  }

  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** How long a read may wait for bytes before the connection counts as dead. */
  public Duration readTimeout() {
    return readTimeout;
  }

  @Override
  public String toString() {
    // Never the secret key.
    return "S3Config{endpoint="
        + (endpoint == null ? "AWS" : endpoint)
        + ", pathStyleAccess="
        + pathStyleAccess
        + ", region="
        + (region == null ? "default chain" : region)
        + ", credentials="
        + (accessKey == null ? "default chain" : "static, access key " + accessKey)
        + "}";
  }

  /** Builds an {@link S3Config}; every setting is optional. */
  public static final class Builder {
    private URI endpoint;
    private boolean pathStyleAccess;
    private String region;
    private String accessKey;
    private String secretKey;
    private String sessionToken;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(60);

    private Builder() {}

    /** An S3-compatible store's URI, e.g. {@code http://localhost:9000}; null for AWS S3. */
    public Builder endpoint(URI endpoint) {
      if (endpoint != null && (endpoint.getScheme() == null || endpoint.getHost() == null)) {
        throw new IllegalArgumentException(
            "endpoint must be an absolute URI such as http://host:port, not '" + endpoint + "'");
      }
      this.endpoint = endpoint;
      return this;
    }

    /** Addresses objects as {@code endpoint/bucket/key}, as most S3-compatible stores want. */
    public Builder pathStyleAccess(boolean pathStyleAccess) {
      this.pathStyleAccess = pathStyleAccess;
      return this;
    }

    public Builder region(String region) {
      this.region = region;
      return this;
    }

    /** Static credentials instead of the SDK's default chain; {@code sessionToken} may be null. */
    public Builder credentials(String accessKey, String secretKey, String sessionToken) {
      this.accessKey = Objects.requireNonNull(accessKey, "accessKey");
      this.secretKey = Objects.requireNonNull(secretKey, "secretKey");
      this.sessionToken = sessionToken;
      return this;
    }

    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = positive(connectTimeout, "connectTimeout");
      return this;
    }

    public Builder readTimeout(Duration readTimeout) {
      this.readTimeout = positive(readTimeout, "readTimeout");
      return this;
    }

    private static Duration positive(Duration d, String name) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, not " + d);
      }
      return d;
    }

    public S3Config build() {
      return new S3Config(this);
    }
  }
}
