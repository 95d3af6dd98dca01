package io.flussjava.interop;

import io.flussjava.client.Connection;
import io.flussjava.testkit.FlussClusterTest;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInfo;

/**
 * Base of the data interop tests: the shared cluster, one fluss-java connection per test class and
 * a database of the class's own (named after it), dropped with its tables at the end.
 */
@FlussClusterTest
abstract class InteropTestBase {
  protected static Connection connection;
  protected static String db;

  @BeforeAll
  static void connectAndCreateDatabase(TestInfo info) {
    connection = InteropSupport.connect();
    String name =
        info.getTestClass().map(Class::getSimpleName).orElse("interop").toLowerCase(Locale.ROOT);
    db = InteropSupport.createUniqueDatabase(connection, name.replace("itcase", ""));
  }

  @AfterAll
  static void dropDatabaseAndDisconnect() {
    try {
      InteropSupport.dropDatabase(connection, db);
    } finally {
      if (connection != null) {
        connection.close();
        connection = null;
      }
    }
  }
}
