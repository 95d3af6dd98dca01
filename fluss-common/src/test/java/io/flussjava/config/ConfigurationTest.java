package io.flussjava.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flussjava.exception.InvalidConfigException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigurationTest {

  @Test
  void readsDefaultsAndParsedValues() {
    Configuration conf = new Configuration();
    assertThat(conf.get(ClientOptions.REQUEST_TIMEOUT)).isEqualTo(Duration.ofSeconds(30));
    conf.setString("client.request-timeout", "1500ms");
    conf.setString("bootstrap.servers", "a:1, b:2");
    assertThat(conf.get(ClientOptions.REQUEST_TIMEOUT)).isEqualTo(Duration.ofMillis(1500));
    assertThat(conf.get(ClientOptions.BOOTSTRAP_SERVERS)).isEqualTo(List.of("a:1", "b:2"));
    conf.setString("client.security.protocol", "sasl");
    assertThat(conf.get(ClientOptions.SECURITY_PROTOCOL)).isEqualTo(SecurityProtocol.SASL);
  }

  @Test
  void durationsAndSizesAcceptTheUsualUnits() {
    assertThat(ConfigType.parseDuration("30 s")).isEqualTo(Duration.ofSeconds(30));
    assertThat(ConfigType.parseDuration("2min")).isEqualTo(Duration.ofMinutes(2));
    assertThat(ConfigType.parseDuration("250")).isEqualTo(Duration.ofMillis(250));
    assertThat(MemorySize.parse("2mb").getBytes()).isEqualTo(2L << 20);
    assertThat(MemorySize.parse("64 MB").getBytes()).isEqualTo(64L << 20);
    assertThat(MemorySize.parse("512k").getBytes()).isEqualTo(512L << 10);
    assertThat(MemorySize.ofBytes(2L << 20).toString()).isEqualTo("2mb");
  }

  @Test
  void badValueNamesKeyValueAndExpectedForm() {
    Configuration conf = new Configuration().setString("client.request-timeout", "soon");
    assertThatThrownBy(() -> conf.get(ClientOptions.REQUEST_TIMEOUT))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("'soon'")
        .hasMessageContaining("client.request-timeout")
        .hasMessageContaining("duration such as");
  }

  @Test
  void ruleViolationIsRejected() {
    Configuration conf = new Configuration().setString("client.network.threads", "0");
    assertThatThrownBy(() -> ClientOptions.validate(conf))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("client.network.threads")
        .hasMessageContaining("between 1 and 64");
    assertThatThrownBy(() -> new Configuration().set(ClientOptions.NETWORK_THREADS, 100))
        .isInstanceOf(InvalidConfigException.class);
  }

  @Test
  void unknownKeyGetsASuggestion() {
    Configuration conf = new Configuration().setString("client.request.timeout", "1s");
    assertThatThrownBy(() -> ClientOptions.validate(conf))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("Unknown configuration key 'client.request.timeout'")
        .hasMessageContaining("did you mean 'client.request-timeout'");
  }

  @Test
  void secretsAreMaskedInToStringAndErrors() {
    Configuration conf =
        new Configuration()
            .setString("client.security.sasl.username", "alice")
            .setString("client.security.sasl.password", "alice-secret");
    assertThat(conf.toString()).contains("alice").doesNotContain("alice-secret");
    assertThat(ClientOptions.isSensitiveKey("client.security.sasl.jaas.config")).isTrue();
  }

  @Test
  void everyOptionIsDocumentedInTheTable() {
    String table = ClientOptions.markdownTable();
    for (ConfigOption<?> o : ClientOptions.all()) {
      assertThat(o.description()).as(o.key()).isNotBlank();
      assertThat(table).contains("`" + o.key() + "`");
    }
  }
}
