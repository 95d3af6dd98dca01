package io.flussjava.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flussjava.client.admin.DatabaseDescriptor;
import io.flussjava.client.admin.TableDescriptor;
import io.flussjava.exception.FlussException;
import io.flussjava.types.json.SchemaJsonCodec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The JSON forms of database and table descriptors exactly as the Fluss server stores and returns
 * them ({@code database_json}, {@code table_json}). Reads leniently: unknown keys are ignored.
 */
public final class DescriptorJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int VERSION = 1;

  private DescriptorJson() {}

  public static byte[] databaseToJson(DatabaseDescriptor d) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("version", VERSION);
    d.getComment().ifPresent(c -> root.put("comment", c));
    root.set("custom_properties", stringMap(d.getCustomProperties()));
    return write(root);
  }

  public static DatabaseDescriptor databaseFromJson(byte[] json) {
    JsonNode root = read(json, "database");
    DatabaseDescriptor.Builder b = DatabaseDescriptor.builder();
    if (root.hasNonNull("comment")) {
      b.comment(root.get("comment").asText());
    }
    readStringMap(root.get("custom_properties")).forEach(b::customProperty);
    return b.build();
  }

  public static byte[] tableToJson(TableDescriptor d) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("version", VERSION);
    root.set("schema", SchemaJsonCodec.toJson(d.getSchema()));
    d.getComment().ifPresent(c -> root.put("comment", c));
    root.set("partition_key", stringArray(d.getPartitionKeys()));
    // The server reads bucket_key whenever a distribution is given; an empty list means "default
    // keys".
    if (d.getBucketCount().isPresent() || !d.getBucketKeys().isEmpty()) {
      root.set("bucket_key", stringArray(d.getBucketKeys()));
    }
    d.getBucketCount().ifPresent(n -> root.put("bucket_count", n));
    root.set("properties", stringMap(d.getProperties()));
    root.set("custom_properties", stringMap(d.getCustomProperties()));
    return write(root);
  }

  public static TableDescriptor tableFromJson(byte[] json) {
    JsonNode root = read(json, "table");
    TableDescriptor.Builder b =
        TableDescriptor.builder().schema(SchemaJsonCodec.fromJson(root.get("schema")));
    b.partitionedBy(readStringList(root.get("partition_key")));
    if (root.hasNonNull("bucket_count")) {
      b.distributedBy(root.get("bucket_count").asInt(), readStringList(root.get("bucket_key")));
    }
    if (root.hasNonNull("comment")) {
      b.comment(root.get("comment").asText());
    }
    readStringMap(root.get("properties")).forEach(b::property);
    readStringMap(root.get("custom_properties")).forEach(b::customProperty);
    return b.build();
  }

  private static ArrayNode stringArray(List<String> values) {
    ArrayNode a = MAPPER.createArrayNode();
    values.forEach(a::add);
    return a;
  }

  private static ObjectNode stringMap(Map<String, String> map) {
    ObjectNode o = MAPPER.createObjectNode();
    map.forEach(o::put);
    return o;
  }

  private static List<String> readStringList(JsonNode node) {
    List<String> out = new ArrayList<>();
    if (node != null) {
      node.forEach(n -> out.add(n.asText()));
    }
    return out;
  }

  private static Map<String, String> readStringMap(JsonNode node) {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    if (node != null) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        out.put(e.getKey(), e.getValue().asText());
      }
    }
    return out;
  }

  private static byte[] write(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new FlussException("cannot serialize descriptor to JSON", e);
    }
  }

  private static JsonNode read(byte[] json, String what) {
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      throw new FlussException("the server sent " + what + " JSON this client cannot parse", e);
    }
  }
}
