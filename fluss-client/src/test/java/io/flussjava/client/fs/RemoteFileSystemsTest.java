package io.flussjava.client.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemoteFileSystemsTest {
  @TempDir Path dir;

  @Test
  void plainPathsAndFileUrisAreLocal() throws Exception {
    Path file = dir.resolve("a b.log"); // a space: not a valid URI as a plain string
    Files.writeString(file, "hello");
    RemoteFileSystems fileSystems = RemoteFileSystems.discover();

    URI plain = RemoteFileSystems.toUri(file.toString());
    assertThat(plain.getScheme()).isEqualTo("file");
    RemoteFileSystem fs = fileSystems.forUri(plain);
    assertThat(fs).isInstanceOf(LocalFileSystem.class);
    assertThat(fs.exists(plain)).isTrue();
    assertThat(fs.localPath(plain)).contains(file);
    try (InputStream in = fs.open(RemoteFileSystems.toUri(file.toUri().toString()))) {
      assertThat(new String(in.readAllBytes())).isEqualTo("hello");
    }
    assertThat(fs.exists(RemoteFileSystems.toUri(dir.resolve("missing").toString()))).isFalse();
  }

  @Test
  void anUnknownSchemeFailsWithATypedErrorNamingIt() {
    assertThatThrownBy(
            () -> RemoteFileSystems.installed().forUri(URI.create("s3://bucket/remote/x.log")))
        .isInstanceOfSatisfying(
            UnsupportedFileSystemException.class, e -> assertThat(e.scheme()).isEqualTo("s3"))
        .hasMessageContaining("s3://bucket/remote/x.log")
        .hasMessageContaining("supported: [file]");
  }
}
