package io.flussjava.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flussjava.testkit.internal.MetadataProbe;
import io.flussjava.testkit.internal.TcpProbe;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlussClusterSaslITCase {

  @Test
  void saslClusterStartsWithClientAndInternalListeners() throws IOException {
    try (FlussCluster cluster =
        FlussCluster.builder()
            .sasl(Map.of("admin", "admin-pass", "alice", "alice-secret"))
            .build()
            .start()) {
      assertThat(cluster.saslEnabled()).isTrue();
      assertThat(cluster.bootstrapServers()).isEqualTo("localhost:" + cluster.coordinatorPort());
      assertThat(TcpProbe.acceptsConnections("localhost", cluster.coordinatorPort(), 1000))
          .isTrue();
      assertThat(Files.readString(cluster.workDir().resolve("conf/server.yaml")))
          .contains("CLIENT://localhost:" + cluster.coordinatorPort())
          .contains("user_alice=\"alice-secret\"");
      // The client listener wants SASL first, so an unauthenticated request gets no metadata.
      assertThatThrownBy(
              () ->
                  MetadataProbe.tabletServerIds(
                      "localhost", cluster.coordinatorPort(), Duration.ofSeconds(3)))
          .isInstanceOf(IOException.class);
    }
  }
}
