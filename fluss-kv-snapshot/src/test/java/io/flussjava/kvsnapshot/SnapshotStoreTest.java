package io.flussjava.kvsnapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.RocksDBException;

class SnapshotStoreTest {
  @TempDir Path dir;

  @Test
  void readsEveryKeysLatestValueInKeyOrder() throws Exception {
    Path checkpoint =
        LocalSnapshots.checkpoint(
            dir,
            List.of(
                Map.entry("b", "b1"),
                Map.entry("a", "a1"),
                Map.entry("c", "c1"),
                Map.entry("a", "a2"),
                new java.util.AbstractMap.SimpleEntry<>("c", null)));
    List<String> values = new ArrayList<>();
    try (SnapshotStore store = SnapshotStore.open(checkpoint)) {
      while (store.next()) {
        values.add(LocalSnapshots.text(store.value()));
      }
      assertThat(store.next()).isFalse(); // stays at its end
    }
    assertThat(values).containsExactly("a2", "b1");
  }

  @Test
  void anEmptyDatabaseHasNoValues() throws Exception {
    Path checkpoint = LocalSnapshots.checkpoint(dir, List.of());
    try (SnapshotStore store = SnapshotStore.open(checkpoint)) {
      assertThat(store.next()).isFalse();
    }
  }

  @Test
  void filesThatAreNoDatabaseFailToOpen() throws Exception {
    Path notADb = Files.createDirectories(dir.resolve("junk"));
    Files.writeString(notADb.resolve("CURRENT"), "MANIFEST-000042\n");
    assertThatThrownBy(() -> SnapshotStore.open(notADb)).isInstanceOf(RocksDBException.class);
  }
}
