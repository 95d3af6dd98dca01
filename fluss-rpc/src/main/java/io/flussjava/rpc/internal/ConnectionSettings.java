package io.flussjava.rpc.internal;

import io.flussjava.config.ClientOptions;
import io.flussjava.config.Configuration;
import java.time.Duration;
import java.util.Optional;

/** What every connection of one client needs to know, read once from the configuration. */
public final class ConnectionSettings {
  /** Sent in ApiVersions; the server does not check it. */
  public static final String CLIENT_SOFTWARE_NAME = "fluss-java";

  public static final String CLIENT_SOFTWARE_VERSION = "0.1.0";

  /** Largest response frame accepted; the server's own limit for requests is 100 MiB. */
  public static final int DEFAULT_MAX_FRAME_BYTES = 128 * 1024 * 1024;

  private final Duration requestTimeout;
  private final Duration connectTimeout;
  private final SaslPlainCredentials saslCredentials;
  private final int maxFrameBytes;

  public ConnectionSettings(
      Duration requestTimeout,
      Duration connectTimeout,
      SaslPlainCredentials saslCredentials,
      int maxFrameBytes) {
    this.requestTimeout = requestTimeout;
    this.connectTimeout = connectTimeout;
    this.saslCredentials = saslCredentials;
    this.maxFrameBytes = maxFrameBytes;
  }

  /**
   * Reads the timeouts and security settings; fails with InvalidConfigException on bad SASL
   * settings.
   */
  public static ConnectionSettings fromConfiguration(Configuration conf) {
    return new ConnectionSettings(
        conf.get(ClientOptions.REQUEST_TIMEOUT),
        conf.get(ClientOptions.CONNECT_TIMEOUT),
        SaslPlainCredentials.fromConfiguration(conf).orElse(null),
        DEFAULT_MAX_FRAME_BYTES);
  }

  public Duration requestTimeout() {
    return requestTimeout;
  }

  public Duration connectTimeout() {
    return connectTimeout;
  }

  /**
   * Time allowed for the TCP connect: the connect timeout, but never longer than a request may
   * wait.
   */
  public int effectiveConnectTimeoutMillis() {
    long millis = Math.min(connectTimeout.toMillis(), requestTimeout.toMillis());
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, millis));
  }

  /** SASL/PLAIN credentials, or empty for PLAINTEXT. */
  public Optional<SaslPlainCredentials> saslCredentials() {
    return Optional.ofNullable(saslCredentials);
  }

  public int maxFrameBytes() {
    return maxFrameBytes;
  }
}
