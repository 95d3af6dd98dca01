package io.flussjava.kvsnapshot;

import static io.flussjava.kvsnapshot.FakeCatalog.bucket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flussjava.client.admin.KvSnapshotMetadata;
import io.flussjava.client.fs.RemoteFileSystems;
import io.flussjava.client.scan.ScanRecord;
import io.flussjava.exception.ClosedException;
import io.flussjava.log.ChangeType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KvSnapshotReaderTest {
  @TempDir Path remote;
  @TempDir Path local;

  /** Bucket 0 with keys a, b at offset 40; bucket 1 without a snapshot; bucket 2 with c at 7. */
  FakeCatalog catalog() {
    return new FakeCatalog(3)
        .latest(snapshot(0, 1, 40, "a", "A", "b", "B"))
        .latest(snapshot(2, 2, 7, "c", "C"));
  }

  KvSnapshotMetadata snapshot(int bucket, long id, long offset, String... keyValues) {
    List<Map.Entry<String, String>> puts = new ArrayList<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      puts.add(Map.entry(keyValues[i], keyValues[i + 1]));
    }
    Path checkpoint = LocalSnapshots.checkpoint(remote.resolve("snap-" + id), puts);
    return LocalSnapshots.metadata(bucket(bucket), id, offset, checkpoint);
  }

  static KvSnapshotReader reader(
      FakeCatalog catalog, Path local, Consumer<OpenedSnapshot> onOpened) {
    List<KvSnapshotReader.BucketRef> buckets = new ArrayList<>();
    for (int b = 0; b < 3; b++) {
      buckets.add(new KvSnapshotReader.BucketRef(bucket(b), null));
    }
    return new KvSnapshotReader(
        buckets,
        new BucketSnapshotOpener(
            catalog, new SnapshotDownloader(RemoteFileSystems.discover(), local), 3),
        value -> new Object[] {LocalSnapshots.text(value)},
        onOpened);
  }

  @Test
  void handsOutEveryBucketsRowsAsInsertsAndTheirOffsets() throws Exception {
    List<Long> opened = new ArrayList<>();
    List<ScanRecord> rows = new ArrayList<>();
    try (KvSnapshotReader reader = reader(catalog(), local, s -> opened.add(s.logOffset()))) {
      reader.forEachRemaining(rows::add);
      assertThat(reader.logOffsets())
          .containsExactlyInAnyOrderEntriesOf(Map.of(bucket(0), 40L, bucket(1), 0L, bucket(2), 7L));
      assertThat(reader.hasNext()).isFalse();
    }
    assertThat(rows).extracting(r -> r.getValue(0)).containsExactly("A", "B", "C");
    assertThat(rows)
        .extracting(ScanRecord::tableBucket)
        .containsExactly(bucket(0), bucket(0), bucket(2));
    assertThat(rows).allSatisfy(r -> assertThat(r.changeType()).isEqualTo(ChangeType.INSERT));
    assertThat(rows).allSatisfy(r -> assertThat(r.offset()).isEqualTo(-1));
    assertThat(opened).containsExactly(40L, 0L, 7L);
    try (var left = Files.list(local)) {
      assertThat(left).as("downloaded files are deleted bucket by bucket").isEmpty();
    }
  }

  @Test
  void closingMidwayDeletesTheOpenBucketsFilesAndRefusesMore() throws Exception {
    FakeCatalog catalog = catalog();
    KvSnapshotReader reader = reader(catalog, local, s -> {});
    assertThat(reader.next().getValue(0)).isEqualTo("A");
    try (var open = Files.list(local)) {
      assertThat(open).hasSize(1);
    }
    reader.close();
    reader.close(); // idempotent
    assertThat(catalog.closed).as("the lease is dropped").isTrue();
    try (var left = Files.list(local)) {
      assertThat(left).isEmpty();
    }
    assertThatThrownBy(reader::hasNext).isInstanceOf(ClosedException.class);
  }
}
