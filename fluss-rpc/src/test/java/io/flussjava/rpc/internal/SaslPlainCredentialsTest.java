package io.flussjava.rpc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flussjava.config.Configuration;
import io.flussjava.exception.InvalidConfigException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SaslPlainCredentialsTest {
  private static final String JAAS =
      "org.apache.fluss.security.auth.sasl.plain.PlainLoginModule required username=\"alice\""
          + " password=\"alice-secret\";";

  @Test
  void tokenIsNulUserNulPasswordInUtf8() {
    byte[] token = new SaslPlainCredentials("admin", "admin-pass").token();

    assertThat(token).hasSize(17).isEqualTo("\0admin\0admin-pass".getBytes(StandardCharsets.UTF_8));
    assertThat(new SaslPlainCredentials("ü", "π").token())
        .isEqualTo(new byte[] {0, (byte) 0xc3, (byte) 0xbc, 0, (byte) 0xcf, (byte) 0x80});
  }

  @Test
  void jaasConfigIsParsed() {
    SaslPlainCredentials credentials = SaslPlainCredentials.fromJaasConfig(JAAS);

    assertThat(credentials.username()).isEqualTo("alice");
    assertThat(credentials.token())
        .isEqualTo("\0alice\0alice-secret".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void jaasConfigWithoutPasswordFailsWithoutQuotingIt() {
    String withoutPassword = "PlainLoginModule required username=\"bob\" passwd=\"hunter2\";";

    assertThatThrownBy(() -> SaslPlainCredentials.fromJaasConfig(withoutPassword))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("password")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void toStringNeverShowsThePassword() {
    assertThat(new SaslPlainCredentials("admin", "admin-pass").toString())
        .contains("admin")
        .doesNotContain("admin-pass");
  }

  @Test
  void plaintextNeedsNoCredentials() {
    assertThat(SaslPlainCredentials.fromConfiguration(new Configuration())).isEmpty();
  }

  @Test
  void saslReadsUsernameAndPasswordFirst() {
    Configuration conf = new Configuration();
    conf.setString("client.security.protocol", "sasl");
    conf.setString("client.security.sasl.username", "admin");
    conf.setString("client.security.sasl.password", "admin-pass");
    conf.setString("client.security.sasl.jaas.config", JAAS);

    assertThat(SaslPlainCredentials.fromConfiguration(conf))
        .get()
        .extracting(SaslPlainCredentials::username)
        .isEqualTo("admin");
  }

  @Test
  void saslFallsBackToJaasConfig() {
    Configuration conf = new Configuration();
    conf.setString("client.security.protocol", "SASL");
    conf.setString("client.security.sasl.jaas.config", JAAS);

    assertThat(SaslPlainCredentials.fromConfiguration(conf))
        .get()
        .extracting(SaslPlainCredentials::username)
        .isEqualTo("alice");
  }

  @Test
  void saslWithoutCredentialsOrWithHalfOfThemIsAConfigError() {
    Configuration none = new Configuration();
    none.setString("client.security.protocol", "SASL");
    assertThatThrownBy(() -> SaslPlainCredentials.fromConfiguration(none))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("client.security.sasl.username");

    Configuration half = new Configuration();
    half.setString("client.security.protocol", "SASL");
    half.setString("client.security.sasl.password", "only-a-password");
    assertThatThrownBy(() -> SaslPlainCredentials.fromConfiguration(half))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageNotContaining("only-a-password");
  }
}
