package io.flussjava.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flussjava.exception.InvalidConfigException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The official client's keys are carried over: aliases read as ours, the rest checked and noted.
 */
class OfficialClientKeysTest {

  @Test
  void anAliasIsReadAsFlussJavasKeyWithAnInfoNote() {
    Configuration conf = new Configuration().setString("netty.client.num-network-threads", "3");
    ClientOptions.Resolved resolved = ClientOptions.resolve(conf);
    assertThat(resolved.configuration().get(ClientOptions.NETWORK_THREADS)).isEqualTo(3);
    assertThat(resolved.configuration().containsKey("netty.client.num-network-threads")).isFalse();
    assertThat(resolved.notes())
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.warning()).isFalse();
              assertThat(n.message()).contains("client.network.threads");
            });
  }

  @Test
  void flussJavasOwnKeyWinsOverItsAliasWithAWarning() {
    Configuration conf =
        new Configuration()
            .setString("netty.client.num-network-threads", "3")
            .setString("client.network.threads", "2");
    ClientOptions.Resolved resolved = ClientOptions.resolve(conf);
    assertThat(resolved.configuration().get(ClientOptions.NETWORK_THREADS)).isEqualTo(2);
    assertThat(resolved.notes())
        .anyMatch(n -> n.warning() && n.key().equals("client.network.threads"));
  }

  @Test
  void anAliasValueIsCheckedByFlussJavasRule() {
    Configuration conf = new Configuration().setString("netty.client.num-network-threads", "0");
    assertThatThrownBy(() -> ClientOptions.resolve(conf))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("client.network.threads");
  }

  @Test
  void anAcceptedKeyAtTheOfficialDefaultIsAnInfoAndOtherwiseAWarning() {
    ClientOptions.Resolved atDefault =
        ClientOptions.resolve(
            new Configuration().setString("client.writer.buffer.page-size", "128 kb"));
    assertThat(atDefault.configuration().toMap()).isEmpty();
    assertThat(atDefault.notes())
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.warning()).isFalse();
              assertThat(n.message()).contains("no page pool");
            });

    ClientOptions.Resolved sameInLowerCase =
        ClientOptions.resolve(
            new Configuration().setString("client.writer.bucket.no-key-assigner", "sticky"));
    assertThat(sameInLowerCase.notes())
        .singleElement()
        .satisfies(n -> assertThat(n.warning()).isFalse());

    ClientOptions.Resolved asked =
        ClientOptions.resolve(
            new Configuration().setString("client.writer.bucket.no-key-assigner", "ROUND_ROBIN"));
    assertThat(asked.notes()).singleElement().satisfies(n -> assertThat(n.warning()).isTrue());
  }

  @Test
  void anAcceptedKeysValueIsStillChecked() {
    assertThatThrownBy(
            () ->
                ClientOptions.resolve(
                    new Configuration().setString("client.lookup.queue-size", "lots")))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("client.lookup.queue-size");
    assertThatThrownBy(
            () ->
                ClientOptions.resolve(
                    new Configuration()
                        .setString("client.filesystem.security.token.renewal.time-ratio", "2")))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("(0, 1]");
  }

  @Test
  void fileSystemSettingsAreAcceptedWithAWarning() {
    ClientOptions.Resolved resolved =
        ClientOptions.resolve(new Configuration().setString("client.fs.s3.endpoint", "http://x"));
    assertThat(resolved.notes()).singleElement().satisfies(n -> assertThat(n.warning()).isTrue());
  }

  @Test
  void anUnknownKeyFailsNamingAnOfficialKeyWhenThatIsClosest() {
    assertThatThrownBy(
            () ->
                ClientOptions.resolve(
                    new Configuration().setString("client.metrics.enable", "true")))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("did you mean 'client.metrics.enabled'");
  }

  @Test
  void theOfficialSpellingsOfDurationsAndSizesParse() {
    assertThat(ConfigType.parseDuration("2 min")).isEqualTo(Duration.ofMinutes(2));
    assertThat(ConfigType.parseDuration("9223372036854775807 ns"))
        .isEqualTo(Duration.ofNanos(Long.MAX_VALUE));
    assertThat(ConfigType.parseDuration("1 h")).isEqualTo(Duration.ofHours(1));
    assertThat(ConfigType.parseDuration("3 seconds")).isEqualTo(Duration.ofSeconds(3));
    assertThat(MemorySize.parse("1 bytes").getBytes()).isEqualTo(1);
    assertThat(MemorySize.parse("16 mebibytes").getBytes()).isEqualTo(16L << 20);
  }
}
