package io.flussjava.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.flussjava.client.Connection;
import io.flussjava.client.admin.DatabaseDescriptor;
import io.flussjava.config.Configuration;
import io.flussjava.testkit.FlussCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A cluster with {@code datalake.format: paimon} (its own, with the server's Paimon lake plugin and
 * Paimon on the server JVMs' classpath and a local warehouse): the coordinator stamps {@code
 * table.datalake.format=paimon} on tables created without it, and both clients then encode and
 * bucket their keys the Paimon way.
 */
class LakeClusterInteropITCase {
  private static FlussCluster cluster;
  private static Connection connection;
  private static String db;

  @BeforeAll
  static void startPaimonCluster() throws Exception {
    String jars = System.getProperty("lake.paimon.jars");
    assertThat(jars).as("system property lake.paimon.jars (set by the pom)").isNotBlank();
    Path warehouse = Files.createTempDirectory("fluss-paimon-warehouse");
    cluster =
        FlussCluster.builder()
            .serverJars(Arrays.stream(jars.split(",")).map(Path::of).toList())
            .serverConfig("datalake.format", "paimon")
            .serverConfig("datalake.paimon.metastore", "filesystem")
            .serverConfig("datalake.paimon.warehouse", warehouse.toString())
            .build()
            .start();
    Configuration conf = new Configuration();
    conf.setString("bootstrap.servers", cluster.bootstrapServers());
    connection = Connection.create(conf);
    db = "lake_cluster";
    connection.getAdmin().createDatabase(db, DatabaseDescriptor.EMPTY, false);
  }

  @AfterAll
  static void stopCluster() {
    try {
      if (connection != null) {
        connection.close();
      }
    } finally {
      if (cluster != null) {
        cluster.close();
      }
    }
  }

  private static LakeTableChecks checks() {
    return new LakeTableChecks(connection, cluster.bootstrapServers(), db);
  }

  @Test
  void tablesOfAPaimonClusterAreBucketedThePaimonWayByBothClients() throws Exception {
    checks().checkPrimaryKeyTable(null, "pk_default", List.of("k1", "k2"), List.of());
    assertThat(connection.getTable(db + ".pk_default").getTableInfo().getProperties())
        .containsEntry(LakeTableChecks.LAKE, "paimon");
  }

  @Test
  void prefixBucketKeysOfAPaimonClusterWorkForBothClients() throws Exception {
    checks().checkPrimaryKeyTable(null, "pk_prefix", List.of("k1", "k2"), List.of("k1"));
  }
}
