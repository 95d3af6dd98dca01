package io.flussjava.interop;

import static io.flussjava.interop.InteropSupport.SCAN_TIMEOUT;
import static io.flussjava.interop.InteropSupport.bootstrap;
import static io.flussjava.interop.InteropSupport.flussJavaChangelog;
import static io.flussjava.interop.InteropSupport.officialChangelog;
import static io.flussjava.interop.InteropSupport.rowOf;
import static io.flussjava.interop.InteropSupport.scanWithFlussJava;
import static org.assertj.core.api.Assertions.assertThat;

import io.flussjava.client.Table;
import io.flussjava.client.admin.TableDescriptor;
import io.flussjava.client.admin.TablePath;
import io.flussjava.client.scan.ScanRecord;
import io.flussjava.client.write.AppendWriter;
import io.flussjava.client.write.UpsertWriter;
import io.flussjava.client.write.WriteResult;
import io.flussjava.interop.InteropSupport.KeyedChangelog;
import io.flussjava.types.DataType;
import io.flussjava.types.DataTypes;
import io.flussjava.types.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Both clients put a key in the same bucket: the same keys are written by each, and every record of
 * a key is found in one bucket, the one fluss-java reports for its own write.
 */
class BucketingInteropITCase extends InteropTestBase {
  private static final int BUCKETS = 4;
  private static final int KEYS = 120;

  private static String keyOf(int i) {
    // Mixed lengths and non-ASCII, so the key encoding (not only the hash) matters.
    return i % 3 == 0
        ? "k" + i
        : i % 3 == 1 ? "ключ-" + i + "-" + "x".repeat(i % 17) : String.valueOf(i * 7919L);
  }

  /** Log table with a STRING bucket key and a composite (INT, DECIMAL, DATE) bucket key. */
  @Test
  void logTableRowsWithABucketKeyLandInTheSameBucketFromBothClients() throws Exception {
    checkLogTable(
        "log_string_key", Map.of(), List.of("k"), i -> List.of(keyOf(i)), DataTypes.STRING());
    checkLogTable(
        "log_composite_key",
        Map.of(),
        List.of("k1", "k2", "k3"),
        i ->
            List.of(
                i - 60, new BigDecimal(i * 37 + ".25"), LocalDate.of(2000, 1, 1).plusDays(i * 11L)),
        DataTypes.INT(),
        DataTypes.DECIMAL(12, 2),
        DataTypes.DATE());
  }

  /**
   * Appends {@link #KEYS} rows from each client to a new log table with {@code properties} and the
   * given bucket key, and checks that both clients put each key in the bucket fluss-java reported
   * and that all {@link #BUCKETS} buckets were used. Also used for lake-enabled tables.
   */
  static void checkLogTable(
      String name,
      Map<String, String> properties,
      List<String> keyColumns,
      IntFunction<List<Object>> keyValues,
      DataType... keyTypes)
      throws Exception {
    Schema.Builder sb = Schema.newBuilder();
    for (int c = 0; c < keyColumns.size(); c++) {
      sb.column(keyColumns.get(c), keyTypes[c]);
    }
    Schema schema = sb.column("writer", DataTypes.STRING()).column("n", DataTypes.INT()).build();
    TablePath path = TablePath.of(db, name);
    connection
        .getAdmin()
        .createTable(
            path,
            TableDescriptor.builder()
                .schema(schema)
                .distributedBy(BUCKETS, keyColumns)
                .properties(properties)
                .build(),
            false);
    Table table = connection.getTable(path);

    List<List<Object>> ourRows = new ArrayList<>();
    List<List<Object>> theirRows = new ArrayList<>();
    for (int i = 0; i < KEYS; i++) {
      List<Object> ours = new ArrayList<>(keyValues.apply(i));
      ours.add("fluss-java");
      ours.add(i);
      ourRows.add(ours);
      List<Object> theirs = new ArrayList<>(keyValues.apply(i));
      theirs.add("official");
      theirs.add(i);
      theirRows.add(theirs);
    }
    AppendWriter writer = table.newAppend().createWriter();
    List<CompletableFuture<WriteResult>> acks = new ArrayList<>();
    for (List<Object> r : ourRows) {
      acks.add(writer.append(r));
    }
    writer.flush();
    Map<Integer, Integer> reportedBucket = new HashMap<>();
    for (int i = 0; i < KEYS; i++) {
      reportedBucket.put(i, acks.get(i).join().bucket());
    }
    OfficialClient.append(bootstrap(), db, name, theirRows);

    int n = keyColumns.size();
    // The official client's view: bucket of every record, by writer and key number.
    Map<String, Integer> officialView = new TreeMap<>();
    for (Map<String, Object> r :
        OfficialClient.scan(bootstrap(), db, name, 2 * KEYS, null, SCAN_TIMEOUT)) {
      List<Object> row = rowOf(r);
      String id = row.get(n) + "#" + row.get(n + 1);
      assertThat(officialView.put(id, (Integer) r.get("bucket"))).as("duplicate %s", id).isNull();
    }
    // fluss-java's view of the same records.
    Map<String, Integer> flussJavaView = new TreeMap<>();
    for (ScanRecord r : scanWithFlussJava(table, null, 2 * KEYS)) {
      String id = r.getValue(n) + "#" + r.getValue(n + 1);
      assertThat(flussJavaView.put(id, r.bucket())).as("duplicate %s", id).isNull();
    }

    assertThat(officialView).hasSize(2 * KEYS).isEqualTo(flussJavaView);
    for (int i = 0; i < KEYS; i++) {
      assertThat(officialView.get("official#" + i))
          .as(
              "bucket of key %s written by the official client vs by fluss-java",
              keyValues.apply(i))
          .isEqualTo(officialView.get("fluss-java#" + i))
          .isEqualTo(reportedBucket.get(i));
    }
    assertThat(new HashSet<>(reportedBucket.values())).as("buckets used").hasSize(BUCKETS);
  }

  /**
   * Primary-key table (bucket key = primary key (INT, STRING)): each client first inserts half of
   * the keys, then updates the other half. If both hash a key to the same bucket, every key's
   * changelog is +I, -U, +U in one bucket; otherwise the second write would be a second +I in
   * another bucket.
   */
  @Test
  void primaryKeyTableKeysLandInTheSameBucketFromBothClients() throws Exception {
    String name = "pk_bucketing";
    Schema schema =
        Schema.newBuilder()
            .column("id", DataTypes.INT().notNull())
            .column("name", DataTypes.STRING().notNull())
            .column("writer", DataTypes.STRING())
            .primaryKey("id", "name")
            .build();
    TablePath path = TablePath.of(db, name);
    connection
        .getAdmin()
        .createTable(
            path, TableDescriptor.builder().schema(schema).distributedBy(BUCKETS).build(), false);
    Table table = connection.getTable(path);

    // keys 0..KEYS/2-1: fluss-java inserts, the official client updates; the others the other way
    // round.
    int half = KEYS / 2;
    UpsertWriter writer = table.newUpsert().createWriter();
    Map<Integer, CompletableFuture<WriteResult>> acks = new HashMap<>();
    for (int i = 0; i < half; i++) {
      acks.put(i, writer.upsert(i, keyOf(i), "fluss-java"));
    }
    writer.flush();
    List<List<Object>> theirs = new ArrayList<>();
    for (int i = 0; i < KEYS; i++) {
      theirs.add(List.of(i, keyOf(i), "official"));
    }
    OfficialClient.upsert(bootstrap(), db, name, theirs);
    for (int i = half; i < KEYS; i++) {
      acks.put(i, writer.upsert(i, keyOf(i), "fluss-java"));
    }
    writer.flush();

    int expectedRecords = 3 * KEYS; // +I, -U, +U per key
    KeyedChangelog official = officialChangelog(bootstrap(), db, name, expectedRecords, 0, 2);
    KeyedChangelog flussJava = flussJavaChangelog(table, expectedRecords, 0, 2);
    Map<Integer, List<String>> officialChanges = official.changes();
    Map<Integer, Integer> officialBucket = official.buckets();

    for (int i = 0; i < KEYS; i++) {
      String first = i < half ? "fluss-java" : "official";
      String second = i < half ? "official" : "fluss-java";
      assertThat(officialChanges.get(i))
          .as("changelog of key %d", i)
          .containsExactly("+I" + first, "-U" + first, "+U" + second);
      assertThat(officialBucket.get(i))
          .as("bucket of key %d", i)
          .isEqualTo(acks.get(i).join().bucket());
    }
    assertThat(flussJava).isEqualTo(official);
    assertThat(new HashSet<>(officialBucket.values())).as("buckets used").hasSize(BUCKETS);
  }
}
