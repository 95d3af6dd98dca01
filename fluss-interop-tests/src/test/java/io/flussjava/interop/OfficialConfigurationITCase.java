package io.flussjava.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flussjava.client.Connection;
import io.flussjava.config.ClientOptions;
import io.flussjava.config.ConfigNote;
import io.flussjava.config.ConfigOption;
import io.flussjava.config.Configuration;
import io.flussjava.exception.InvalidConfigException;
import io.flussjava.testkit.FlussClusterTest;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * An official-client configuration of every client key, at the official defaults, works unchanged
 * with {@code Connection.create}. The key list is read off the official jar's {@code
 * ConfigOptions}, so a key upstream adds fails this test until fluss-java decides what to do with
 * it.
 */
@FlussClusterTest
class OfficialConfigurationITCase {

  @Test
  void everyOfficialClientKeyWithItsDefaultIsAccepted() throws Exception {
    Map<String, String> official = OfficialClient.clientConfigDefaults();
    assertThat(official).hasSizeGreaterThanOrEqualTo(35);
    Configuration conf = Configuration.fromMap(official);
    conf.setString("bootstrap.servers", InteropSupport.bootstrap());
    // One file-system setting stands for the client.fs.* family (which has no keys of its own).
    conf.setString("client.fs.oss.endpoint", "oss-cn-hangzhou.aliyuncs.com");

    try (Connection connection = Connection.create(conf)) {
      assertThat(connection.getAdmin().listDatabases()).isNotEmpty();
      Configuration effective = connection.getConfiguration();
      assertThat(effective.get(ClientOptions.NETWORK_THREADS)).isEqualTo(4);
      // The official default that differs from fluss-java's is the one the file asked for.
      assertThat(effective.get(ClientOptions.WRITER_DYNAMIC_CREATE_PARTITION)).isTrue();
    }

    Set<String> declared = new HashSet<>();
    ClientOptions.all().forEach(o -> declared.add(o.key()));
    Set<String> noted = new HashSet<>();
    ClientOptions.resolve(conf).notes().stream().map(ConfigNote::key).forEach(noted::add);
    for (String key : official.keySet()) {
      assertThat(declared.contains(key) || noted.contains(key))
          .as("official key %s is either fluss-java's own or carried over with a note", key)
          .isTrue();
    }
    // A default is never a reason to warn: only a value the user chose that fluss-java ignores.
    assertThat(ClientOptions.resolve(conf).notes())
        .filteredOn(ConfigNote::warning)
        .extracting(ConfigNote::key)
        .containsExactly("client.fs.oss.endpoint");
  }

  @Test
  void declaredOptionsParseTheOfficialSpellingOfEveryDefault() throws Exception {
    Map<String, String> official = OfficialClient.clientConfigDefaults();
    for (ConfigOption<?> option : ClientOptions.all()) {
      String text = official.get(option.key());
      if (text != null) {
        Configuration conf = new Configuration().setString(option.key(), text);
        assertThat(conf.get(option)).as(option.key()).isNotNull();
      }
    }
  }

  @Test
  void anUnknownKeyStillFailsNamingTheClosestKnownOne() {
    Configuration conf = new Configuration();
    conf.setString("bootstrap.servers", InteropSupport.bootstrap());
    conf.setString("client.lookup.queue-sise", "100");
    assertThatThrownBy(() -> Connection.create(conf))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("did you mean 'client.lookup.queue-size'");
  }
}
