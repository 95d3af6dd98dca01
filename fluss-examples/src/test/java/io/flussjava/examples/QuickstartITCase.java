package io.flussjava.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.flussjava.testkit.FlussClusterExtension;
import io.flussjava.testkit.FlussClusterTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The quickstart runs end to end against a real cluster and reports every step. */
@FlussClusterTest
class QuickstartITCase {

  @Test
  void quickstartRunsEveryStep() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Quickstart.run(
        FlussClusterExtension.sharedCluster().bootstrapServers(),
        new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);

    assertThat(out).contains("Databases: [").contains("my_db");
    assertThat(out).contains("Tables in my_db: [").contains("user_log").contains("user_table");
    assertThat(out).contains("primary key [id]");
    assertThat(out).containsPattern("Lookup id=1 -> \\[1, 21, [0-9T:.-]+, false\\]");
    assertThat(out).contains("Lookup id=3 -> not found");
    assertThat(out).contains("Scanned +A [user_log_1, login_event] at offset 0");
    assertThat(out).contains("Scanned +A [user_log_2, logout_event] at offset 1");
    assertThat(out).contains("Done.");
  }
}
