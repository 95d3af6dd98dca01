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

  private static final String OFFICIAL_START = "<!-- official-keys-table:start";
  private static final String OFFICIAL_END = "<!-- official-keys-table:end -->";

  @Test
  void readmeConfigTableMatchesDeclaredOptions() throws Exception {
    checkGenerated(START, END, ClientOptions.markdownTable());
  }

  @Test
  void readmeOfficialKeysTableMatchesTheCarriedOverKeys() throws Exception {
    checkGenerated(OFFICIAL_START, OFFICIAL_END, ClientOptions.officialKeysMarkdownTable());
  }

  private static void checkGenerated(String startMarker, String endMarker, String expected)
      throws Exception {
    Path readme = Path.of("..", "README.md");
    String text = Files.readString(readme, StandardCharsets.UTF_8);
    int start = text.indexOf('\n', text.indexOf(startMarker)) + 1;
    assertThat(text.indexOf(startMarker)).as("README has the marker " + startMarker).isPositive();
    if (Boolean.getBoolean("update.readme")) {
      text = text.substring(0, start) + expected + text.substring(text.indexOf(endMarker));
      Files.writeString(readme, text, StandardCharsets.UTF_8);
    }
    assertThat(text.substring(start, text.indexOf(endMarker))).isEqualTo(expected);
  }
}
