package io.flussjava.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.flussjava.testkit.internal.MetadataProbe;
import io.flussjava.testkit.internal.TcpProbe;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * One real 1-tablet-server cluster for the whole class; the last test closes it and checks nothing
 * is left.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FlussClusterITCase {

  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);

  private static FlussCluster cluster;

  @BeforeAll
  static void startCluster() {
    long start = System.nanoTime();
    cluster =
        FlussCluster.builder()
            .tabletServers(1)
            .defaultBuckets(1)
            .replicationFactor(1)
            .build()
            .start();
    System.out.printf(
        "FlussClusterITCase: cluster started in %.1f s%n", (System.nanoTime() - start) / 1e9);
  }

  @AfterAll
  static void closeCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  @Order(1)
  void coordinatorAcceptsConnectionsAndReportsTheTabletServer() throws IOException {
    assertThat(cluster.isRunning()).isTrue();
    assertThat(cluster.bootstrapServers()).isEqualTo("localhost:" + cluster.coordinatorPort());
    assertThat(TcpProbe.acceptsConnections("localhost", cluster.coordinatorPort(), 1000)).isTrue();
    assertThat(TcpProbe.acceptsConnections("localhost", cluster.tabletServerPort(0), 1000))
        .isTrue();
    assertThat(coordinatorView()).containsExactly(0);
    assertThat(childProcesses()).hasSize(3);
    assertThat(cluster.workDir().resolve("logs/coordinator.log")).isNotEmptyFile();
    assertThat(cluster.workDir().resolve("logs/tablet-0.out")).exists();
  }

  @Test
  @Order(2)
  void killedTabletServerRegistersAgainAfterRestart() throws Exception {
    int port = cluster.tabletServerPort(0);
    cluster.killTabletServer(0);
    assertThat(TcpProbe.acceptsConnections("localhost", port, 1000)).isFalse();
    assertThat(childProcesses()).hasSize(2);

    long start = System.nanoTime();
    cluster.restartTabletServer(0);
    System.out.printf(
        "FlussClusterITCase: tablet server back after kill -9 in %.1f s%n",
        (System.nanoTime() - start) / 1e9);

    assertThat(cluster.tabletServerPort(0)).isEqualTo(port);
    assertThat(TcpProbe.acceptsConnections("localhost", port, 1000)).isTrue();
    assertThat(coordinatorView()).containsExactly(0);
    // The restarted server's own metadata lists it only once the coordinator accepted its new
    // registration.
    assertThat(MetadataProbe.tabletServerIds("localhost", port, PROBE_TIMEOUT)).containsExactly(0);
  }

  @Test
  @Order(3)
  void gracefullyStoppedTabletServerLeavesTheClusterAndComesBack() throws Exception {
    cluster.stopTabletServer(0);
    // A graceful stop deregisters at once; poll because the coordinator learns of it through
    // ZooKeeper.
    awaitCoordinatorView(List.of());
    cluster.restartTabletServer(0);
    assertThat(coordinatorView()).containsExactly(0);
  }

  @Test
  @Order(4)
  void closeStopsEveryProcessAndFreesEveryPort() {
    int coordinatorPort = cluster.coordinatorPort();
    int tabletPort = cluster.tabletServerPort(0);
    Path workDir = cluster.workDir();
    List<ProcessHandle> children = childProcesses();
    assertThat(children).hasSize(3);

    cluster.close();

    assertThat(cluster.isRunning()).isFalse();
    assertThat(children).noneMatch(ProcessHandle::isAlive);
    assertThat(childProcesses()).isEmpty();
    assertThat(TcpProbe.acceptsConnections("localhost", coordinatorPort, 1000)).isFalse();
    assertThat(TcpProbe.acceptsConnections("localhost", tabletPort, 1000)).isFalse();
    assertThat(workDir).doesNotExist();
    cluster.close(); // idempotent
  }

  private static List<Integer> coordinatorView() throws IOException {
    return MetadataProbe.tabletServerIds("localhost", cluster.coordinatorPort(), PROBE_TIMEOUT);
  }

  private static void awaitCoordinatorView(List<Integer> expected) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    List<Integer> seen = coordinatorView();
    while (!seen.equals(expected) && System.nanoTime() < deadline) {
      Thread.sleep(200);
      seen = coordinatorView();
    }
    assertThat(seen).isEqualTo(expected);
  }

  /** This JVM's live child processes that belong to the cluster (tagged with its work dir). */
  private static List<ProcessHandle> childProcesses() {
    String tag = "-Dfluss.testkit.dir=" + cluster.workDir().toAbsolutePath();
    return ProcessHandle.current()
        .children()
        .filter(ProcessHandle::isAlive)
        .filter(p -> p.info().arguments().map(args -> List.of(args).contains(tag)).orElse(false))
        .collect(Collectors.toList());
  }
}
