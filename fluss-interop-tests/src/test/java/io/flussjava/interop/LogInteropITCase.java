package io.flussjava.interop;

import static io.flussjava.interop.InteropSupport.SCAN_TIMEOUT;
import static io.flussjava.interop.InteropSupport.allScalarsRow;
import static io.flussjava.interop.InteropSupport.allScalarsSchema;
import static io.flussjava.interop.InteropSupport.assertRowsEqual;
import static io.flussjava.interop.InteropSupport.bootstrap;
import static io.flussjava.interop.InteropSupport.rowOf;
import static io.flussjava.interop.InteropSupport.scanWithFlussJava;
import static io.flussjava.interop.InteropSupport.sortedById;
import static org.assertj.core.api.Assertions.assertThat;

import io.flussjava.client.Table;
import io.flussjava.client.admin.LogFormat;
import io.flussjava.client.admin.TableDescriptor;
import io.flussjava.client.admin.TablePath;
import io.flussjava.client.scan.ScanRecord;
import io.flussjava.client.write.AppendWriter;
import io.flussjava.client.write.WriteResult;
import io.flussjava.log.ChangeType;
import io.flussjava.types.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Log tables of every log format (ARROW with each compression, COMPACTED, INDEXED): rows of every
 * scalar type that fluss-java appends are scanned value by value identically by the official
 * client, and the reverse.
 */
class LogInteropITCase extends InteropTestBase {
  private static final int ROWS = 300;
  private static final List<String> COLUMNS = allScalarsSchema().getColumnNames();

  /** A log format and, for ARROW, its compression. */
  record Format(LogFormat logFormat, String compression) {
    String tableSuffix() {
      return (logFormat + (compression == null ? "" : "_" + compression)).toLowerCase(Locale.ROOT);
    }

    TableDescriptor descriptor(Schema schema, int buckets) {
      TableDescriptor.Builder b =
          TableDescriptor.builder().schema(schema).distributedBy(buckets).logFormat(logFormat);
      if (compression != null) {
        b.property("table.log.arrow.compression.type", compression);
      }
      return b.build();
    }

    @Override
    public String toString() {
      return compression == null ? logFormat.name() : logFormat + "/" + compression;
    }
  }

  static Stream<Format> formats() {
    return Stream.of(
        new Format(LogFormat.ARROW, "ZSTD"),
        new Format(LogFormat.ARROW, "LZ4_FRAME"),
        new Format(LogFormat.ARROW, "NONE"),
        new Format(LogFormat.COMPACTED, null),
        new Format(LogFormat.INDEXED, null));
  }

  private static Table createTable(String name, Format format) {
    TablePath path = TablePath.of(db, name);
    connection.getAdmin().createTable(path, format.descriptor(allScalarsSchema(), 3), false);
    return connection.getTable(path);
  }

  private static List<List<Object>> rows(int firstId, int count, long seed) {
    List<List<Object>> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      rows.add(allScalarsRow(firstId + i, i, seed));
    }
    return rows;
  }

  private static void appendWithFlussJava(Table table, List<List<Object>> rows) {
    AppendWriter writer = table.newAppend().createWriter();
    List<CompletableFuture<WriteResult>> acks = new ArrayList<>();
    for (List<Object> row : rows) {
      acks.add(writer.append(row.toArray()));
    }
    writer.flush();
    for (CompletableFuture<WriteResult> ack : acks) {
      assertThat(ack).isCompleted();
      assertThat(ack.join().offset()).isGreaterThanOrEqualTo(0);
    }
  }

  private static List<List<Object>> officialRows(List<Map<String, Object>> records) {
    List<List<Object>> rows = new ArrayList<>();
    for (Map<String, Object> r : records) {
      assertThat(r.get("changeType")).as("change type of %s", r).isEqualTo("+A");
      rows.add(rowOf(r));
    }
    return rows;
  }

  private static List<List<Object>> flussJavaRows(List<ScanRecord> records) {
    List<List<Object>> rows = new ArrayList<>();
    for (ScanRecord r : records) {
      assertThat(r.changeType()).as("change type of %s", r).isEqualTo(ChangeType.APPEND_ONLY);
      rows.add(r.getRow());
    }
    return rows;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formats")
  void rowsAppendedByFlussJavaAreScannedByTheOfficialClient(Format format) throws Exception {
    String name = "ours_" + format.tableSuffix();
    Table table = createTable(name, format);
    List<List<Object>> written = rows(0, ROWS, 11);
    if (format.logFormat() == LogFormat.ARROW) {
      written = written.stream().map(InteropSupport::officialArrowReadable).toList();
    }
    appendWithFlussJava(table, written);

    List<Map<String, Object>> scanned =
        OfficialClient.scan(bootstrap(), db, name, ROWS, null, SCAN_TIMEOUT);

    List<List<Object>> expected = written;
    if (format.logFormat() == LogFormat.INDEXED) {
      int binary = COLUMNS.indexOf("c_binary");
      expected = written.stream().map(r -> InteropSupport.officialIndexedView(r, binary)).toList();
    }
    assertRowsEqual(sortedById(officialRows(scanned)), sortedById(expected), COLUMNS);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formats")
  void rowsAppendedByTheOfficialClientAreScannedByFlussJava(Format format) throws Exception {
    String name = "theirs_" + format.tableSuffix();
    Table table = createTable(name, format);
    List<List<Object>> written = rows(0, ROWS, 23);
    OfficialClient.append(bootstrap(), db, name, written);

    List<ScanRecord> scanned = scanWithFlussJava(table, null, ROWS);

    assertRowsEqual(sortedById(flussJavaRows(scanned)), sortedById(written), COLUMNS);
  }

  /**
   * One ARROW table holding rows of both clients; each reads all of them through a server-side
   * projection that reorders and drops columns.
   */
  @Test
  void projectedArrowScansReadTheOtherClientsRows() throws Exception {
    String name = "projected_arrow";
    Table table = createTable(name, new Format(LogFormat.ARROW, "ZSTD"));
    List<List<Object>> ours =
        rows(0, 120, 31).stream().map(InteropSupport::officialArrowReadable).toList();
    List<List<Object>> theirs =
        rows(1000, 120, 37).stream().map(InteropSupport::officialArrowReadable).toList();
    appendWithFlussJava(table, ours);
    OfficialClient.append(bootstrap(), db, name, theirs);
    List<List<Object>> all = new ArrayList<>(ours);
    all.addAll(theirs);

    List<String> projection =
        List.of("id", "c_string", "c_dec38", "c_ts9", "c_bytes", "c_ltz6", "c_boolean");
    int[] indexes = projection.stream().mapToInt(COLUMNS::indexOf).toArray();
    List<List<Object>> expected = new ArrayList<>();
    for (List<Object> row : all) {
      List<Object> p = new ArrayList<>();
      for (int i : indexes) {
        p.add(row.get(i));
      }
      expected.add(p);
    }

    List<Map<String, Object>> official =
        OfficialClient.scan(bootstrap(), db, name, all.size(), projection, SCAN_TIMEOUT);
    assertRowsEqual(sortedById(officialRows(official)), sortedById(expected), projection);

    List<ScanRecord> flussJava =
        scanWithFlussJava(table, projection.toArray(new String[0]), all.size());
    assertThat(flussJava).allSatisfy(r -> assertThat(r.size()).isEqualTo(projection.size()));
    assertRowsEqual(sortedById(flussJavaRows(flussJava)), sortedById(expected), projection);
  }
}
