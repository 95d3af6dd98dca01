package io.flussjava.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's configuration table is generated from {@link ClientOptions}; this test fails when it
 * is stale. Regenerate it with {@code mvn -pl fluss-common test -Dtest=ClientOptionsDocTest
 * -Dupdate.readme=true}.
 */
class ClientOptionsDocTest {
  private static final String START = "<!-- config-table:start";
  private static final String END = "<!-- config-table:end -->";

  @Test
  void readmeConfigTableMatchesDeclaredOptions() throws Exception {
    Path readme = Path.of("..", "README.md");
    String text = Files.readString(readme, StandardCharsets.UTF_8);
    int start = text.indexOf('\n', text.indexOf(START)) + 1;
    assertThat(start).as("README has the config-table markers").isPositive();
    String expected = ClientOptions.markdownTable();
    if (Boolean.getBoolean("update.readme")) {
      text = text.substring(0, start) + expected + text.substring(text.indexOf(END));
      Files.writeString(readme, text, StandardCharsets.UTF_8);
    }
    assertThat(text.substring(start, text.indexOf(END))).isEqualTo(expected);
  }
}
