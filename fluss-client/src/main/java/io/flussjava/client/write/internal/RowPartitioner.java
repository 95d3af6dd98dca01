package io.flussjava.client.write.internal;

import io.flussjava.client.admin.PartitionSpec;
import io.flussjava.client.admin.TableInfo;
import io.flussjava.client.admin.TablePath;
import io.flussjava.client.internal.Futures;
import io.flussjava.client.internal.PartitionNames;
import io.flussjava.client.metadata.MetadataCache;
import io.flussjava.client.metadata.PartitionMetadata;
import io.flussjava.client.metadata.TableMetadata;
import io.flussjava.exception.PartitionNotExistException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * Finds the partition a row of a partitioned table belongs to: the partition name from the row's
 * partition-column values, then its id from the metadata cache (fetched again once when the cache
 * does not know the name). A missing partition fails the write with a {@link
 * PartitionNotExistException}, or, with {@code client.writer.dynamic-create-partition.enabled}, is
 * created first. Thread-safe.
 */
final class RowPartitioner {
  private final TablePath path;
  private final PartitionNames names;
  private final MetadataCache metadata;
  private final boolean dynamicCreate;
  private final BiFunction<TablePath, PartitionSpec, CompletableFuture<Void>> creator;
  private final Duration wait;
  // Concurrent writers of a new partition share one CreatePartition.
  private final Map<String, CompletableFuture<Void>> creating = new ConcurrentHashMap<>();

  RowPartitioner(
      TableInfo table,
      MetadataCache metadata,
      boolean dynamicCreate,
      BiFunction<TablePath, PartitionSpec, CompletableFuture<Void>> creator,
      Duration requestTimeout) {
    this.path = table.getTablePath();
    this.names = new PartitionNames(table, table.getRowType());
    this.metadata = metadata;
    this.dynamicCreate = dynamicCreate;
    this.creator = creator;
    this.wait = requestTimeout.plusSeconds(5);
  }

  /**
   * The id of the row's partition; blocks (at most the request timeout) only when the partition is
   * not cached.
   *
   * @throws io.flussjava.exception.InvalidRowException if a partition value is null or not a valid
   *     partition name
   * @throws PartitionNotExistException if the partition does not exist and dynamic creation is off
   */
  long partitionIdOf(Object[] row) {
    String name = names.nameOf(row);
    TableMetadata cached = metadata.table(path).getNow(null);
    if (cached != null) {
      Optional<PartitionMetadata> p = cached.partition(name);
      if (p.isPresent()) {
        return p.get().id();
      }
    }
    Optional<PartitionMetadata> p = lookUp(name);
    if (p.isPresent()) {
      return p.get().id();
    }
    if (!dynamicCreate) {
      PartitionSpec spec = names.specOf(name);
      throw new PartitionNotExistException(
          "Partition '"
              + name
              + "' "
              + spec.getSpecMap()
              + " of table "
              + path
              + " does not exist. Create it first"
              + " (admin.createPartition("
              + path
              + ", "
              + spec
              + ", true)), let the server create partitions"
              + " (table.auto-partition.enabled), or set client.writer.dynamic-create-partition.enabled=true so that"
              + " writers create missing partitions.");
    }
    create(name);
    p = lookUp(name);
    if (p.isEmpty()) {
      throw new PartitionNotExistException(
          "Partition '"
              + name
              + "' of table "
              + path
              + " was created but is gone again (dropped meanwhile?).");
    }
    return p.get().id();
  }

  private Optional<PartitionMetadata> lookUp(String name) {
    return Futures.await(
        metadata.partition(path, name, System.nanoTime()),
        wait,
        "finding partition " + name + " of " + path);
  }

  private void create(String name) {
    CompletableFuture<Void> mine = new CompletableFuture<>();
    CompletableFuture<Void> shared = creating.putIfAbsent(name, mine);
    if (shared == null) {
      shared = mine;
      creator
          .apply(path, names.specOf(name))
          .whenComplete(
              (v, e) -> {
                creating.remove(name, mine);
                if (e != null) {
                  mine.completeExceptionally(Futures.unwrap(e));
                } else {
                  mine.complete(null);
                }
              });
    }
    Futures.await(shared, wait, "creating partition " + name + " of " + path);
  }
}
