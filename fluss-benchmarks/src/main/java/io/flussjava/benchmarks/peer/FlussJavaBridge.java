package io.flussjava.benchmarks.peer;

import io.flussjava.benchmarks.shared.Lookups;
import io.flussjava.benchmarks.shared.RowGenerator;
import io.flussjava.benchmarks.shared.RowHash;
import io.flussjava.benchmarks.shared.Scans;
import io.flussjava.benchmarks.shared.Shape;
import io.flussjava.benchmarks.shared.Writes;
import io.flussjava.client.Connection;
import io.flussjava.client.Table;
import io.flussjava.client.admin.TablePath;
import io.flussjava.client.lookup.Lookuper;
import io.flussjava.client.scan.LogScanner;
import io.flussjava.client.scan.TableScan;
import io.flussjava.client.write.AppendWriter;
import io.flussjava.client.write.UpsertWriter;
import io.flussjava.config.Configuration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs the side-by-side workloads with fluss-java. The same call protocol as the official client's
 * bridge ({@code io.flussjava.benchmarks.official.OfficialBridge}), the same shared loops, so both
 * clients are driven identically.
 */
final class FlussJavaBridge implements Function<Object[], Object> {

  @Override
  @SuppressWarnings("unchecked")
  public Object apply(Object[] call) {
    String command = (String) call[0];
    Map<String, String> options =
        call[call.length - 1] instanceof Map
            ? (Map<String, String>) call[call.length - 1]
            : Map.of();
    try (Connection connection = connect((String) call[1], options)) {
      Table table = connection.getTable(TablePath.of((String) call[2], (String) call[3]));
      Shape shape = Shape.valueOf((String) call[4]);
      switch (command) {
        case "append":
          return append(table, shape, (Integer) call[5], (Long) call[6]);
        case "upsert":
          return upsert(table, shape, (Integer) call[5], (Long) call[6]);
        case "scan":
          return scan(table, (String[]) call[5], (Long) call[6]);
        case "lookup":
          return lookup(table, (long[]) call[5], (Integer) call[6]);
        default:
          throw new IllegalArgumentException("unknown bridge command " + command);
      }
    } catch (Exception e) {
      throw new IllegalStateException("fluss-java failed in " + command + ": " + e, e);
    }
  }

  private static Connection connect(String bootstrap, Map<String, String> options) {
    Configuration conf = new Configuration();
    conf.setString("bootstrap.servers", bootstrap);
    options.forEach(conf::setString);
    return Connection.create(conf);
  }

  private static Map<String, Object> append(Table table, Shape shape, int rows, long seed) {
    List<Object[]> prepared = Arrays.asList(RowGenerator.rows(shape, seed, rows));
    AppendWriter writer = table.newAppend().createWriter();
    return Writes.run(prepared, writer::append, writer::flush);
  }

  private static Map<String, Object> upsert(Table table, Shape shape, int rows, long seed) {
    List<Object[]> prepared = Arrays.asList(RowGenerator.rows(shape, seed, rows));
    UpsertWriter writer = table.newUpsert().createWriter();
    return Writes.run(prepared, writer::upsert, writer::flush);
  }

  private static Map<String, Object> scan(Table table, String[] columns, long expectedRows) {
    TableScan scan = table.newScan();
    if (columns != null) {
      scan = scan.project(columns);
    }
    try (LogScanner scanner = scan.createLogScanner()) {
      // ScanRecord already holds its values as JDK objects; hashing them touches every one, as the
      // official side does.
      return Scans.run(
          () -> scanner.subscribeFromBeginning(0),
          scanner::poll,
          record -> {
            int h = RowHash.START;
            for (int i = 0; i < record.size(); i++) {
              h = RowHash.mix(h, record.getValue(i));
            }
            return h;
          },
          expectedRows);
    }
  }

  private static Map<String, Object> lookup(Table table, long[] keys, int inFlight)
      throws Exception {
    try (Lookuper lookuper = table.newLookup().createLookuper()) {
      return new Lookups<List<Object>>(
              key -> lookuper.lookupAsync(key),
              row -> {
                if (row == null) {
                  throw new IllegalStateException("row not found");
                }
                return RowHash.of(row);
              })
          .run(keys, inFlight);
    }
  }
}
