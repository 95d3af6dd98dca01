package io.flussjava.client;

import io.flussjava.client.admin.LogFormat;
import io.flussjava.client.admin.PartitionInfo;
import io.flussjava.client.admin.TableInfo;
import io.flussjava.client.admin.TablePath;
import io.flussjava.client.internal.MetadataLeaderRouter;
import io.flussjava.client.lookup.Lookuper;
import io.flussjava.client.lookup.TableLookup;
import io.flussjava.client.lookup.internal.LookuperImpl;
import io.flussjava.client.lookup.internal.PrefixLookuperImpl;
import io.flussjava.client.scan.BoundedArrowReader;
import io.flussjava.client.scan.BoundedReader;
import io.flussjava.client.scan.LogScanner;
import io.flussjava.client.scan.TableScan;
import io.flussjava.client.scan.internal.BoundedArrowReaderImpl;
import io.flussjava.client.scan.internal.BoundedReaderImpl;
import io.flussjava.client.scan.internal.BoundedScans;
import io.flussjava.client.scan.internal.LimitReader;
import io.flussjava.client.scan.internal.LogScannerImpl;
import io.flussjava.client.write.TableAppend;
import io.flussjava.client.write.TableUpsert;
import io.flussjava.client.write.UpsertWriter;
import io.flussjava.client.write.internal.AppendWriterImpl;
import io.flussjava.client.write.internal.UpsertWriterImpl;
import io.flussjava.exception.InvalidTableOperationException;
import io.flussjava.exception.NonPrimaryKeyTableException;
import java.util.Arrays;
import java.util.List;

/**
 * A handle to one table, obtained from {@link Connection#getTable}. Cheap: it holds the table's
 * info as it was when obtained and shares the connection's resources; writers, scanners and
 * lookupers are created from it.
 */
public final class Table {
  private final Connection connection;
  private final TableInfo info;

  Table(Connection connection, TableInfo info) {
    this.connection = connection;
    this.info = info;
  }

  public TablePath getTablePath() {
    return info.getTablePath();
  }

  /** The table's info as it was when this handle was obtained. */
  public TableInfo getTableInfo() {
    return info;
  }

  /** Appending to this log table: {@code table.newAppend().createWriter()}. */
  public TableAppend newAppend() {
    return () -> {
      if (info.hasPrimaryKey()) {
        throw new InvalidTableOperationException(
            "Table "
                + info.getTablePath()
                + " has a primary key "
                + info.getPrimaryKeys()
                + ": write it with newUpsert().createWriter(), not an append writer.");
      }
      return new AppendWriterImpl(connection.writerClient(), info, connection.typeConverters());
    };
  }

  /** Upserting into this primary-key table: {@code table.newUpsert().createWriter()}. */
  public TableUpsert newUpsert() {
    return new Upsert(null);
  }

  /**
   * The indexes of named columns, failing for an unknown name with the operation and the table's
   * columns.
   */
  int[] columnIndexes(String operation, String... columns) {
    List<String> names = info.getSchema().getColumnNames();
    int[] indexes = new int[columns.length];
    for (int i = 0; i < columns.length; i++) {
      indexes[i] = names.indexOf(columns[i]);
      if (indexes[i] < 0) {
        throw new IllegalArgumentException(
            operation
                + ": column '"
                + columns[i]
                + "' is not a column of "
                + info.getTablePath()
                + " "
                + names);
      }
    }
    return indexes;
  }

  /** Reading this table's log: {@code table.newScan().project("a", "b").createLogScanner()}. */
  public TableScan newScan() {
    return new Scan(null, Long.MAX_VALUE, NO_LIMIT);
  }

  private static final int NO_LIMIT = -1;

  /**
   * The scan spec: which columns to read (all by default), how many changelog records at most (no
   * cap by default), and whether it is a limit scan of current rows / last records.
   */
  private final class Scan implements TableScan {
    private final int[] projection;
    private final long maxRecords;
    private final int limit;

    Scan(int[] projection, long maxRecords, int limit) {
      this.projection = projection;
      this.maxRecords = maxRecords;
      this.limit = limit;
    }

    @Override
    public TableScan project(String... columns) {
      return project(columnIndexes("project", columns));
    }

    @Override
    public TableScan project(int... columnIndexes) {
      int n = info.getSchema().getColumnNames().size();
      boolean[] seen = new boolean[n];
      for (int c : columnIndexes) {
        if (c < 0 || c >= n) {
          throw new IllegalArgumentException(
              "project: column index " + c + " is outside 0.." + (n - 1));
        }
        if (seen[c]) {
          throw new IllegalArgumentException("project: column " + c + " is named twice");
        }
        seen[c] = true;
      }
      if (columnIndexes.length == 0) {
        throw new IllegalArgumentException("project: name at least one column");
      }
      return new Scan(columnIndexes.clone(), maxRecords, limit);
    }

    @Override
    public TableScan maxRecords(long n) {
      if (n < 0) {
        throw new IllegalArgumentException(
            "maxRecords: the number of records must be >= 0, got " + n);
      }
      return new Scan(projection, n, limit);
    }

    @Override
    public TableScan limit(int n) {
      if (n < 0) {
        throw new IllegalArgumentException("limit: the number of rows must be >= 0, got " + n);
      }
      return new Scan(projection, maxRecords, n);
    }

    private void checkNoLimit(String reader) {
      if (limit != NO_LIMIT) {
        throw new IllegalStateException(
            "limit("
                + limit
                + ") is a limit scan of current rows (or of a log table's last records), which"
                + " only createBoundedReader() reads; to stop "
                + reader
                + " after n changelog records use maxRecords(n) instead.");
      }
    }

    @Override
    public LogScanner createLogScanner() {
      checkNoLimit("a LogScanner");
      return new LogScannerImpl(
          info,
          projection,
          maxRecords,
          false,
          connection.metadata(),
          connection.offsetLister(),
          connection.getConfiguration(),
          connection.typeConverters(),
          connection.state());
    }

    @Override
    public BoundedReader createBoundedReader() {
      if (limit != NO_LIMIT) {
        return openLimitScan();
      }
      return new BoundedReaderImpl(openBounded("BoundedReader"));
    }

    @Override
    public BoundedArrowReader createBoundedArrowReader() {
      checkNoLimit("a BoundedArrowReader");
      if (info.getLogFormat() != LogFormat.ARROW) {
        throw new InvalidTableOperationException(
            "Table "
                + info.getTablePath()
                + " stores its log as "
                + info.getLogFormat()
                + ": an Arrow reader needs"
                + " table.log.format=ARROW; read it with createBoundedReader().");
      }
      return new BoundedArrowReaderImpl(openBounded("BoundedArrowReader"));
    }

    private BoundedReader openLimitScan() {
      long listedAt = connection.retrier().clock().nanoTime();
      return LimitReader.open(
          info,
          projection,
          limit,
          partitionIds(),
          listedAt,
          new MetadataLeaderRouter(connection.metadata()),
          connection.retrier(),
          connection.metadata().schemas(),
          connection.getConfiguration(),
          connection.typeConverters(),
          connection.state());
    }

    /** Partitions are taken as they are now, like the end offsets: later ones are not read. */
    private List<Long> partitionIds() {
      return info.isPartitioned()
          ? connection.getAdmin().listPartitionInfos(info.getTablePath()).stream()
              .map(PartitionInfo::getPartitionId)
              .toList()
          : List.of();
    }

    private LogScannerImpl openBounded(String kind) {
      return BoundedScans.open(
          kind,
          info,
          projection,
          maxRecords,
          partitionIds(),
          connection.metadata(),
          connection.offsetLister(),
          connection.getConfiguration(),
          connection.typeConverters(),
          connection.state());
    }
  }

  /** Looking up rows of this primary-key table: {@code table.newLookup().createLookuper()}. */
  public TableLookup newLookup() {
    return new TableLookup() {
      @Override
      public PrefixLookup lookupBy(String... columns) {
        List<String> cols = Arrays.asList(columns);
        List<String> partitionKeys = info.getPartitionKeys();
        // Partition columns pick the partition; the rest must be the bucket key, a proper prefix of
        // the key that is
        // stored (the primary key without partition columns).
        List<String> physicalPk =
            info.getPrimaryKeys().stream().filter(c -> !partitionKeys.contains(c)).toList();
        List<String> physicalCols = cols.stream().filter(c -> !partitionKeys.contains(c)).toList();
        List<String> bucketKeys = info.getBucketKeys();
        if (!info.hasPrimaryKey()
            || !cols.containsAll(partitionKeys)
            || !physicalCols.equals(bucketKeys)
            || bucketKeys.size() >= physicalPk.size()
            || !physicalPk.subList(0, bucketKeys.size()).equals(bucketKeys)) {
          throw new IllegalArgumentException(
              "lookupBy"
                  + cols
                  + ": a prefix lookup on "
                  + info.getTablePath()
                  + " must name the table's bucket key "
                  + bucketKeys
                  + (partitionKeys.isEmpty() ? "" : " and its partition keys " + partitionKeys)
                  + ", and the bucket key must be a proper prefix of the primary key "
                  + physicalPk
                  + (partitionKeys.isEmpty() ? "" : " (without partition keys)")
                  + " (create the table with distributedBy(n, <prefix columns>)).");
        }
        return () -> {
          checkLookupable();
          return new PrefixLookuperImpl(
              info,
              cols,
              connection.lookupClient(),
              connection.typeConverters(),
              connection.metadata().schemas(),
              connection.requestTimeout());
        };
      }

      @Override
      public Lookuper createLookuper() {
        checkLookupable();
        return new LookuperImpl(
            info,
            connection.lookupClient(),
            connection.typeConverters(),
            connection.metadata().schemas(),
            connection.requestTimeout());
      }
    };
  }

  private void checkLookupable() {
    if (!info.hasPrimaryKey()) {
      throw new NonPrimaryKeyTableException(
          "Table "
              + info.getTablePath()
              + " is a log table: lookups need a primary-key table; read a log table"
              + " with newScan().");
    }
  }

  /** The upsert spec: which columns a writer writes (all by default). */
  private final class Upsert implements TableUpsert {
    private final int[] targetColumns;

    Upsert(int[] targetColumns) {
      this.targetColumns = targetColumns;
    }

    @Override
    public TableUpsert partialUpdate(String... columns) {
      int[] indexes = columnIndexes("partialUpdate", columns);
      for (String pk : info.getPrimaryKeys()) {
        if (!Arrays.asList(columns).contains(pk)) {
          throw new IllegalArgumentException(
              "partialUpdate: the columns must include every primary-key column "
                  + info.getPrimaryKeys()
                  + ", but '"
                  + pk
                  + "' is missing");
        }
      }
      Arrays.sort(indexes);
      return new Upsert(indexes);
    }

    @Override
    public UpsertWriter createWriter() {
      if (!info.hasPrimaryKey()) {
        throw new NonPrimaryKeyTableException(
            "Table "
                + info.getTablePath()
                + " is a log table without a primary key: write it with"
                + " newAppend().createWriter(), not an upsert writer.");
      }
      return new UpsertWriterImpl(
          connection.writerClient(), info, targetColumns, connection.typeConverters());
    }
  }

  Connection connection() {
    return connection;
  }

  @Override
  public String toString() {
    return "Table{" + info.getTablePath() + "}";
  }
}
