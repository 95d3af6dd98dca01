package io.flussjava.interop.official;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.fluss.client.Connection;
import org.apache.fluss.client.ConnectionFactory;
import org.apache.fluss.client.admin.Admin;
import org.apache.fluss.config.Configuration;
import org.apache.fluss.metadata.Schema;
import org.apache.fluss.metadata.TableDescriptor;
import org.apache.fluss.metadata.TableInfo;
import org.apache.fluss.metadata.TablePath;
import org.apache.fluss.types.DataTypes;

/**
 * Runs inside the isolated class loader next to the official client. Takes and returns JDK types only, so the
 * test side never touches an official class: {@code apply(new Object[] {command, args...})}.
 */
public final class OfficialClientBridge implements Function<Object[], Object> {

  @Override
  public Object apply(Object[] call) {
    String command = (String) call[0];
    try (Connection connection = connect((String) call[1])) {
      Admin admin = connection.getAdmin();
      TablePath path = TablePath.of((String) call[2], (String) call[3]);
      switch (command) {
        case "describeTable":
          return describe(admin.getTableInfo(path).get());
        case "createAllTypesTable":
          admin.createTable(path, allTypesDescriptor(), false).get();
          return describe(admin.getTableInfo(path).get());
        default:
          throw new IllegalArgumentException("unknown bridge command " + command);
      }
    } catch (Exception e) {
      // Only JDK exception types may cross the loader boundary.
      throw new IllegalStateException("official client failed: " + e, e);
    }
  }

  private static Connection connect(String bootstrap) {
    Configuration conf = new Configuration();
    conf.setString("bootstrap.servers", bootstrap);
    return ConnectionFactory.createConnection(conf);
  }

  private static TableDescriptor allTypesDescriptor() {
    Schema schema =
        Schema.newBuilder()
            .column("id", DataTypes.INT())
            .column("c_boolean", DataTypes.BOOLEAN())
            .column("c_tinyint", DataTypes.TINYINT())
            .column("c_smallint", DataTypes.SMALLINT())
            .column("c_bigint", DataTypes.BIGINT())
            .column("c_float", DataTypes.FLOAT())
            .column("c_double", DataTypes.DOUBLE())
            .column("c_decimal", DataTypes.DECIMAL(10, 2))
            .column("c_decimal_big", DataTypes.DECIMAL(38, 18))
            .column("c_char", DataTypes.CHAR(5))
            .column("c_string", DataTypes.STRING())
            .withComment("a string column")
            .column("c_binary", DataTypes.BINARY(4))
            .column("c_bytes", DataTypes.BYTES())
            .column("c_date", DataTypes.DATE())
            .column("c_time", DataTypes.TIME())
            .column("c_ts", DataTypes.TIMESTAMP())
            .column("c_ts3", DataTypes.TIMESTAMP(3))
            .column("c_ltz", DataTypes.TIMESTAMP_LTZ())
            .column("c_ltz9", DataTypes.TIMESTAMP_LTZ(9))
            .column("c_array", DataTypes.ARRAY(DataTypes.STRING()))
            .column("c_map", DataTypes.MAP(DataTypes.INT().copy(false), DataTypes.DOUBLE()))
            .column("c_row", DataTypes.ROW(DataTypes.FIELD("a", DataTypes.INT()), DataTypes.FIELD("b", DataTypes.STRING())))
            .primaryKey("id")
            .build();
    return TableDescriptor.builder()
        .schema(schema)
        .distributedBy(2, "id")
        .comment("created by the official client")
        .customProperty("creator", "official")
        .build();
  }

  private static Map<String, Object> describe(TableInfo info) {
    Map<String, Object> out = new LinkedHashMap<>();
    Schema schema = info.getSchema();
    List<String> columns = new ArrayList<>();
    for (Schema.Column c : schema.getColumns()) {
      columns.add(c.getName() + " " + c.getDataType().asSummaryString() + c.getComment().map(x -> " '" + x + "'").orElse(""));
    }
    out.put("columns", columns);
    out.put("schemaJson", new String(schema.toJsonBytes(), StandardCharsets.UTF_8));
    out.put("primaryKey", new ArrayList<>(info.getPrimaryKeys()));
    out.put("numBuckets", info.getNumBuckets());
    out.put("bucketKeys", new ArrayList<>(info.getBucketKeys()));
    out.put("partitionKeys", new ArrayList<>(info.getPartitionKeys()));
    out.put("properties", new LinkedHashMap<>(info.getProperties().toMap()));
    out.put("customProperties", new LinkedHashMap<>(info.getCustomProperties().toMap()));
    out.put("comment", info.getComment().orElse(null));
    out.put("tableId", info.getTableId());
    return out;
  }
}
