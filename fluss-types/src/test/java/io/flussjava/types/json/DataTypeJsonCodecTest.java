package io.flussjava.types.json;

import static io.flussjava.types.DataTypes.FIELD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flussjava.types.DataField;
import io.flussjava.types.DataType;
import io.flussjava.types.DataTypes;
import io.flussjava.types.RowType;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataTypeJsonCodecTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static JsonNode parse(String json) throws Exception {
    return MAPPER.readTree(json);
  }

  private static String write(DataType type) {
    return DataTypeJsonCodec.toJson(type).toString();
  }

  @Test
  void writesTheServerFormat() {
    assertThat(write(DataTypes.INT())).isEqualTo("{\"type\":\"INTEGER\"}");
    assertThat(write(DataTypes.INT().notNull()))
        .isEqualTo("{\"type\":\"INTEGER\",\"nullable\":false}");
    assertThat(write(DataTypes.DECIMAL(10, 2)))
        .isEqualTo("{\"type\":\"DECIMAL\",\"precision\":10,\"scale\":2}");
    assertThat(write(DataTypes.CHAR(3))).isEqualTo("{\"type\":\"CHAR\",\"length\":3}");
    assertThat(write(DataTypes.BINARY(4).notNull()))
        .isEqualTo("{\"type\":\"BINARY\",\"nullable\":false,\"length\":4}");
    assertThat(write(DataTypes.TIME()))
        .isEqualTo("{\"type\":\"TIME_WITHOUT_TIME_ZONE\",\"precision\":0}");
    assertThat(write(DataTypes.TIMESTAMP(3)))
        .isEqualTo("{\"type\":\"TIMESTAMP_WITHOUT_TIME_ZONE\",\"precision\":3}");
    assertThat(write(DataTypes.TIMESTAMP_LTZ()))
        .isEqualTo("{\"type\":\"TIMESTAMP_WITH_LOCAL_TIME_ZONE\",\"precision\":6}");
    assertThat(write(DataTypes.ARRAY(DataTypes.STRING().notNull())))
        .isEqualTo(
            "{\"type\":\"ARRAY\",\"element_type\":{\"type\":\"STRING\",\"nullable\":false}}");
    assertThat(write(DataTypes.MAP(DataTypes.STRING(), DataTypes.BIGINT())))
        .isEqualTo(
            "{\"type\":\"MAP\",\"key_type\":{\"type\":\"STRING\"},\"value_type\":{\"type\":\"BIGINT\"}}");
    RowType row =
        new RowType(
            List.of(
                new DataField("a", DataTypes.INT(), null, 3),
                new DataField("b", DataTypes.STRING(), "bee", 4)));
    assertThat(write(row))
        .isEqualTo(
            "{\"type\":\"ROW\",\"fields\":["
                + "{\"name\":\"a\",\"field_type\":{\"type\":\"INTEGER\"},\"field_id\":3},"
                + "{\"name\":\"b\",\"field_type\":{\"type\":\"STRING\"},\"description\":\"bee\",\"field_id\":4}]}");
  }

  @Test
  void everyTypeRoundTripsNullableAndNotNull() {
    List<DataType> types =
        List.of(
            DataTypes.BOOLEAN(),
            DataTypes.TINYINT(),
            DataTypes.SMALLINT(),
            DataTypes.INT(),
            DataTypes.BIGINT(),
            DataTypes.FLOAT(),
            DataTypes.DOUBLE(),
            DataTypes.DECIMAL(38, 10),
            DataTypes.CHAR(7),
            DataTypes.STRING(),
            DataTypes.BINARY(9),
            DataTypes.BYTES(),
            DataTypes.DATE(),
            DataTypes.TIME(3),
            DataTypes.TIMESTAMP(9),
            DataTypes.TIMESTAMP_LTZ(0),
            DataTypes.ARRAY(DataTypes.ARRAY(DataTypes.INT().notNull())),
            DataTypes.MAP(
                DataTypes.STRING().notNull(), DataTypes.ROW(FIELD("x", DataTypes.DOUBLE()))),
            DataTypes.ROW(
                FIELD("a", DataTypes.INT(), "desc"),
                FIELD("m", DataTypes.MAP(DataTypes.INT(), DataTypes.DATE())),
                FIELD(
                    "r",
                    DataTypes.ROW(FIELD("deep", DataTypes.TIMESTAMP_LTZ(3).notNull())).notNull())));
    for (DataType type : types) {
      for (DataType variant : List.of(type, type.notNull())) {
        assertThat(DataTypeJsonCodec.fromJson(DataTypeJsonCodec.toJson(variant)))
            .isEqualTo(variant);
      }
    }
  }

  @Test
  void rowFieldIdsRoundTrip() {
    RowType row = new RowType(List.of(new DataField("a", DataTypes.INT(), null, 11)));
    RowType read = (RowType) DataTypeJsonCodec.fromJson(DataTypeJsonCodec.toJson(row));
    assertThat(read.getFields().get(0).getFieldId()).isEqualTo(11);
  }

  @Test
  void readsLeniently() throws Exception {
    assertThat(DataTypeJsonCodec.fromJson(parse("{\"type\":\"BIGINT\",\"future_key\":[1,2]}")))
        .isEqualTo(DataTypes.BIGINT());
    assertThat(DataTypeJsonCodec.fromJson(parse("{\"type\":\"BIGINT\",\"nullable\":true}")))
        .isEqualTo(DataTypes.BIGINT());
    RowType row =
        (RowType)
            DataTypeJsonCodec.fromJson(
                parse(
                    "{\"type\":\"ROW\",\"fields\":[{\"name\":\"a\",\"field_type\":{\"type\":\"INTEGER\"}}]}"));
    assertThat(row.getFields().get(0).getFieldId()).isEqualTo(DataField.UNASSIGNED_ID);
  }

  @Test
  void rejectsMalformedTypes() throws Exception {
    assertThatThrownBy(() -> DataTypeJsonCodec.fromJson(parse("{\"type\":\"VARCHAR\"}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown data type 'VARCHAR'");
    assertThatThrownBy(
            () -> DataTypeJsonCodec.fromJson(parse("{\"type\":\"DECIMAL\",\"precision\":5}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("missing 'scale'");
    assertThatThrownBy(
            () -> DataTypeJsonCodec.fromJson(parse("{\"type\":\"TIMESTAMP_WITHOUT_TIME_ZONE\"}")))
        .hasMessageContaining("missing 'precision'");
    assertThatThrownBy(() -> DataTypeJsonCodec.fromJson(parse("{\"nullable\":false}")))
        .hasMessageContaining("missing 'type'");
    assertThatThrownBy(() -> DataTypeJsonCodec.fromJson(parse("[1]")))
        .hasMessageContaining("JSON object");
  }
}
