package io.flussjava.types.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flussjava.types.DataField;
import io.flussjava.types.Schema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The server's JSON form of a {@link Schema}, as carried by GetTableSchema and embedded under
 * {@code "schema"} in the table descriptor JSON:
 *
 * <pre>{@code
 * {"version":1,
 *  "columns":[{"name":"id","data_type":{"type":"INTEGER","nullable":false},"comment":"c","id":0}, ...],
 *  "primary_key":["id"],              (only for primary-key tables)
 *  "auto_increment_column":["seq"],   (only when there is one)
 *  "highest_field_id":1}
 * }</pre>
 *
 * <p>Reading is lenient: unknown keys (such as a column's {@code agg_function}) are ignored,
 * columns without ids are numbered in order, and a missing {@code highest_field_id} becomes the
 * largest id in use.
 *
 * <p>For fluss-java's own modules; not an API for applications, and it may change without notice.
 */
public final class SchemaJsonCodec {
  static final String VERSION = "version";
  static final String COLUMNS = "columns";
  static final String PRIMARY_KEY = "primary_key";
  static final String AUTO_INCREMENT_COLUMN = "auto_increment_column";
  static final String HIGHEST_FIELD_ID = "highest_field_id";
  static final String COLUMN_NAME = "name";
  static final String COLUMN_TYPE = "data_type";
  static final String COLUMN_COMMENT = "comment";
  static final String COLUMN_ID = "id";

  /** The only schema JSON version the 0.9 server writes. */
  static final int CURRENT_VERSION = 1;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private SchemaJsonCodec() {}

  /** The JSON object for {@code schema}, ready to embed in a table descriptor. */
  public static ObjectNode toJson(Schema schema) {
    ObjectNode node = NODES.objectNode();
    node.put(VERSION, CURRENT_VERSION);
    ArrayNode columns = node.putArray(COLUMNS);
    for (Schema.Column column : schema.getColumns()) {
      ObjectNode columnNode = columns.addObject();
      columnNode.put(COLUMN_NAME, column.getName());
      columnNode.set(COLUMN_TYPE, DataTypeJsonCodec.toJson(column.getDataType()));
      column.getComment().ifPresent(comment -> columnNode.put(COLUMN_COMMENT, comment));
      columnNode.put(COLUMN_ID, column.getColumnId());
    }
    schema.getPrimaryKey().ifPresent(key -> addStrings(node.putArray(PRIMARY_KEY), key));
    if (!schema.getAutoIncrementColumnNames().isEmpty()) {
      addStrings(node.putArray(AUTO_INCREMENT_COLUMN), schema.getAutoIncrementColumnNames());
    }
    node.put(HIGHEST_FIELD_ID, schema.getHighestFieldId());
    return node;
  }

  /** UTF-8 JSON bytes of {@code schema}. */
  public static byte[] toBytes(Schema schema) {
    try {
      return MAPPER.writeValueAsBytes(toJson(schema));
    } catch (IOException e) {
      // Writing a tree we built ourselves into memory cannot fail.
      throw new IllegalStateException("cannot write schema JSON", e);
    }
  }

  /**
   * The schema described by {@code node}.
   *
   * @throws IllegalArgumentException if the JSON is not a valid schema
   */
  public static Schema fromJson(JsonNode node) {
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("a schema must be a JSON object, got " + node);
    }
    JsonNode columnNodes = DataTypeJsonCodec.required(node, COLUMNS);
    if (!columnNodes.isArray()) {
      throw new IllegalArgumentException("'" + COLUMNS + "' must be an array in " + node);
    }
    List<Schema.Column> columns = new ArrayList<>(columnNodes.size());
    for (JsonNode column : columnNodes) {
      JsonNode comment = column.get(COLUMN_COMMENT);
      JsonNode id = column.get(COLUMN_ID);
      columns.add(
          new Schema.Column(
              DataTypeJsonCodec.requiredText(column, COLUMN_NAME),
              DataTypeJsonCodec.fromJson(DataTypeJsonCodec.required(column, COLUMN_TYPE)),
              comment == null || comment.isNull() ? null : comment.asText(),
              id == null || id.isNull() ? DataField.UNASSIGNED_ID : id.asInt()));
    }
    Schema.Builder builder = Schema.newBuilder().fromColumns(columns);
    JsonNode primaryKey = node.get(PRIMARY_KEY);
    if (primaryKey != null && !primaryKey.isNull()) {
      builder.primaryKey(strings(primaryKey, PRIMARY_KEY));
    }
    JsonNode autoIncrement = node.get(AUTO_INCREMENT_COLUMN);
    if (autoIncrement != null && !autoIncrement.isNull()) {
      for (String name : strings(autoIncrement, AUTO_INCREMENT_COLUMN)) {
        builder.enableAutoIncrement(name);
      }
    }
    JsonNode highest = node.get(HIGHEST_FIELD_ID);
    if (highest != null && !highest.isNull()) {
      builder.highestFieldId(highest.asInt());
    }
    return builder.build();
  }

  /**
   * Parses UTF-8 schema JSON bytes (GetTableSchema's {@code schema_json}).
   *
   * @throws IllegalArgumentException if the bytes are not JSON or not a valid schema
   */
  public static Schema fromBytes(byte[] json) {
    JsonNode node;
    try {
      node = MAPPER.readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException("schema JSON is not valid JSON: " + e.getMessage(), e);
    }
    return fromJson(node);
  }

  private static void addStrings(ArrayNode array, List<String> values) {
    for (String value : values) {
      array.add(value);
    }
  }

  private static List<String> strings(JsonNode array, String key) {
    if (!array.isArray()) {
      throw new IllegalArgumentException("'" + key + "' must be an array of strings, got " + array);
    }
    List<String> values = new ArrayList<>(array.size());
    for (JsonNode value : array) {
      values.add(value.asText());
    }
    return values;
  }
}
