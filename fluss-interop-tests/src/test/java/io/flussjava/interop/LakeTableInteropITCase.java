package io.flussjava.interop;

import static io.flussjava.interop.InteropSupport.bootstrap;
import static org.assertj.core.api.Assertions.assertThat;

import io.flussjava.client.Table;
import io.flussjava.client.admin.PartitionSpec;
import io.flussjava.client.admin.TableDescriptor;
import io.flussjava.client.admin.TablePath;
import io.flussjava.client.lookup.Lookuper;
import io.flussjava.client.write.UpsertWriter;
import io.flussjava.types.DataType;
import io.flussjava.types.DataTypes;
import io.flussjava.types.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Lake-enabled tables ({@code table.datalake.format} paimon and iceberg, created on the plain
 * shared cluster, which stores the property without a lake plugin): the official client encodes and
 * buckets their keys the lake's way, and fluss-java must do the same. Both clients upsert, delete,
 * look up (point and prefix) and append with bucket keys on tables of 8 buckets, and must find each
 * other's rows and agree on every key's bucket.
 */
class LakeTableInteropITCase extends InteropTestBase {
  private static final String LAKE = LakeTableChecks.LAKE;

  private static LakeTableChecks checks() {
    return new LakeTableChecks(connection, bootstrap(), db);
  }

  /**
   * Bucket key = primary key: the key sent with PutKv and Lookup is lake-encoded too (Paimon: a
   * two-column BinaryRow; Iceberg buckets by one column only, so its table has a one-column key).
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"paimon", "iceberg"})
  void primaryKeyTableWithDefaultBucketKey(String lake) throws Exception {
    List<String> pk = lake.equals("iceberg") ? List.of("k2") : List.of("k1", "k2");
    checks().checkPrimaryKeyTable(lake, "pk_default_" + lake, pk, List.of());
  }

  /**
   * Bucket key a prefix of the primary key (kv format version 2): compacted primary keys, lake
   * bucket keys, and prefix lookups by the bucket key.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"paimon", "iceberg"})
  void primaryKeyTableWithPrefixBucketKey(String lake) throws Exception {
    checks().checkPrimaryKeyTable(lake, "pk_prefix_" + lake, List.of("k1", "k2"), List.of("k1"));
  }

  /**
   * Partitioned: the partition column is left out of the stored key and the bucket key (Iceberg
   * then buckets by its one column {@code k}); each client finds every row the other wrote, which
   * needs both the bucket and the key bytes to agree.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"paimon", "iceberg"})
  void partitionedPrimaryKeyTable(String lake) throws Exception {
    String name = "pk_partitioned_" + lake;
    TablePath path = TablePath.of(db, name);
    Schema schema =
        Schema.newBuilder()
            .column("k", DataTypes.STRING().notNull())
            .column("dt", DataTypes.STRING().notNull())
            .column("writer", DataTypes.STRING())
            .primaryKey("k", "dt")
            .build();
    connection
        .getAdmin()
        .createTable(
            path,
            TableDescriptor.builder()
                .schema(schema)
                .distributedBy(LakeTableChecks.BUCKETS)
                .partitionedBy("dt")
                .property(LAKE, lake)
                .build(),
            false);
    for (String dt : List.of("2026-12-02", "2026-12-03")) {
      connection.getAdmin().createPartition(path, PartitionSpec.of("dt", dt), false);
    }
    int keys = 60;
    List<List<Object>> ours = new ArrayList<>();
    List<List<Object>> theirs = new ArrayList<>();
    List<List<Object>> expected = new ArrayList<>();
    List<List<Object>> lookupKeys = new ArrayList<>();
    for (int i = 0; i < keys; i++) {
      String k = "key-" + i * 7919;
      String dt = i % 2 == 0 ? "2026-12-02" : "2026-12-03";
      List<Object> row = List.of(k, dt, i % 3 == 0 ? "official" : "fluss-java");
      (i % 3 == 0 ? theirs : ours).add(row);
      expected.add(row);
      lookupKeys.add(List.of(k, dt));
    }
    Table table = connection.getTable(path);
    try (UpsertWriter writer = table.newUpsert().createWriter()) {
      for (List<Object> row : ours) {
        writer.upsert(row);
      }
      writer.flush();
    }
    OfficialClient.upsert(bootstrap(), db, name, theirs);
    try (Lookuper lookuper = table.newLookup().createLookuper()) {
      assertThat(lookuper.lookupAll(lookupKeys)).as("fluss-java lookups").isEqualTo(expected);
    }
    assertThat(OfficialClient.lookup(bootstrap(), db, name, lookupKeys))
        .as("official lookups")
        .isEqualTo(expected);
  }

  /** Paimon buckets by any number of columns: one table with a bucket key of every scalar type. */
  @Test
  void paimonLogTableWithABucketKeyOfEveryScalarType() throws Exception {
    Schema scalars = InteropSupport.addScalarColumns(Schema.newBuilder()).build();
    List<String> columns = scalars.getColumnNames();
    BucketingInteropITCase.checkLogTable(
        "log_paimon_all_types",
        Map.of(LAKE, "paimon"),
        columns,
        i -> InteropSupport.officialArrowReadable(InteropSupport.scalarValues(i, 13L)),
        scalars.getColumns().stream().map(Schema.Column::getDataType).toArray(DataType[]::new));
  }

  /** Iceberg buckets by one column: a table per key type Iceberg can hash. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "c_int",
        "c_bigint",
        "c_float",
        "c_double",
        "c_dec10",
        "c_dec38",
        "c_char",
        "c_string",
        "c_binary",
        "c_bytes",
        "c_date",
        "c_time",
        "c_ts3",
        "c_ts9"
      })
  void icebergLogTableWithABucketKeyOfEachType(String column) throws Exception {
    Schema scalars = InteropSupport.addScalarColumns(Schema.newBuilder()).build();
    int index = scalars.getColumnNames().indexOf(column);
    BucketingInteropITCase.checkLogTable(
        "log_iceberg_" + column,
        Map.of(LAKE, "iceberg"),
        List.of(column),
        i -> List.of(icebergKeyValue(index, i)),
        scalars.getColumns().get(index).getDataType());
  }

  /**
   * A value of scalar column {@code index} for key {@code i}: the first of the test rows from
   * {@code i} on that Iceberg can hash (not null, not empty).
   */
  private static Object icebergKeyValue(int index, int i) {
    for (int r = i; ; r += LakeTableChecks.KEYS) {
      Object v =
          InteropSupport.officialArrowReadable(InteropSupport.scalarValues(r, 29L)).get(index);
      boolean empty =
          v instanceof String s && s.isEmpty() || v instanceof byte[] b && b.length == 0;
      if (v != null && !empty) {
        return v;
      }
    }
  }
}
