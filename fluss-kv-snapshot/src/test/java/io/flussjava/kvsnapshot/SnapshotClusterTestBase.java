package io.flussjava.kvsnapshot;

import io.flussjava.client.Connection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** An integration test on the {@link SnapshotCluster}, with one connection per test class. */
abstract class SnapshotClusterTestBase {
  static Connection connection;

  @BeforeAll
  static void connect() {
    connection = SnapshotCluster.connect();
  }

  @AfterAll
  static void disconnect() {
    if (connection != null) {
      connection.close();
    }
  }
}
