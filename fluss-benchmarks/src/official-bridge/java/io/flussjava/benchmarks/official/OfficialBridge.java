package io.flussjava.benchmarks.official;

import io.flussjava.benchmarks.shared.ColumnKind;
import io.flussjava.benchmarks.shared.Lookups;
import io.flussjava.benchmarks.shared.Scans;
import io.flussjava.benchmarks.shared.Shape;
import io.flussjava.benchmarks.shared.Writes;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.fluss.client.Connection;
import org.apache.fluss.client.ConnectionFactory;
import org.apache.fluss.client.lookup.LookupResult;
import org.apache.fluss.client.lookup.Lookuper;
import org.apache.fluss.client.table.Table;
import org.apache.fluss.client.table.scanner.Scan;
import org.apache.fluss.client.table.scanner.log.LogScanner;
import org.apache.fluss.client.table.writer.AppendWriter;
import org.apache.fluss.client.table.writer.UpsertWriter;
import org.apache.fluss.config.Configuration;
import org.apache.fluss.metadata.TablePath;
import org.apache.fluss.row.GenericRow;
import org.apache.fluss.row.InternalRow;

/**
 * Runs the side-by-side workloads with the official client, inside its isolated class loader. Called as {@code
 * apply(new Object[] {command, bootstrap, database, table, shape, args...})} and answers with the {@link
 * io.flussjava.benchmarks.shared.Measurement} map; JDK types only in both directions. Commands:
 *
 * <ul>
 *   <li>{@code append, upsert}: {@code int rows, long seed}
 *   <li>{@code scan}: {@code String[] columns (null = all), long expectedRows}
 *   <li>{@code lookup}: {@code long[] keys, int inFlight}
 * </ul>
 *
 * A trailing {@code Map<String, String>} of client options, if given, is applied to the connection.
 */
public final class OfficialBridge implements Function<Object[], Object> {

  @Override
  @SuppressWarnings("unchecked")
  public Object apply(Object[] call) {
    String command = (String) call[0];
    Map<String, String> options =
        call[call.length - 1] instanceof Map ? (Map<String, String>) call[call.length - 1] : Map.of();
    try (Connection connection = connect((String) call[1], options);
        Table table = connection.getTable(TablePath.of((String) call[2], (String) call[3]))) {
      Shape shape = Shape.valueOf((String) call[4]);
      switch (command) {
        case "append":
          return append(table, shape, (Integer) call[5], (Long) call[6]);
        case "upsert":
          return upsert(table, shape, (Integer) call[5], (Long) call[6]);
        case "scan":
          return scan(table, shape, (String[]) call[5], (Long) call[6]);
        case "lookup":
          return lookup(table, shape, (long[]) call[5], (Integer) call[6]);
        default:
          throw new IllegalArgumentException("unknown bridge command " + command);
      }
    } catch (Exception e) {
      // Only JDK exception types may cross the loader boundary; keep the official stack trace in the message.
      IllegalStateException jdk = new IllegalStateException("official client failed in " + command + ": " + e);
      jdk.setStackTrace(e.getStackTrace());
      throw jdk;
    }
  }

  private static Connection connect(String bootstrap, Map<String, String> options) {
    Configuration conf = new Configuration();
    conf.setString("bootstrap.servers", bootstrap);
    options.forEach(conf::setString);
    return ConnectionFactory.createConnection(conf);
  }

  private static Map<String, Object> append(Table table, Shape shape, int rows, long seed) {
    List<GenericRow> prepared = OfficialRows.generate(shape, seed, rows);
    AppendWriter writer = table.newAppend().createWriter();
    return Writes.run(prepared, writer::append, writer::flush);
  }

  private static Map<String, Object> upsert(Table table, Shape shape, int rows, long seed) {
    List<GenericRow> prepared = OfficialRows.generate(shape, seed, rows);
    UpsertWriter writer = table.newUpsert().createWriter();
    return Writes.run(prepared, writer::upsert, writer::flush);
  }

  private static Map<String, Object> scan(Table table, Shape shape, String[] columns, long expectedRows)
      throws Exception {
    List<String> projection = columns == null ? null : Arrays.asList(columns);
    ColumnKind[] kinds = shape.kindsOf(projection).toArray(new ColumnKind[0]);
    Scan scan = table.newScan();
    if (projection != null) {
      scan = scan.project(projection);
    }
    try (LogScanner scanner = scan.createLogScanner()) {
      return Scans.run(
          () -> scanner.subscribeFromBeginning(0),
          scanner::poll,
          record -> OfficialRows.rowHash(record.getRow(), kinds),
          expectedRows);
    }
  }

  private static Map<String, Object> lookup(Table table, Shape shape, long[] keys, int inFlight) throws Exception {
    ColumnKind[] kinds = shape.kindsOf(null).toArray(new ColumnKind[0]);
    Lookuper lookuper = table.newLookup().createLookuper();
    return new Lookups<LookupResult>(
            key -> lookuper.lookup(GenericRow.of(key)),
            result -> {
              InternalRow row = result.getSingletonRow();
              if (row == null) {
                throw new IllegalStateException("row not found");
              }
              return OfficialRows.rowHash(row, kinds);
            })
        .run(keys, inFlight);
  }
}
