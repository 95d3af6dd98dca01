package io.flussjava.testkit.internal;

import java.io.File;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Builds the command line of one server child JVM. */
public final class JvmCommand {

  public static final String ZOOKEEPER_MAIN =
      "org.apache.fluss.shaded.zookeeper3.org.apache.zookeeper.server.quorum.QuorumPeerMain";
  public static final String COORDINATOR_MAIN =
      "org.apache.fluss.server.coordinator.CoordinatorServer";
  public static final String TABLET_SERVER_MAIN = "org.apache.fluss.server.tablet.TabletServer";

  private JvmCommand() {}

  /**
   * The full command: java, JVM flags, classpath, then the {@link ExitWithParent} wrapper (when
   * {@code exitWithParentJar} is given) followed by the server main class and its arguments.
   *
   * @param classpath the child's classpath; must end with {@code exitWithParentJar} when that is
   *     not null
   * @param exitWithParentJar the jar holding {@link ExitWithParent}, or null to run the main class
   *     directly
   * @param heap the {@code -Xmx} value, e.g. {@code 768m}
   * @param extraJvmOptions further JVM flags, e.g. class-data-sharing options
   */
  public static List<String> build(
      List<Path> classpath,
      Path exitWithParentJar,
      WorkDirLayout layout,
      String processName,
      String heap,
      List<String> extraJvmOptions,
      String mainClass,
      List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(javaExecutable());
    command.add("-Xmx" + heap);
    // Serial GC: tests run on few cores and small heaps; the default G1 spends more threads and
    // startup time.
    command.add("-XX:+UseSerialGC");
    // Class data sharing (at least for the JDK's own classes) shaves time off every child's
    // startup.
    command.add("-Xshare:auto");
    command.addAll(extraJvmOptions);
    // Fluss (Arrow, Netty, RocksDB glue) reflects into these JDK internals.
    command.add("--add-opens=java.base/java.nio=ALL-UNNAMED");
    command.add("--add-opens=java.base/java.lang=ALL-UNNAMED");
    command.add("--add-opens=java.base/java.util=ALL-UNNAMED");
    command.add("-Dlog.file=" + layout.logFile(processName).toAbsolutePath());
    // The servers' own shutdown hooks still log; log4j's hook would close the appender before they
    // run.
    command.add("-Dlog4j.shutdownHookEnabled=false");
    command.add("-Dlog4j.configurationFile=" + layout.log4jProperties().toAbsolutePath().toUri());
    // Tags the process so a stray one can be traced back to its cluster with ps.
    command.add("-Dfluss.testkit.dir=" + layout.root().toAbsolutePath());
    command.add("-cp");
    command.add(
        classpath.stream()
            .map(p -> p.toAbsolutePath().toString())
            .collect(Collectors.joining(File.pathSeparator)));
    if (exitWithParentJar != null) {
      command.add(ExitWithParent.class.getName());
    }
    command.add(mainClass);
    command.addAll(args);
    return command;
  }

  static String javaExecutable() {
    String exe =
        System.getProperty("os.name", "").toLowerCase().startsWith("windows") ? "java.exe" : "java";
    return Paths.get(System.getProperty("java.home"), "bin", exe).toString();
  }
}
