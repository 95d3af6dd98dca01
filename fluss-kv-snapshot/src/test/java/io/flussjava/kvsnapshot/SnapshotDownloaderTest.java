package io.flussjava.kvsnapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flussjava.client.TableBucket;
import io.flussjava.client.admin.KvSnapshotFile;
import io.flussjava.client.admin.KvSnapshotMetadata;
import io.flussjava.client.fs.RemoteFileSystems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotDownloaderTest {
  private static final TableBucket BUCKET = TableBucket.of(7, 1);

  @TempDir Path remote;
  @TempDir Path local;

  private SnapshotDownloader downloader() {
    return new SnapshotDownloader(RemoteFileSystems.discover(), local.resolve("snapshots"));
  }

  @Test
  void copiesEachFileUnderItsLocalName() throws IOException {
    Files.writeString(remote.resolve("a1b2.sst"), "sst");
    Files.writeString(remote.resolve("x9"), "manifest");
    KvSnapshotMetadata snapshot =
        new KvSnapshotMetadata(
            BUCKET,
            3,
            10,
            List.of(
                new KvSnapshotFile(remote.resolve("a1b2.sst").toString(), "000012.sst"),
                new KvSnapshotFile(remote.resolve("x9").toUri().toString(), "MANIFEST-000005")));
    Path dir = downloader().download(snapshot);
    assertThat(dir.getParent()).isEqualTo(local.resolve("snapshots"));
    assertThat(Files.readString(dir.resolve("000012.sst"))).isEqualTo("sst");
    assertThat(Files.readString(dir.resolve("MANIFEST-000005"))).isEqualTo("manifest");
    SnapshotDownloader.deleteQuietly(dir);
    assertThat(dir).doesNotExist();
  }

  @Test
  void aMissingFileFailsAndLeavesNothingBehind() throws IOException {
    Files.writeString(remote.resolve("present"), "x");
    KvSnapshotMetadata snapshot =
        new KvSnapshotMetadata(
            BUCKET,
            3,
            10,
            List.of(
                new KvSnapshotFile(remote.resolve("present").toString(), "CURRENT"),
                new KvSnapshotFile(remote.resolve("gone").toString(), "OPTIONS-1")));
    assertThatThrownBy(() -> downloader().download(snapshot))
        .isInstanceOf(NoSuchFileException.class);
    try (var left = Files.list(local.resolve("snapshots"))) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void aLocalNameOutsideTheDirectoryIsRefused() throws IOException {
    Files.writeString(remote.resolve("f"), "x");
    KvSnapshotMetadata snapshot =
        new KvSnapshotMetadata(
            BUCKET, 3, 10, List.of(new KvSnapshotFile(remote.resolve("f").toString(), "../f")));
    assertThatThrownBy(() -> downloader().download(snapshot))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not a plain name");
    assertThat(local.resolve("f")).doesNotExist();
  }
}
