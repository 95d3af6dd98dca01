package io.flussjava.testkit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders and writes the files the child JVMs read: {@code zk.properties}, {@code server.yaml}
 * (shared by the coordinator and every tablet server; tablet servers override their id, listeners
 * and data dir with {@code -D} arguments) and {@code log4j.properties}.
 */
public final class ConfigFiles {

  /** The config directory file name Fluss's {@code --configDir} looks for. */
  public static final String SERVER_YAML = "server.yaml";

  /**
   * Server defaults chosen for tests rather than production. A short ZooKeeper session lets a
   * killed tablet server's registration expire quickly, so a restarted one can register its id
   * again within seconds (ZooKeeper allows 4-40 s with the tickTime below).
   */
  static final Map<String, String> TEST_DEFAULTS =
      Map.of("zookeeper.client.session-timeout", "10 s");

  private ConfigFiles() {}

  /**
   * What goes into {@code server.yaml}.
   *
   * @param zooKeeperPort the loopback port ZooKeeper serves on
   * @param defaultBuckets {@code default.bucket.number}
   * @param replicationFactor {@code default.replication.factor}
   * @param coordinatorPorts the coordinator's listeners (tablet servers override theirs)
   * @param saslUsers user name to password for SASL/PLAIN on the client listener; empty for plain
   *     mode
   * @param extra further keys, which override everything above
   */
  public record ServerYaml(
      int zooKeeperPort,
      int defaultBuckets,
      int replicationFactor,
      ServerPorts coordinatorPorts,
      Map<String, String> saslUsers,
      Map<String, String> extra) {}

  public static void writeAll(WorkDirLayout layout, int zooKeeperPort, ServerYaml serverYaml) {
    write(layout.zooKeeperProperties(), zooKeeperProperties(layout.zooKeeperData(), zooKeeperPort));
    write(layout.conf().resolve(SERVER_YAML), serverYaml(serverYaml, layout));
    write(layout.log4jProperties(), log4jProperties());
  }

  static String zooKeeperProperties(Path dataDir, int port) {
    return "dataDir="
        + dataDir.toAbsolutePath()
        + "\n"
        + "clientPort="
        + port
        + "\n"
        + "clientPortAddress=127.0.0.1\n"
        // The admin server would bind 8080 and collide across parallel clusters.
        + "admin.enableServer=false\n"
        + "tickTime=2000\n"
        + "maxClientCnxns=0\n"
        + "4lw.commands.whitelist=ruok,srvr,stat\n";
  }

  static String serverYaml(ServerYaml spec, WorkDirLayout layout) {
    Map<String, String> entries = new LinkedHashMap<>();
    entries.put("zookeeper.address", "127.0.0.1:" + spec.zooKeeperPort());
    entries.put("default.bucket.number", Integer.toString(spec.defaultBuckets()));
    entries.put("default.replication.factor", Integer.toString(spec.replicationFactor()));
    entries.put("data.dir", layout.coordinatorData().toAbsolutePath().toString());
    entries.put("remote.data.dir", layout.remoteData().toAbsolutePath().toString());
    entries.put("bind.listeners", spec.coordinatorPorts().bindListeners());
    // Tablet servers share this file and each overrides the id with -Dtablet-server.id; the
    // coordinator ignores it.
    entries.put("tablet-server.id", "0");
    entries.putAll(TEST_DEFAULTS);
    String advertised = spec.coordinatorPorts().advertisedListeners();
    if (advertised != null) {
      // Fault proxies: clients learn the proxies' addresses, servers use INTERNAL among themselves.
      entries.put("internal.listener.name", "INTERNAL");
      entries.put("advertised.listeners", advertised);
    }
    if (!spec.saslUsers().isEmpty()) {
      entries.put("internal.listener.name", "INTERNAL");
      entries.put("security.protocol.map", "CLIENT:SASL,INTERNAL:PLAINTEXT");
      entries.put("security.sasl.enabled.mechanisms", "PLAIN");
      entries.put("security.sasl.plain.jaas.config", plainJaasConfig(spec.saslUsers()));
    }
    spec.extra()
        .forEach(
            (key, value) ->
                entries.put(requireYamlSafe(key, "key"), requireYamlSafe(value, "value")));

    StringBuilder yaml = new StringBuilder("# Written by the fluss-java test kit.\n");
    entries.forEach((key, value) -> yaml.append(key).append(": ").append(value).append('\n'));
    return yaml.toString();
  }

  /**
   * The server-side PLAIN login module config with the users inline as {@code
   * user_<name>="<password>"}, so no JAAS file or JVM option is needed.
   */
  static String plainJaasConfig(Map<String, String> users) {
    StringBuilder jaas =
        new StringBuilder("org.apache.fluss.security.auth.sasl.plain.PlainLoginModule required");
    users.forEach(
        (user, password) ->
            jaas.append(" user_")
                .append(requireJaasSafe(user, "user name"))
                .append("=\"")
                .append(requireJaasSafe(password, "password"))
                .append('"'));
    return jaas.append(';').toString();
  }

  static String log4jProperties() {
    return String.join(
        "\n",
        "rootLogger.level=${env:ROOT_LOG_LEVEL:-INFO}",
        "rootLogger.appenderRef.file.ref=MainAppender",
        // ZooKeeper's own INFO chatter drowns the server logs.
        "logger.zookeeper.name=org.apache.fluss.shaded.zookeeper3",
        "logger.zookeeper.level=WARN",
        "appender.main.name=MainAppender",
        "appender.main.type=RollingFile",
        "appender.main.append=true",
        "appender.main.fileName=${sys:log.file}",
        "appender.main.filePattern=${sys:log.file}.%i",
        "appender.main.layout.type=PatternLayout",
        "appender.main.layout.pattern=%d{yyyy-MM-dd HH:mm:ss,SSS} %-5p %-60c %x - %m%n",
        "appender.main.policies.type=Policies",
        "appender.main.policies.size.type=SizeBasedTriggeringPolicy",
        "appender.main.policies.size.size=100MB",
        "appender.main.strategy.type=DefaultRolloverStrategy",
        "appender.main.strategy.max=3",
        "");
  }

  /**
   * Credentials go verbatim into a quoted JAAS option inside a YAML line: refuse what would break
   * either.
   */
  private static String requireJaasSafe(String text, String what) {
    if (text == null
        || text.isEmpty()
        || !text.chars().allMatch(c -> c > ' ' && c < 127 && ",\";#=\\".indexOf(c) < 0)) {
      throw new IllegalArgumentException(
          "SASL "
              + what
              + " '"
              + text
              + "' must be non-empty printable ASCII without spaces or any of , \" ; # = \\");
    }
    return text;
  }

  private static String requireYamlSafe(String text, String what) {
    if (text == null || text.isBlank() || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
      throw new IllegalArgumentException(
          "server config " + what + " '" + text + "' must be a non-blank single line");
    }
    return text.trim();
  }

  private static void write(Path file, String content) {
    try {
      Files.writeString(file, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
