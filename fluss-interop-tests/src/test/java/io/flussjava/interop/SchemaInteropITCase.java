package io.flussjava.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.flussjava.client.Connection;
import io.flussjava.client.admin.Admin;
import io.flussjava.client.admin.DatabaseDescriptor;
import io.flussjava.client.admin.TableDescriptor;
import io.flussjava.client.admin.TableInfo;
import io.flussjava.client.admin.TablePath;
import io.flussjava.config.Configuration;
import io.flussjava.testkit.FlussClusterExtension;
import io.flussjava.testkit.FlussClusterTest;
import io.flussjava.types.DataTypes;
import io.flussjava.types.Schema;
import io.flussjava.types.json.SchemaJsonCodec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tables created by one client are read with the same schema and layout by the other. */
@FlussClusterTest
class SchemaInteropITCase {
  private static Connection connection;
  private static String bootstrap;

  @BeforeAll
  static void connect() {
    bootstrap = FlussClusterExtension.sharedCluster().bootstrapServers();
    Configuration conf = new Configuration();
    conf.setString("bootstrap.servers", bootstrap);
    connection = Connection.create(conf);
  }

  @AfterAll
  static void close() {
    connection.close();
  }

  private static List<String> ourColumnSummaries(Schema schema) {
    return schema.getColumns().stream()
        .map(
            c ->
                c.getName()
                    + " "
                    + c.getDataType()
                    + c.getComment().map(x -> " '" + x + "'").orElse(""))
        .toList();
  }

  @Test
  void tableCreatedByFlussJavaIsReadIdenticallyByTheOfficialClient() throws Exception {
    Admin admin = connection.getAdmin();
    admin.createDatabase("interop_ours", DatabaseDescriptor.EMPTY, true);
    Schema schema =
        Schema.newBuilder()
            .column("id", DataTypes.BIGINT())
            .column("dt", DataTypes.STRING())
            .column("c_decimal", DataTypes.DECIMAL(12, 3), "money")
            .column("c_ts", DataTypes.TIMESTAMP(3))
            .column("c_ltz", DataTypes.TIMESTAMP_LTZ(6))
            .column("c_time", DataTypes.TIME())
            .column("c_date", DataTypes.DATE())
            .column("c_bytes", DataTypes.BYTES())
            .column("c_binary", DataTypes.BINARY(8))
            .column("c_char", DataTypes.CHAR(3))
            .column("c_flags", DataTypes.ARRAY(DataTypes.BOOLEAN()))
            .column("c_attrs", DataTypes.MAP(DataTypes.STRING().notNull(), DataTypes.FLOAT()))
            .column(
                "c_point",
                DataTypes.ROW(
                    DataTypes.FIELD("x", DataTypes.DOUBLE()),
                    DataTypes.FIELD("y", DataTypes.DOUBLE())))
            .column("c_small", DataTypes.SMALLINT())
            .column("c_tiny", DataTypes.TINYINT())
            .primaryKey("id", "dt")
            .build();
    TablePath path = TablePath.of("interop_ours", "all_types");
    admin.createTable(
        path,
        TableDescriptor.builder()
            .schema(schema)
            .partitionedBy("dt")
            .distributedBy(3, "id")
            .comment("made by fluss-java")
            .customProperty("creator", "fluss-java")
            .build(),
        false);

    Map<String, Object> theirs =
        OfficialClient.describeTable(bootstrap, "interop_ours", "all_types");
    assertThat(OfficialClient.columnSummaries(theirs)).isEqualTo(ourColumnSummaries(schema));
    assertThat(theirs.get("primaryKey")).isEqualTo(List.of("id", "dt"));
    assertThat(theirs.get("partitionKeys")).isEqualTo(List.of("dt"));
    assertThat(theirs.get("bucketKeys")).isEqualTo(List.of("id"));
    assertThat(theirs.get("numBuckets")).isEqualTo(3);
    assertThat(theirs.get("comment")).isEqualTo("made by fluss-java");
    assertThat(theirs.get("customProperties")).isEqualTo(Map.of("creator", "fluss-java"));
    Schema parsed =
        SchemaJsonCodec.fromJson(new ObjectMapper().readTree((String) theirs.get("schemaJson")));
    assertThat(parsed).isEqualTo(schema);
  }

  @Test
  void tableCreatedByTheOfficialClientIsReadIdenticallyByFlussJava() throws Exception {
    connection.getAdmin().createDatabase("interop_theirs", DatabaseDescriptor.EMPTY, true);
    Map<String, Object> theirs =
        OfficialClient.createAllTypesTable(bootstrap, "interop_theirs", "all_types");

    TableInfo ours =
        connection.getAdmin().getTableInfo(TablePath.of("interop_theirs", "all_types"));
    assertThat(ourColumnSummaries(ours.getSchema()))
        .isEqualTo(OfficialClient.columnSummaries(theirs));
    assertThat(ours.getPrimaryKeys()).isEqualTo(theirs.get("primaryKey"));
    assertThat(ours.getBucketKeys()).isEqualTo(theirs.get("bucketKeys"));
    assertThat(ours.getNumBuckets()).isEqualTo(theirs.get("numBuckets"));
    assertThat(ours.getTableId()).isEqualTo(theirs.get("tableId"));
    assertThat(ours.getComment()).contains("created by the official client");
    assertThat(ours.getCustomProperties()).containsEntry("creator", "official");
    assertThat(ours.getProperties()).isEqualTo(theirs.get("properties"));
    Schema parsed =
        SchemaJsonCodec.fromJson(new ObjectMapper().readTree((String) theirs.get("schemaJson")));
    assertThat(ours.getSchema()).isEqualTo(parsed);
  }
}
