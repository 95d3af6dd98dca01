package io.flussjava.kvsnapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flussjava.client.TableBucket;
import io.flussjava.client.admin.PartitionInfo;
import io.flussjava.client.admin.TableDescriptor;
import io.flussjava.client.admin.TablePath;
import io.flussjava.client.scan.ScanRecord;
import io.flussjava.client.write.UpsertWriter;
import io.flussjava.exception.NonPrimaryKeyTableException;
import io.flussjava.exception.PartitionNotExistException;
import io.flussjava.log.ChangeType;
import io.flussjava.types.DataTypes;
import io.flussjava.types.Schema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Snapshot reads against a real cluster: after inserts, updates, deletes and partial updates, the
 * rows of every bucket's latest snapshot are exactly what point lookups of every key return (the
 * snapshots were awaited to cover the whole changelog), in both kv formats, partitioned or not,
 * projected, and the downloaded files are gone afterwards.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES) // a reader that loops fails instead of hanging
class KvSnapshotReaderITCase extends SnapshotClusterTestBase {
  private static final int IDS = 1_500;

  @TempDir Path tmp;

  /** Inserts every id, updates the even ones, deletes every fifth and partially updates a third. */
  static void writeUpdatesDeletesAndPartialUpdates(StateTable t) {
    try (UpsertWriter writer = t.writer()) {
      for (int id = 0; id < IDS; id++) {
        writer.upsert(t.row(id, "n" + id, id, "first"));
      }
      for (int id = 0; id < IDS; id += 2) {
        writer.upsert(t.row(id, "u" + id, id * 10L, "second"));
      }
      for (int id = 0; id < IDS; id += 5) {
        writer.delete(t.row(id, null, 0, null));
      }
    }
    try (UpsertWriter notes = t.noteWriter()) {
      // Multiples of 15 were deleted: their partial update makes rows with only key and note.
      for (int id = 0; id < IDS; id += 3) {
        notes.upsert(t.noteOnly(id, "partial" + id));
      }
    }
  }

  private KvSnapshotReadOptions options() {
    return KvSnapshotReadOptions.defaults().withTempDirectory(tmp);
  }

  @ParameterizedTest(name = "{0} partitioned={1}")
  @CsvSource({"COMPACTED,false", "INDEXED,false", "COMPACTED,true", "INDEXED,true"})
  void snapshotRowsEqualWhatLookupsReturn(String kvFormat, boolean partitioned) throws Exception {
    try (StateTable t = StateTable.create(connection, "read", kvFormat, partitioned)) {
      writeUpdatesDeletesAndPartialUpdates(t);
      Map<String, Map<Integer, Long>> snapshotOffsets = t.awaitSnapshotsOfEverything();

      Map<List<Object>, List<Object>> read = new HashMap<>();
      Map<TableBucket, Long> offsets;
      try (KvSnapshotReader reader = KvSnapshotReader.open(connection, t.table, options())) {
        while (reader.hasNext()) {
          ScanRecord r = reader.next();
          assertThat(r.changeType()).isEqualTo(ChangeType.INSERT);
          assertThat(read.put(t.keyOf(r.getRow()), r.getRow())).as("one row per key").isNull();
        }
        offsets = reader.logOffsets();
      }
      Map<List<Object>, List<Object>> expected = t.lookupAll(IDS);
      assertThat(expected).hasSize(IDS - IDS / 5 + IDS / 15); // sanity: deletes and partial rows
      assertThat(read).isEqualTo(expected);
      assertThat(offsets).hasSize(StateTable.BUCKETS * t.partitionNames().size());
      for (Map.Entry<TableBucket, Long> e : offsets.entrySet()) {
        String partition = partitionName(t, e.getKey());
        assertThat(e.getValue())
            .as("the state offset of " + e.getKey())
            .isEqualTo(snapshotOffsets.get(partition).get(e.getKey().bucket()));
      }
      try (var left = Files.list(tmp)) {
        assertThat(left).as("downloaded snapshot files are deleted").isEmpty();
      }
    }
  }

  private String partitionName(StateTable t, TableBucket bucket) {
    if (!t.partitioned) {
      return "null";
    }
    return connection.getAdmin().listPartitionInfos(t.path).stream()
        .filter(p -> p.getPartitionId() == bucket.partitionId())
        .map(PartitionInfo::getPartitionName)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void projectedReadOfOnePartition() throws Exception {
    try (StateTable t = StateTable.create(connection, "projected", "COMPACTED", true)) {
      writeUpdatesDeletesAndPartialUpdates(t);
      t.awaitSnapshotsOfEverything();
      String partition = StateTable.PARTITIONS.get(1);

      Map<Object, List<Object>> read = new HashMap<>();
      try (KvSnapshotReader reader =
          KvSnapshotReader.open(
              connection, t.table, partition, options().withColumns("note", "id"))) {
        reader.forEachRemaining(r -> read.put(r.getValue(1), r.getRow()));
      }
      Map<Object, List<Object>> expected = new HashMap<>();
      for (List<Object> row : t.lookupAll(IDS).values()) {
        if (row.get(1).equals(partition)) {
          expected.put(row.get(0), List.of(row.get(4), row.get(0)));
        }
      }
      assertThat(read).isNotEmpty().isEqualTo(expected);
    }
  }

  @Test
  void misuseFailsWithTypedErrors() {
    try (StateTable t = StateTable.create(connection, "misuse", "COMPACTED", true)) {
      assertThatThrownBy(() -> KvSnapshotReader.open(connection, t.table, "1999-01-01", options()))
          .isInstanceOf(PartitionNotExistException.class)
          .hasMessageContaining("1999-01-01");
      connection
          .getAdmin()
          .createTable(
              TablePath.of(StateTable.DB, "a_log"),
              TableDescriptor.builder()
                  .schema(Schema.newBuilder().column("id", DataTypes.INT()).build())
                  .build(),
              true);
      assertThatThrownBy(
              () ->
                  KvSnapshotReader.open(
                      connection, connection.getTable(StateTable.DB + ".a_log"), options()))
          .isInstanceOf(NonPrimaryKeyTableException.class);
    }
  }
}
