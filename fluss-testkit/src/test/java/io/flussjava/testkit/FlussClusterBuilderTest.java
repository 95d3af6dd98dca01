package io.flussjava.testkit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlussClusterBuilderTest {

  @Test
  void rejectsReplicationAboveTabletServerCount() {
    assertThatThrownBy(() -> FlussCluster.builder().tabletServers(2).replicationFactor(3).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("replicationFactor 3");
  }

  @Test
  void rejectsNonsenseSettings() {
    assertThatThrownBy(() -> FlussCluster.builder().tabletServers(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FlussCluster.builder().tabletServerHeap("lots"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FlussCluster.builder().startupTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FlussCluster.builder().sasl(Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FlussCluster.builder().authorizer())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("super user");
  }

  @Test
  void accessorsNeedAStartedCluster() {
    FlussCluster cluster = FlussCluster.builder().build();
    assertThatThrownBy(cluster::bootstrapServers)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not started");
    cluster.close();
    assertThatThrownBy(cluster::start).isInstanceOf(IllegalStateException.class);
  }
}
