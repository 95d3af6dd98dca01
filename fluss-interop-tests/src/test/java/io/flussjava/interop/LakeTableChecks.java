package io.flussjava.interop;

import static io.flussjava.interop.InteropSupport.flussJavaChangelog;
import static io.flussjava.interop.InteropSupport.officialChangelog;
import static org.assertj.core.api.Assertions.assertThat;

import io.flussjava.client.Connection;
import io.flussjava.client.Table;
import io.flussjava.client.admin.TableDescriptor;
import io.flussjava.client.admin.TableInfo;
import io.flussjava.client.admin.TablePath;
import io.flussjava.client.lookup.Lookuper;
import io.flussjava.client.lookup.PrefixLookuper;
import io.flussjava.client.write.UpsertWriter;
import io.flussjava.client.write.WriteResult;
import io.flussjava.interop.InteropSupport.KeyedChangelog;
import io.flussjava.types.DataTypes;
import io.flussjava.types.Schema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * The primary-key scenario both lake interop tests run on a cluster of their own: each client
 * writes, updates, deletes and looks up (point and prefix) the other's keys on a table of {@link
 * #BUCKETS} buckets, and both must agree on the rows and on every key's bucket.
 */
final class LakeTableChecks {
  static final String LAKE = "table.datalake.format";
  static final int BUCKETS = 8;
  static final int KEYS = 120;

  private final Connection connection;
  private final String bootstrap;
  private final String db;

  LakeTableChecks(Connection connection, String bootstrap, String db) {
    this.connection = connection;
    this.bootstrap = bootstrap;
    this.db = db;
  }

  private static long k1(int i) {
    return i / 3 - 17L; // three keys share each prefix
  }

  private static String k2(int i) {
    return i % 2 == 0 ? "key-" + i : "ключ-" + "x".repeat(i % 11) + i;
  }

  private static List<Object> row(int i, String writer) {
    return new ArrayList<>(Arrays.asList(k1(i), k2(i), writer, i));
  }

  private static List<Object> keyOf(List<Object> row, List<String> columns) {
    List<Object> key = new ArrayList<>();
    for (String c : columns) {
      key.add(row.get(List.of("k1", "k2", "writer", "n").indexOf(c)));
    }
    return key;
  }

  /**
   * Each client inserts half of the keys, looks up all of them, updates the other client's keys and
   * deletes a tenth of them; both must see the same rows and the changelog must keep every key in
   * one bucket (the one fluss-java's writes report) with one +I only.
   */
  void checkPrimaryKeyTable(
      String lake, String name, List<String> primaryKey, List<String> bucketKeys) throws Exception {
    Schema schema =
        Schema.newBuilder()
            .column("k1", DataTypes.BIGINT().notNull())
            .column("k2", DataTypes.STRING().notNull())
            .column("writer", DataTypes.STRING())
            .column("n", DataTypes.INT())
            .primaryKey(primaryKey)
            .build();
    TablePath path = TablePath.of(db, name);
    connection
        .getAdmin()
        .createTable(
            path,
            TableDescriptor.builder()
                .schema(schema)
                .distributedBy(BUCKETS, bucketKeys)
                .properties(lake == null ? Map.of() : Map.of(LAKE, lake))
                .build(),
            false);
    Table table = connection.getTable(path);
    TableInfo info = table.getTableInfo();
    assertThat(info.getProperties()).containsKey(LAKE);

    Map<Integer, List<Object>> expected = new TreeMap<>();
    Map<Integer, CompletableFuture<WriteResult>> acks = new HashMap<>();
    try (UpsertWriter writer = table.newUpsert().createWriter()) {
      List<List<Object>> theirs = new ArrayList<>();
      for (int i = 0; i < KEYS; i++) {
        if (i % 2 == 0) {
          acks.put(i, writer.upsert(row(i, "fluss-java")));
          expected.put(i, row(i, "fluss-java"));
        } else {
          theirs.add(row(i, "official"));
          expected.put(i, row(i, "official"));
        }
      }
      writer.flush();
      OfficialClient.upsert(bootstrap, db, name, theirs);
      assertLookupsFind(table, name, expected);

      // Each updates the other's keys, then deletes some of the keys the other wrote first.
      List<List<Object>> theirOps = new ArrayList<>();
      for (int i = 0; i < KEYS; i++) {
        if (i % 2 == 1) {
          acks.put(i, writer.upsert(row(i, "fluss-java-2")));
          expected.put(i, row(i, "fluss-java-2"));
        } else {
          theirOps.add(OfficialClient.op("upsert", row(i, "official-2")));
          expected.put(i, row(i, "official-2"));
        }
      }
      writer.flush();
      OfficialClient.write(bootstrap, db, name, theirOps, null);
      List<List<Object>> theirDeletes = new ArrayList<>();
      for (int i = 0; i < KEYS; i++) {
        if (i % 10 == 1) {
          writer.delete(expected.remove(i));
        } else if (i % 10 == 0) {
          theirDeletes.add(OfficialClient.op("delete", expected.remove(i)));
        }
      }
      writer.flush();
      OfficialClient.write(bootstrap, db, name, theirDeletes, null);
    }
    assertLookupsFind(table, name, expected);
    if (!bucketKeys.isEmpty()) {
      assertPrefixLookupsFind(table, name, expected);
    }
    assertOneBucketPerKey(table, name, acks);
  }

  /**
   * Both clients look up every key: the expected row, or null for keys never or no longer there.
   */
  private void assertLookupsFind(Table table, String name, Map<Integer, List<Object>> rows)
      throws Exception {
    List<String> pk = table.getTableInfo().getPrimaryKeys();
    List<List<Object>> keys = new ArrayList<>();
    List<List<Object>> want = new ArrayList<>();
    for (int i = 0; i < KEYS; i++) {
      keys.add(keyOf(row(i, null), pk));
      want.add(rows.get(i));
    }
    List<List<Object>> ours = new ArrayList<>();
    try (Lookuper lookuper = table.newLookup().createLookuper()) {
      for (List<Object> key : keys) {
        ours.add(lookuper.lookup(key));
      }
    }
    assertThat(ours).as("fluss-java lookups").isEqualTo(want);
    assertThat(OfficialClient.lookup(bootstrap, db, name, keys))
        .as("official lookups")
        .isEqualTo(want);
  }

  private void assertPrefixLookupsFind(Table table, String name, Map<Integer, List<Object>> rows)
      throws Exception {
    Map<Long, Set<List<Object>>> want = new TreeMap<>();
    for (int i = 0; i < KEYS; i++) {
      want.computeIfAbsent(k1(i), k -> new HashSet<>());
    }
    rows.values().forEach(r -> want.get((Long) r.get(0)).add(r));
    List<List<Object>> prefixes = new ArrayList<>();
    want.keySet().forEach(k -> prefixes.add(List.of(k)));

    List<List<List<Object>>> theirs =
        OfficialClient.prefixLookup(bootstrap, db, name, List.of("k1"), prefixes);
    try (PrefixLookuper lookuper = table.newLookup().lookupBy("k1").createLookuper()) {
      int p = 0;
      for (Map.Entry<Long, Set<List<Object>>> e : want.entrySet()) {
        assertThat(new HashSet<>(lookuper.lookup(e.getKey())))
            .as("fluss-java prefix lookup of %d", e.getKey())
            .isEqualTo(e.getValue());
        assertThat(new HashSet<>(theirs.get(p++)))
            .as("official prefix lookup of %d", e.getKey())
            .isEqualTo(e.getValue());
      }
    }
  }

  /**
   * Both clients scan the changelog: every key's records are in one bucket, the one fluss-java's
   * writes reported, and start with a single +I (a key bucketed apart by one client would get a
   * second +I in another bucket); all buckets are used.
   */
  private void assertOneBucketPerKey(
      Table table, String name, Map<Integer, CompletableFuture<WriteResult>> acks)
      throws Exception {
    int records = 3 * KEYS + 2 * (KEYS / 10); // +I, -U, +U per key, and -D for a fifth of them
    KeyedChangelog official = officialChangelog(bootstrap, db, name, records, 3, -1);
    Map<Integer, List<String>> officialChanges = official.changes();
    Map<Integer, Integer> officialBucket = official.buckets();
    for (int i = 0; i < KEYS; i++) {
      List<String> want = i % 10 <= 1 ? List.of("+I", "-U", "+U", "-D") : List.of("+I", "-U", "+U");
      assertThat(officialChanges.get(i)).as("changelog of key %d", i).isEqualTo(want);
      assertThat(officialBucket.get(i))
          .as("bucket of key %d", i)
          .isEqualTo(acks.get(i).join().bucket());
    }
    assertThat(flussJavaChangelog(table, records, 3, -1)).isEqualTo(official);
    assertThat(new HashSet<>(officialBucket.values())).as("buckets used").hasSize(BUCKETS);
  }
}
