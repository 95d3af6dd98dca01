package io.flussjava.rpc.internal;

import io.flussjava.config.ClientOptions;
import io.flussjava.config.Configuration;
import io.flussjava.config.SecurityProtocol;
import io.flussjava.exception.InvalidConfigException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * User name and password for SASL/PLAIN, and the one token the mechanism sends (RFC 4616: empty
 * authorization id, NUL, user name, NUL, password; UTF-8).
 *
 * <p>The password never leaves this class except inside {@link #token()}: {@link #toString()} masks
 * it, and no exception message built here quotes it or the JAAS text it came from.
 */
public final class SaslPlainCredentials {
  /**
   * Mechanism name as the server expects it: the 0.9 server only creates its PLAIN server for this
   * exact spelling.
   */
  public static final String MECHANISM = "PLAIN";

  private static final Pattern USERNAME = Pattern.compile("\\busername\\s*=\\s*\"([^\"]*)\"");
  private static final Pattern PASSWORD = Pattern.compile("\\bpassword\\s*=\\s*\"([^\"]*)\"");

  private final String username;
  private final String password;

  public SaslPlainCredentials(String username, String password) {
    this.username = Objects.requireNonNull(username, "username");
    this.password = Objects.requireNonNull(password, "password");
  }

  /**
   * The credentials a configuration asks for: empty for PLAINTEXT; for SASL, from {@code
   * client.security.sasl.username}/{@code password}, else from {@code
   * client.security.sasl.jaas.config}.
   *
   * @throws InvalidConfigException if SASL is chosen but the credentials are missing or incomplete
   */
  public static Optional<SaslPlainCredentials> fromConfiguration(Configuration conf) {
    if (conf.get(ClientOptions.SECURITY_PROTOCOL) != SecurityProtocol.SASL) {
      return Optional.empty();
    }
    String mechanism = conf.get(ClientOptions.SASL_MECHANISM).toUpperCase(Locale.ROOT);
    if (!MECHANISM.equals(mechanism)) {
      throw new InvalidConfigException(
          "client.security.sasl.mechanism '"
              + mechanism
              + "' is not supported: Fluss 0.9 only offers PLAIN");
    }
    Optional<String> username = conf.getOptional(ClientOptions.SASL_USERNAME);
    Optional<String> password = conf.getOptional(ClientOptions.SASL_PASSWORD);
    if (username.isPresent() || password.isPresent()) {
      if (username.isEmpty() || password.isEmpty()) {
        throw new InvalidConfigException(
            "Set both client.security.sasl.username and client.security.sasl.password, or neither");
      }
      return Optional.of(new SaslPlainCredentials(username.get(), password.get()));
    }
    Optional<String> jaas = conf.getOptional(ClientOptions.SASL_JAAS_CONFIG);
    if (jaas.isPresent()) {
      return Optional.of(fromJaasConfig(jaas.get()));
    }
    throw new InvalidConfigException(
        "client.security.protocol is SASL but no credentials are configured: set client.security.sasl.username and"
            + " client.security.sasl.password, or client.security.sasl.jaas.config");
  }

  /**
   * Reads {@code username="..."} and {@code password="..."} from a JAAS login-module line such as
   * {@code org.apache.fluss.security.auth.sasl.plain.PlainLoginModule required username="u"
   * password="p";}.
   */
  public static SaslPlainCredentials fromJaasConfig(String jaasConfig) {
    Matcher user = USERNAME.matcher(jaasConfig);
    Matcher pass = PASSWORD.matcher(jaasConfig);
    boolean hasUser = user.find();
    boolean hasPass = pass.find();
    if (!hasUser || !hasPass) {
      // Never quote the JAAS text: it holds the password.
      throw new InvalidConfigException(
          "client.security.sasl.jaas.config must contain username=\"...\" and password=\"...\" (missing: "
              + (hasUser ? "" : "username")
              + (!hasUser && !hasPass ? ", " : "")
              + (hasPass ? "" : "password")
              + ")");
    }
    return new SaslPlainCredentials(user.group(1), pass.group(1));
  }

  public String username() {
    return username;
  }

  /**
   * The PLAIN initial response: NUL, user name, NUL, password, in UTF-8. A fresh array on every
   * call.
   */
  public byte[] token() {
    byte[] user = username.getBytes(StandardCharsets.UTF_8);
    byte[] pass = password.getBytes(StandardCharsets.UTF_8);
    byte[] token = new byte[2 + user.length + pass.length];
    System.arraycopy(user, 0, token, 1, user.length);
    System.arraycopy(pass, 0, token, 2 + user.length, pass.length);
    return token;
  }

  @Override
  public String toString() {
    return "SaslPlainCredentials{username='" + username + "', password=******}";
  }
}
