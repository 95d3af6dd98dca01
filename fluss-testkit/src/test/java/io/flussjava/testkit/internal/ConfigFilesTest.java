package io.flussjava.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFilesTest {

  @TempDir Path dir;

  @Test
  void plainModeHasOneFlussListenerAndNoSecurity() {
    String yaml =
        ConfigFiles.serverYaml(
            spec(ServerPorts.plain(9123), Map.of(), Map.of()), new WorkDirLayout(dir));

    assertThat(yaml)
        .contains(
            "zookeeper.address: 127.0.0.1:2181\n",
            "default.bucket.number: 3\n",
            "default.replication.factor: 1\n",
            "bind.listeners: FLUSS://localhost:9123\n",
            "data.dir: " + dir.resolve("data").resolve("coordinator") + "\n",
            "remote.data.dir: " + dir.resolve("remote") + "\n",
            "tablet-server.id: 0\n",
            "zookeeper.client.session-timeout: ");
    assertThat(yaml).doesNotContain("security.", "internal.listener.name");
  }

  @Test
  void saslModeHasInternalPlaintextAndSaslClientListeners() {
    Map<String, String> users = new LinkedHashMap<>();
    users.put("admin", "admin-pass");
    users.put("alice", "alice-secret");
    String yaml =
        ConfigFiles.serverYaml(
            spec(ServerPorts.sasl(9123, 9124), users, Map.of()), new WorkDirLayout(dir));

    assertThat(yaml)
        .contains(
            "bind.listeners: INTERNAL://localhost:9124,CLIENT://localhost:9123\n",
            "internal.listener.name: INTERNAL\n",
            "security.protocol.map: CLIENT:SASL,INTERNAL:PLAINTEXT\n",
            "security.sasl.enabled.mechanisms: PLAIN\n",
            "security.sasl.plain.jaas.config: org.apache.fluss.security.auth.sasl.plain.PlainLoginModule required"
                + " user_admin=\"admin-pass\" user_alice=\"alice-secret\";\n");
  }

  @Test
  void extraServerConfigOverridesDefaultsWithoutDuplicatingKeys() {
    String yaml =
        ConfigFiles.serverYaml(
            spec(
                ServerPorts.plain(1),
                Map.of(),
                Map.of("zookeeper.client.session-timeout", "30 s", "log.segment.file-size", "1mb")),
            new WorkDirLayout(dir));

    assertThat(yaml)
        .contains("zookeeper.client.session-timeout: 30 s\n", "log.segment.file-size: 1mb\n");
    assertThat(yaml.split("zookeeper.client.session-timeout", -1)).hasSize(2);
  }

  @Test
  void rejectsCredentialsThatWouldBreakTheJaasLine() {
    assertThatThrownBy(() -> ConfigFiles.plainJaasConfig(Map.of("bob", "pa\"ss")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("password");
    assertThatThrownBy(() -> ConfigFiles.plainJaasConfig(Map.of("bo b", "x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("user name");
  }

  @Test
  void rejectsMultiLineServerConfig() {
    assertThatThrownBy(
            () ->
                ConfigFiles.serverYaml(
                    spec(ServerPorts.plain(1), Map.of(), Map.of("a", "b\nevil: yes")),
                    new WorkDirLayout(dir)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void zooKeeperBindsLoopbackWithoutAdminServer() {
    String properties = ConfigFiles.zooKeeperProperties(dir.resolve("zk"), 2181);
    assertThat(properties)
        .contains(
            "dataDir=" + dir.resolve("zk") + "\n",
            "clientPort=2181\n",
            "clientPortAddress=127.0.0.1\n",
            "admin.enableServer=false\n");
  }

  @Test
  void writesAllFilesIntoTheConfDirectory() throws Exception {
    WorkDirLayout layout = new WorkDirLayout(dir);
    layout.resetState();
    ConfigFiles.writeAll(layout, 2181, spec(ServerPorts.plain(9123), Map.of(), Map.of()));

    assertThat(Files.readString(layout.conf().resolve("server.yaml")))
        .contains("bind.listeners: FLUSS://");
    assertThat(Files.readString(layout.zooKeeperProperties())).contains("clientPort=2181");
    assertThat(Files.readString(layout.log4jProperties()))
        .contains("appender.main.fileName=${sys:log.file}");
  }

  private static ConfigFiles.ServerYaml spec(
      ServerPorts ports, Map<String, String> users, Map<String, String> extra) {
    return new ConfigFiles.ServerYaml(2181, 3, 1, ports, users, extra);
  }
}
