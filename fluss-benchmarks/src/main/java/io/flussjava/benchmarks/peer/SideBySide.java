package io.flussjava.benchmarks.peer;

import io.flussjava.benchmarks.shared.Shape;
import io.flussjava.testkit.FlussCluster;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the same workloads with fluss-java and with the official Fluss Java client, against one
 * cluster, in this JVM, and reports both side by side. Starts a local test-kit cluster unless
 * {@code --bootstrap} names one. See {@link RunOptions#usage()} and the module README.
 */
public final class SideBySide {
  private SideBySide() {}

  public static void main(String[] args) throws Exception {
    RunOptions o = RunOptions.parse(args);
    Path base = buildDirectory();
    Path out = o.out != null ? o.out : base.resolve("side-by-side");
    ClientUnderTest official =
        OfficialClientLoader.load(o.officialDir != null ? o.officialDir : base.resolve("official"));
    ClientUnderTest flussJava =
        new ClientUnderTest(ClientUnderTest.FLUSS_JAVA, new FlussJavaBridge());

    FlussCluster cluster = null;
    String bootstrap = o.bootstrap;
    try {
      if (bootstrap == null) {
        System.out.println(
            "starting a local Fluss cluster (test kit: ZooKeeper, coordinator, 1 tablet server)...");
        cluster = FlussCluster.builder().build().start();
        bootstrap = cluster.bootstrapServers();
      }
      String settings =
          settings(o, cluster == null ? bootstrap : "local test-kit cluster (1 tablet server)");
      System.out.println(settings);
      List<WorkloadSummary> summaries = new ArrayList<>();
      RoundRobin rounds = new RoundRobin(flussJava, official, o.warmups, o.repeats);
      String database = "bench_" + System.currentTimeMillis();
      try (BenchTables tables = new BenchTables(bootstrap, database, o.compression)) {
        Fixtures fixtures = new Fixtures(tables, flussJava, o.seed, o.rows, o.upsertRows);
        for (Workload w : Workloads.create(o, tables, fixtures)) {
          summaries.add(WorkloadSummary.of(w, rounds.run(w)));
        }
      }
      String markdown = MarkdownReport.render(summaries, settings);
      System.out.println();
      System.out.println(markdown);
      ResultFiles.write(out, markdown, summaries, rounds.records());
      System.out.println("results written to " + out.toAbsolutePath());
    } finally {
      if (cluster != null) {
        cluster.close();
      }
    }
  }

  private static String settings(RunOptions o, String cluster) {
    Runtime rt = Runtime.getRuntime();
    return String.format(
        "fluss-java vs official Fluss Java client 0.9.1-incubating, %s; %s; cluster: %s; ARROW %s; one bucket;"
            + " NARROW %d B, WIDE %d B logical per row; %d warm-up(s) + %d repeat(s), medians; JVM %s, %d cores,"
            + " max heap %d MB; JVM args %s",
        LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME).substring(0, 16),
        String.format("seed %d", o.seed),
        cluster,
        o.compression,
        Shape.NARROW.logicalBytes(null),
        Shape.WIDE.logicalBytes(null),
        o.warmups,
        o.repeats,
        System.getProperty("java.version"),
        rt.availableProcessors(),
        rt.maxMemory() >> 20,
        ManagementFactory.getRuntimeMXBean().getInputArguments());
  }

  /** The directory holding benchmarks.jar (or target/classes): the module's target directory. */
  private static Path buildDirectory() throws URISyntaxException {
    Path location =
        Path.of(SideBySide.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    return location.getParent();
  }
}
