package io.flussjava.client.admin;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Manages databases and tables. Obtained from {@code Connection.getAdmin()}; shares the connection's resources,
 * so closing it is optional and closing the connection closes it.
 *
 * <p>Every operation comes twice: a sync method that returns the result or throws a typed {@link
 * io.flussjava.exception.FlussException} (for example {@link io.flussjava.exception.TableNotExistException}), and
 * an {@code ...Async} twin whose future completes with the same result or fails with the same exception. Sync
 * calls wait at most {@code client.request-timeout} (plus retries' backoff within it) and then throw a {@link
 * io.flussjava.exception.TimeoutException} naming the operation. Retriable errors (leader changes, lost
 * connections) are retried with backoff within that bound.
 *
 * <pre>{@code
 * Admin admin = connection.getAdmin();
 * admin.createDatabase("my_db", DatabaseDescriptor.EMPTY, true);
 * admin.createTable(TablePath.of("my_db", "users"), descriptor, false);
 * TableInfo info = admin.getTableInfo(TablePath.of("my_db", "users"));
 * }</pre>
 */
public interface Admin extends AutoCloseable {

  /**
   * Creates a database.
   *
   * @throws io.flussjava.exception.DatabaseAlreadyExistException if it exists and {@code ignoreIfExists} is false
   */
  void createDatabase(String databaseName, DatabaseDescriptor descriptor, boolean ignoreIfExists);

  CompletableFuture<Void> createDatabaseAsync(
      String databaseName, DatabaseDescriptor descriptor, boolean ignoreIfExists);

  /**
   * Drops a database.
   *
   * @param cascade also drop its tables; without it a non-empty database fails with {@link
   *     io.flussjava.exception.DatabaseNotEmptyException}
   * @throws io.flussjava.exception.DatabaseNotExistException if absent and {@code ignoreIfNotExists} is false
   */
  void dropDatabase(String databaseName, boolean ignoreIfNotExists, boolean cascade);

  CompletableFuture<Void> dropDatabaseAsync(String databaseName, boolean ignoreIfNotExists, boolean cascade);

  /** Names of all databases. */
  List<String> listDatabases();

  CompletableFuture<List<String>> listDatabasesAsync();

  boolean databaseExists(String databaseName);

  CompletableFuture<Boolean> databaseExistsAsync(String databaseName);

  /**
   * The database's descriptor and timestamps.
   *
   * @throws io.flussjava.exception.DatabaseNotExistException if absent
   */
  DatabaseInfo getDatabaseInfo(String databaseName);

  CompletableFuture<DatabaseInfo> getDatabaseInfoAsync(String databaseName);

  /**
   * Creates a table.
   *
   * @throws io.flussjava.exception.TableAlreadyExistException if it exists and {@code ignoreIfExists} is false
   * @throws io.flussjava.exception.DatabaseNotExistException if its database does not exist
   * @throws io.flussjava.exception.InvalidConfigException for an unknown {@code table.*} property
   */
  void createTable(TablePath tablePath, TableDescriptor descriptor, boolean ignoreIfExists);

  CompletableFuture<Void> createTableAsync(TablePath tablePath, TableDescriptor descriptor, boolean ignoreIfExists);

  /**
   * Drops a table.
   *
   * @throws io.flussjava.exception.TableNotExistException if absent and {@code ignoreIfNotExists} is false
   */
  void dropTable(TablePath tablePath, boolean ignoreIfNotExists);

  CompletableFuture<Void> dropTableAsync(TablePath tablePath, boolean ignoreIfNotExists);

  /**
   * Names of the tables in a database.
   *
   * @throws io.flussjava.exception.DatabaseNotExistException if the database does not exist
   */
  List<String> listTables(String databaseName);

  CompletableFuture<List<String>> listTablesAsync(String databaseName);

  boolean tableExists(TablePath tablePath);

  CompletableFuture<Boolean> tableExistsAsync(TablePath tablePath);

  /**
   * The table's current schema, distribution, properties and ids, straight from the coordinator.
   *
   * @throws io.flussjava.exception.TableNotExistException if absent
   */
  TableInfo getTableInfo(TablePath tablePath);

  CompletableFuture<TableInfo> getTableInfoAsync(TablePath tablePath);

  /**
   * Log offsets of some buckets of a table, by bucket: the earliest retained offset, the latest (the offset the
   * next record will get), or the first offset at or after a timestamp.
   *
   * <pre>{@code
   * Map<Integer, Long> ends = admin.listOffsets(path, List.of(0, 1, 2), OffsetSpec.latest());
   * }</pre>
   */
  Map<Integer, Long> listOffsets(TablePath tablePath, List<Integer> buckets, OffsetSpec spec);

  CompletableFuture<Map<Integer, Long>> listOffsetsAsync(TablePath tablePath, List<Integer> buckets, OffsetSpec spec);

  /** Releases nothing shared: the connection owns the resources. Safe to call more than once. */
  @Override
  void close();
}
