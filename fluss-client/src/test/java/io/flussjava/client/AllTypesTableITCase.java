package io.flussjava.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.flussjava.client.admin.Admin;
import io.flussjava.client.admin.DatabaseDescriptor;
import io.flussjava.client.admin.TableDescriptor;
import io.flussjava.client.admin.TableInfo;
import io.flussjava.client.admin.TablePath;
import io.flussjava.types.DataTypes;
import io.flussjava.types.Schema;
import org.junit.jupiter.api.Test;

/**
 * A table with a column of every Fluss type reads back with exactly the schema it was created with.
 */
class AllTypesTableITCase extends ClientTestBase {

  static Schema allTypesSchema() {
    return Schema.newBuilder()
        .column("c_boolean", DataTypes.BOOLEAN())
        .column("c_tinyint", DataTypes.TINYINT())
        .column("c_smallint", DataTypes.SMALLINT())
        .column("c_int", DataTypes.INT().notNull(), "an int that must be set")
        .column("c_bigint", DataTypes.BIGINT())
        .column("c_float", DataTypes.FLOAT())
        .column("c_double", DataTypes.DOUBLE())
        .column("c_decimal", DataTypes.DECIMAL(10, 2))
        .column("c_decimal_big", DataTypes.DECIMAL(38, 18))
        .column("c_char", DataTypes.CHAR(5))
        .column("c_string", DataTypes.STRING())
        .column("c_binary", DataTypes.BINARY(4))
        .column("c_bytes", DataTypes.BYTES())
        .column("c_date", DataTypes.DATE())
        .column("c_time", DataTypes.TIME())
        .column("c_time3", DataTypes.TIME(3))
        .column("c_ts", DataTypes.TIMESTAMP())
        .column("c_ts3", DataTypes.TIMESTAMP(3))
        .column("c_ts9", DataTypes.TIMESTAMP(9))
        .column("c_ltz", DataTypes.TIMESTAMP_LTZ())
        .column("c_ltz3", DataTypes.TIMESTAMP_LTZ(3))
        .column("c_array", DataTypes.ARRAY(DataTypes.INT()))
        .column("c_map", DataTypes.MAP(DataTypes.STRING().notNull(), DataTypes.BIGINT()))
        .column(
            "c_row",
            DataTypes.ROW(
                DataTypes.FIELD("x", DataTypes.INT()),
                DataTypes.FIELD("y", DataTypes.STRING(), "why")))
        .build();
  }

  @Test
  void everyTypeRoundTripsThroughGetTableInfo() {
    Admin admin = connection.getAdmin();
    String db = uniqueName("types_db");
    admin.createDatabase(db, DatabaseDescriptor.EMPTY, false);
    TablePath path = TablePath.of(db, "all_types");
    admin.createTable(
        path, TableDescriptor.builder().schema(allTypesSchema()).distributedBy(1).build(), false);

    TableInfo info = admin.getTableInfo(path);
    assertThat(info.getSchema()).isEqualTo(allTypesSchema());
    assertThat(info.getSchema().getColumns().get(3).getComment())
        .contains("an int that must be set");
    assertThat(info.getSchema().getColumns().get(3).getDataType().isNullable()).isFalse();
    assertThat(connection.getTable(path).getTableInfo().getSchema()).isEqualTo(allTypesSchema());
  }
}
