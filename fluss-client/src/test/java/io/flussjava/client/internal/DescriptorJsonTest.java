package io.flussjava.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flussjava.client.admin.DatabaseDescriptor;
import io.flussjava.client.admin.TableDescriptor;
import io.flussjava.types.DataTypes;
import io.flussjava.types.Schema;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DescriptorJsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void databaseJsonHasTheServersShape() throws Exception {
    DatabaseDescriptor d =
        DatabaseDescriptor.builder().comment("c").customProperty("owner", "me").build();
    JsonNode json = MAPPER.readTree(DescriptorJson.databaseToJson(d));
    assertThat(json.get("version").asInt()).isEqualTo(1);
    assertThat(json.get("comment").asText()).isEqualTo("c");
    assertThat(json.get("custom_properties").get("owner").asText()).isEqualTo("me");
    assertThat(DescriptorJson.databaseFromJson(DescriptorJson.databaseToJson(d))).isEqualTo(d);
    assertThat(DescriptorJson.databaseFromJson("{\"version\":1}".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(DatabaseDescriptor.EMPTY);
  }

  @Test
  void tableJsonHasTheServersShapeAndRoundTrips() throws Exception {
    Schema schema =
        Schema.newBuilder()
            .column("id", DataTypes.BIGINT())
            .column("name", DataTypes.STRING(), "the name")
            .primaryKey("id")
            .build();
    TableDescriptor d =
        TableDescriptor.builder()
            .schema(schema)
            .distributedBy(4, "id")
            .property("table.log.format", "ARROW")
            .customProperty("k", "v")
            .comment("t")
            .build();
    JsonNode json = MAPPER.readTree(DescriptorJson.tableToJson(d));
    assertThat(json.get("version").asInt()).isEqualTo(1);
    assertThat(json.get("partition_key").isArray()).isTrue();
    assertThat(json.get("partition_key")).isEmpty();
    assertThat(json.get("bucket_key").get(0).asText()).isEqualTo("id");
    assertThat(json.get("bucket_count").asInt()).isEqualTo(4);
    assertThat(json.get("properties").get("table.log.format").asText()).isEqualTo("ARROW");
    assertThat(json.get("custom_properties").get("k").asText()).isEqualTo("v");
    assertThat(json.get("comment").asText()).isEqualTo("t");
    JsonNode columns = json.get("schema").get("columns");
    assertThat(columns.get(0).get("data_type").get("type").asText()).isEqualTo("BIGINT");
    assertThat(columns.get(0).get("data_type").get("nullable").asBoolean()).isFalse();
    assertThat(json.get("schema").get("primary_key").get(0).asText()).isEqualTo("id");

    assertThat(DescriptorJson.tableFromJson(DescriptorJson.tableToJson(d))).isEqualTo(d);
  }
}
