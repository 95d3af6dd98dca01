package io.flussjava.kvsnapshot;

import static io.flussjava.kvsnapshot.FakeCatalog.bucket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flussjava.client.TableBucket;
import io.flussjava.client.admin.KvSnapshotFile;
import io.flussjava.client.admin.KvSnapshotMetadata;
import io.flussjava.client.fs.RemoteFileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BucketSnapshotOpenerTest {
  @TempDir Path remote;
  @TempDir Path local;

  private BucketSnapshotOpener opener(FakeCatalog catalog) {
    return new BucketSnapshotOpener(
        catalog, new SnapshotDownloader(RemoteFileSystems.discover(), local), 3);
  }

  private KvSnapshotMetadata snapshot(int bucket, long id, long offset, String... keyValues) {
    Path dir = remote.resolve("snap-" + id);
    List<Map.Entry<String, String>> puts = new java.util.ArrayList<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      puts.add(Map.entry(keyValues[i], keyValues[i + 1]));
    }
    return LocalSnapshots.metadata(
        bucket(bucket), id, offset, LocalSnapshots.checkpoint(dir, puts));
  }

  private static KvSnapshotMetadata missingFiles(int bucket, long id, Path gone) {
    return new KvSnapshotMetadata(
        bucket(bucket), id, 5, List.of(new KvSnapshotFile(gone.toString(), "CURRENT")));
  }

  @Test
  void aBucketWithoutSnapshotIsEmptyAtOffsetZero() {
    try (OpenedSnapshot s = opener(new FakeCatalog(2)).open(bucket(1), null)) {
      assertThat(s.store()).isNull();
      assertThat(s.logOffset()).isZero();
      assertThat(s.bucket()).isEqualTo(bucket(1));
    }
  }

  @Test
  void opensTheLatestSnapshotAndDeletesItsFilesOnClose() throws Exception {
    FakeCatalog catalog = new FakeCatalog(1).latest(snapshot(0, 4, 120, "k", "v"));
    Path dir;
    try (OpenedSnapshot s = opener(catalog).open(bucket(0), null)) {
      assertThat(s.snapshotId()).isEqualTo(4);
      assertThat(s.logOffset()).isEqualTo(120);
      assertThat(s.store().next()).isTrue();
      assertThat(LocalSnapshots.text(s.store().value())).isEqualTo("v");
      dir = s.directory();
      assertThat(dir).startsWith(local);
    }
    assertThat(dir).doesNotExist();
    assertThat(catalog.holds).isEqualTo(1);
    assertThat(catalog.held).as("released once downloaded").isEmpty();
  }

  @Test
  void aSnapshotThatCannotBeHeldIsReplacedByTheNextLatest() {
    FakeCatalog catalog =
        new FakeCatalog(1)
            .latest(snapshot(0, 1, 10, "k", "v1"))
            .latest(snapshot(0, 2, 20, "k", "v2"))
            .deleted(1);
    try (OpenedSnapshot s = opener(catalog).open(bucket(0), null)) {
      assertThat(s.snapshotId()).isEqualTo(2);
    }
    assertThat(catalog.holds).isEqualTo(2);
    assertThat(catalog.held).isEmpty();
  }

  @Test
  void takesTheNextLatestWhenTheFilesVanishedOrTheSnapshotIsForgotten() {
    FakeCatalog catalog =
        new FakeCatalog(1)
            .latest(missingFiles(0, 1, remote.resolve("deleted")))
            .latest(snapshot(0, 2, 50, "k", "v2"))
            .latest(snapshot(0, 3, 70, "k", "v3"))
            .forget(2);
    try (OpenedSnapshot s = opener(catalog).open(bucket(0), null)) {
      assertThat(s.snapshotId()).isEqualTo(3);
      assertThat(s.logOffset()).isEqualTo(70);
    }
    assertThat(catalog.latestCalls).isEqualTo(3);
  }

  @Test
  void givesUpAfterTheAttemptsWithATypedError() throws Exception {
    FakeCatalog catalog = new FakeCatalog(1).latest(missingFiles(0, 9, remote.resolve("gone")));
    TableBucket b = bucket(0);
    assertThatThrownBy(() -> opener(catalog).open(b, null))
        .isInstanceOf(KvSnapshotReadException.class)
        .hasMessageContaining(b.toString())
        .hasMessageContaining("3 attempts")
        .hasMessageContaining("gone");
    assertThat(catalog.latestCalls).isEqualTo(3);
    assertThat(catalog.held).as("released after each failed attempt").isEmpty();
    try (var left = Files.list(local)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void filesRocksDbCannotOpenFailWithATypedError() throws Exception {
    Path junk = Files.writeString(remote.resolve("junk"), "not a manifest pointer");
    FakeCatalog catalog =
        new FakeCatalog(1)
            .latest(
                new KvSnapshotMetadata(
                    bucket(0), 4, 5, List.of(new KvSnapshotFile(junk.toString(), "CURRENT"))));
    assertThatThrownBy(() -> opener(catalog).open(bucket(0), null))
        .isInstanceOf(KvSnapshotReadException.class)
        .hasMessageContaining("RocksDB cannot open snapshot 4");
    try (var left = Files.list(local)) {
      assertThat(left).isEmpty();
    }
  }
}
