package io.flussjava.benchmarks.peer;

import io.flussjava.benchmarks.ShapeTypes;
import io.flussjava.benchmarks.shared.Shape;
import io.flussjava.client.Connection;
import io.flussjava.client.admin.Admin;
import io.flussjava.client.admin.DatabaseDescriptor;
import io.flussjava.client.admin.OffsetSpec;
import io.flussjava.client.admin.TableDescriptor;
import io.flussjava.client.admin.TablePath;
import io.flussjava.config.Configuration;
import java.util.List;

/**
 * Creates, checks and drops the benchmark tables, untimed, through fluss-java's admin API. Tables
 * are created the same way whichever client then writes or reads them: one bucket, replication as
 * the cluster defaults.
 */
final class BenchTables implements AutoCloseable {
  private final String bootstrap;
  private final String database;
  private final String compression;
  private final Connection connection;
  private final Admin admin;

  BenchTables(String bootstrap, String database, String compression) {
    this.bootstrap = bootstrap;
    this.database = database;
    this.compression = compression;
    Configuration conf = new Configuration();
    conf.setString("bootstrap.servers", bootstrap);
    this.connection = Connection.create(conf);
    this.admin = connection.getAdmin();
    admin.createDatabase(database, DatabaseDescriptor.EMPTY, true);
  }

  /** A new log table of {@code shape} with the run's ARROW compression. */
  TableRef createLogTable(String name, Shape shape) {
    return create(
        name,
        TableDescriptor.builder()
            .schema(ShapeTypes.schema(shape, false))
            .distributedBy(1)
            .property("table.log.arrow.compression.type", compression)
            .build());
  }

  /** A new primary-key table of {@code shape} keyed by {@code id}. */
  TableRef createPrimaryKeyTable(String name, Shape shape) {
    return create(
        name,
        TableDescriptor.builder()
            .schema(ShapeTypes.schema(shape, true))
            .distributedBy(1, "id")
            .build());
  }

  /**
   * The log end offset of bucket 0: the records appended, or the changelog records of a primary-key
   * table.
   */
  long logEndOffset(TableRef table) {
    return admin.listOffsets(path(table), List.of(0), OffsetSpec.latest()).get(0);
  }

  void drop(TableRef table) {
    admin.dropTable(path(table), true);
  }

  private TableRef create(String name, TableDescriptor descriptor) {
    TablePath path = TablePath.of(database, name);
    admin.dropTable(path, true);
    admin.createTable(path, descriptor, false);
    return new TableRef(bootstrap, database, name);
  }

  private static TablePath path(TableRef table) {
    return TablePath.of(table.database(), table.table());
  }

  /** Drops the benchmark database with everything left in it. */
  @Override
  public void close() {
    try {
      admin.dropDatabase(database, true, true);
    } finally {
      connection.close();
    }
  }
}
