package io.flussjava.types.json;

import static io.flussjava.types.DataTypes.FIELD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.flussjava.types.DataTypes;
import io.flussjava.types.RowType;
import io.flussjava.types.Schema;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaJsonCodecTest {

  private static Schema small() {
    return Schema.newBuilder()
        .column("id", DataTypes.INT())
        .column("name", DataTypes.STRING(), "who")
        .primaryKey("id")
        .build();
  }

  @Test
  void writesExactlyTheServerJson() {
    assertThat(SchemaJsonCodec.toJson(small()).toString())
        .isEqualTo(
            "{\"version\":1,\"columns\":["
                + "{\"name\":\"id\",\"data_type\":{\"type\":\"INTEGER\",\"nullable\":false},\"id\":0},"
                + "{\"name\":\"name\",\"data_type\":{\"type\":\"STRING\"},\"comment\":\"who\",\"id\":1}],"
                + "\"primary_key\":[\"id\"],\"highest_field_id\":1}");
  }

  @Test
  void logTableOmitsPrimaryKey() {
    Schema log = Schema.newBuilder().column("v", DataTypes.BYTES()).build();
    assertThat(SchemaJsonCodec.toJson(log).toString())
        .isEqualTo(
            "{\"version\":1,\"columns\":[{\"name\":\"v\",\"data_type\":{\"type\":\"BYTES\"},\"id\":0}],"
                + "\"highest_field_id\":0}");
  }

  @Test
  void roundTripsIncludingNestedIdsAndAutoIncrement() {
    Schema schema =
        Schema.newBuilder()
            .column("id", DataTypes.BIGINT())
            .column("seq", DataTypes.INT())
            .column("tags", DataTypes.ARRAY(DataTypes.STRING()))
            .column(
                "addr",
                DataTypes.ROW(FIELD("city", DataTypes.STRING()), FIELD("zip", DataTypes.CHAR(5))))
            .column("attrs", DataTypes.MAP(DataTypes.STRING().notNull(), DataTypes.DECIMAL(12, 4)))
            .primaryKey("id")
            .enableAutoIncrement("seq")
            .build();
    Schema read = SchemaJsonCodec.fromBytes(SchemaJsonCodec.toBytes(schema));
    assertThat(read).isEqualTo(schema);
    assertThat(read.getHighestFieldId()).isEqualTo(6);
    RowType addr = (RowType) read.getColumns().get(3).getDataType();
    assertThat(addr.getFields().get(1).getFieldId()).isEqualTo(5);
    assertThat(SchemaJsonCodec.toJson(schema).get("auto_increment_column").toString())
        .isEqualTo("[\"seq\"]");
  }

  @Test
  void readsWhatTheServerSends() {
    // Shape of a GetTableSchema answer from a 0.9.1 server, plus a key this client does not know.
    String json =
        "{\"version\":1,\"columns\":[{\"name\":\"id\",\"data_type\":{\"type\":\"INTEGER\","
            + "\"nullable\":false},\"id\":0},{\"name\":\"total\",\"data_type\":{\"type\":\"BIGINT\"},"
            + "\"agg_function\":{\"type\":\"sum\"},\"id\":3}],\"primary_key\":[\"id\"],\"highest_field_id\":5}";
    Schema schema = SchemaJsonCodec.fromBytes(json.getBytes(StandardCharsets.UTF_8));
    assertThat(schema.getColumnNames()).containsExactly("id", "total");
    assertThat(schema.getColumns()).extracting(Schema.Column::getColumnId).containsExactly(0, 3);
    assertThat(schema.getHighestFieldId()).isEqualTo(5);
    assertThat(schema.getPrimaryKey()).contains(List.of("id"));
  }

  @Test
  void numbersColumnsWithoutIdsAndInfersTheHighestId() throws Exception {
    String json =
        "{\"columns\":[{\"name\":\"a\",\"data_type\":{\"type\":\"INTEGER\"}},"
            + "{\"name\":\"b\",\"data_type\":{\"type\":\"STRING\"}}]}";
    Schema schema = SchemaJsonCodec.fromJson(new ObjectMapper().readTree(json));
    assertThat(schema.getColumns()).extracting(Schema.Column::getColumnId).containsExactly(0, 1);
    assertThat(schema.getHighestFieldId()).isEqualTo(1);
  }

  @Test
  void rejectsBrokenJson() {
    assertThatThrownBy(() -> SchemaJsonCodec.fromBytes("{".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not valid JSON");
    assertThatThrownBy(
            () -> SchemaJsonCodec.fromBytes("{\"version\":1}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("missing 'columns'");
  }
}
