package io.flussjava.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailTest {

  @TempDir Path dir;

  @Test
  void returnsTheLastLines() throws Exception {
    Path log = dir.resolve("x.log");
    Files.writeString(
        log,
        IntStream.rangeClosed(1, 100)
            .mapToObj(i -> "line " + i)
            .collect(Collectors.joining("\n", "", "\n")));

    assertThat(LogTail.lastLines(log, 3)).isEqualTo("line 98\nline 99\nline 100");
    assertThat(LogTail.contains(log, "line 57")).isTrue();
  }

  @Test
  void saysSoWhenTheFileIsMissing() {
    assertThat(LogTail.lastLines(dir.resolve("missing.log"), 40))
        .contains("no file")
        .contains("missing.log");
  }
}
