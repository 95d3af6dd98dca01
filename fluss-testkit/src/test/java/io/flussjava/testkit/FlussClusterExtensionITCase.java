package io.flussjava.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.flussjava.testkit.internal.MetadataProbe;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@FlussClusterTest
class FlussClusterExtensionITCase {

  @Test
  void sharesOneRunningClusterPerJvm() throws IOException {
    FlussCluster cluster = FlussClusterExtension.sharedCluster();
    assertThat(cluster.isRunning()).isTrue();
    assertThat(FlussClusterExtension.sharedCluster()).isSameAs(cluster);
    assertThat(
            MetadataProbe.tabletServerIds(
                "localhost", cluster.coordinatorPort(), Duration.ofSeconds(5)))
        .containsExactly(0);
  }
}
