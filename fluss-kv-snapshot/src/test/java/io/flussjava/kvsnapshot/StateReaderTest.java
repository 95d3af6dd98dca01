package io.flussjava.kvsnapshot;

import static io.flussjava.kvsnapshot.FakeCatalog.bucket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flussjava.client.TableBucket;
import io.flussjava.client.scan.ScanRecord;
import io.flussjava.client.scan.ScanRecords;
import io.flussjava.exception.LogOffsetOutOfRangeException;
import io.flussjava.log.ChangeType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateReaderTest {
  @TempDir Path remote;
  @TempDir Path local;

  private final FakeLogScanner changelog = new FakeLogScanner();

  private StateReader reader(int maxPollRecords) {
    KvSnapshotReaderTest snapshots = new KvSnapshotReaderTest();
    snapshots.remote = remote;
    FakeCatalog catalog = snapshots.catalog();
    return new StateReader(
        changelog,
        maxPollRecords,
        onOpened -> KvSnapshotReaderTest.reader(catalog, local, onOpened));
  }

  private static List<Object> values(ScanRecords records) {
    List<Object> out = new ArrayList<>();
    records.forEach(r -> out.add(r.getValue(0)));
    return out;
  }

  @Test
  void handsOutTheStateThenTheChangelogFromEachSnapshotsOffset() {
    ScanRecord change =
        new ScanRecord(bucket(0), 40, 1, ChangeType.UPDATE_AFTER, new Object[] {"A2"});
    changelog.polls.add(() -> new ScanRecords(Map.of(bucket(0), List.of(change))));
    try (StateReader reader = reader(2)) {
      assertThat(values(reader.poll(Duration.ZERO))).containsExactly("A", "B");
      assertThat(changelog.subscribed).containsExactly(Map.entry(bucket(0), 40L));
      assertThat(reader.isStateRead()).isFalse();
      assertThat(values(reader.poll(Duration.ZERO))).containsExactly("C");
      assertThat(changelog.subscribed)
          .as("a bucket without snapshot follows its changelog from offset 0")
          .containsExactly(
              Map.entry(bucket(0), 40L), Map.entry(bucket(1), 0L), Map.entry(bucket(2), 7L));
      assertThat(reader.poll(Duration.ZERO)).containsExactly(change);
      assertThat(reader.isStateRead()).isTrue();
      assertThat(reader.stateOffsets())
          .containsExactlyInAnyOrderEntriesOf(Map.of(bucket(0), 40L, bucket(1), 0L, bucket(2), 7L));
    }
    assertThat(changelog.closed).isTrue();
  }

  @Test
  void aDeletedChangelogFailsWithAGapErrorNotASilentSkip() {
    TableBucket b = bucket(2);
    changelog.polls.add(
        () -> {
          throw new LogOffsetOutOfRangeException("cannot read " + b + " at offset 7");
        });
    try (StateReader reader = reader(500)) {
      assertThat(reader.poll(Duration.ZERO).count()).isEqualTo(3);
      assertThatThrownBy(() -> reader.poll(Duration.ZERO))
          .isInstanceOf(ChangelogGapException.class)
          .hasMessageContaining(b.toString())
          .hasCauseInstanceOf(LogOffsetOutOfRangeException.class);
    }
  }
}
