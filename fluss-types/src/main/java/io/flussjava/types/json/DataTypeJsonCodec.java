package io.flussjava.types.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flussjava.types.ArrayType;
import io.flussjava.types.BinaryType;
import io.flussjava.types.CharType;
import io.flussjava.types.DataField;
import io.flussjava.types.DataType;
import io.flussjava.types.DataTypeRoot;
import io.flussjava.types.DataTypes;
import io.flussjava.types.DecimalType;
import io.flussjava.types.LocalZonedTimestampType;
import io.flussjava.types.MapType;
import io.flussjava.types.RowType;
import io.flussjava.types.TimeType;
import io.flussjava.types.TimestampType;
import java.util.ArrayList;
import java.util.List;

/**
 * The server's JSON form of a {@link DataType}, as found in schema JSON and in AlterTable's
 * add-column request: {@code {"type":"INTEGER","nullable":false}}. {@code "nullable"} is written
 * only when false. Extra keys per root: {@code length} (CHAR, BINARY), {@code precision}/{@code
 * scale} (DECIMAL), {@code precision} (TIME, TIMESTAMP, TIMESTAMP_LTZ), {@code element_type}
 * (ARRAY), {@code key_type}/{@code value_type} (MAP) and {@code fields} (ROW: objects of {@code
 * name}, {@code field_type}, optional {@code description} and {@code field_id}).
 *
 * <p>Reading is lenient: unknown keys are ignored, a missing {@code nullable} means nullable and a
 * missing {@code field_id} means unassigned. A missing required key or an unknown type name is an
 * {@link IllegalArgumentException}.
 *
 * <p>For fluss-java's own modules; not an API for applications, and it may change without notice.
 */
public final class DataTypeJsonCodec {
  static final String TYPE = "type";
  static final String NULLABLE = "nullable";
  static final String LENGTH = "length";
  static final String PRECISION = "precision";
  static final String SCALE = "scale";
  static final String ELEMENT_TYPE = "element_type";
  static final String KEY_TYPE = "key_type";
  static final String VALUE_TYPE = "value_type";
  static final String FIELDS = "fields";
  static final String FIELD_NAME = "name";
  static final String FIELD_TYPE = "field_type";
  static final String FIELD_DESCRIPTION = "description";
  static final String FIELD_ID = "field_id";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private DataTypeJsonCodec() {}

  /** The JSON object for {@code type}. */
  public static ObjectNode toJson(DataType type) {
    ObjectNode node = NODES.objectNode();
    node.put(TYPE, type.getTypeRoot().name());
    if (!type.isNullable()) {
      node.put(NULLABLE, false);
    }
    switch (type.getTypeRoot()) {
      case CHAR:
        node.put(LENGTH, ((CharType) type).getLength());
        break;
      case BINARY:
        node.put(LENGTH, ((BinaryType) type).getLength());
        break;
      case DECIMAL:
        node.put(PRECISION, ((DecimalType) type).getPrecision());
        node.put(SCALE, ((DecimalType) type).getScale());
        break;
      case TIME_WITHOUT_TIME_ZONE:
        node.put(PRECISION, ((TimeType) type).getPrecision());
        break;
      case TIMESTAMP_WITHOUT_TIME_ZONE:
        node.put(PRECISION, ((TimestampType) type).getPrecision());
        break;
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
        node.put(PRECISION, ((LocalZonedTimestampType) type).getPrecision());
        break;
      case ARRAY:
        node.set(ELEMENT_TYPE, toJson(((ArrayType) type).getElementType()));
        break;
      case MAP:
        node.set(KEY_TYPE, toJson(((MapType) type).getKeyType()));
        node.set(VALUE_TYPE, toJson(((MapType) type).getValueType()));
        break;
      case ROW:
        node.set(FIELDS, fieldsToJson((RowType) type));
        break;
      default:
        // The remaining roots have no parameters.
        break;
    }
    return node;
  }

  private static ArrayNode fieldsToJson(RowType row) {
    ArrayNode fields = NODES.arrayNode();
    for (DataField field : row.getFields()) {
      ObjectNode node = fields.addObject();
      node.put(FIELD_NAME, field.getName());
      node.set(FIELD_TYPE, toJson(field.getType()));
      field.getDescription().ifPresent(description -> node.put(FIELD_DESCRIPTION, description));
      node.put(FIELD_ID, field.getFieldId());
    }
    return fields;
  }

  /**
   * The type described by {@code node}.
   *
   * @throws IllegalArgumentException if the node is not a type object, names an unknown type, or
   *     lacks a required key
   */
  public static DataType fromJson(JsonNode node) {
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("a data type must be a JSON object, got " + node);
    }
    String rootName = requiredText(node, TYPE);
    DataTypeRoot root;
    try {
      root = DataTypeRoot.valueOf(rootName);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown data type '" + rootName + "' in " + node, e);
    }
    JsonNode nullableNode = node.get(NULLABLE);
    boolean nullable =
        nullableNode == null || nullableNode.isNull() || nullableNode.asBoolean(true);
    return parametrized(root, node).copy(nullable);
  }

  private static DataType parametrized(DataTypeRoot root, JsonNode node) {
    switch (root) {
      case BOOLEAN:
        return DataTypes.BOOLEAN();
      case TINYINT:
        return DataTypes.TINYINT();
      case SMALLINT:
        return DataTypes.SMALLINT();
      case INTEGER:
        return DataTypes.INT();
      case BIGINT:
        return DataTypes.BIGINT();
      case FLOAT:
        return DataTypes.FLOAT();
      case DOUBLE:
        return DataTypes.DOUBLE();
      case DECIMAL:
        return new DecimalType(requiredInt(node, PRECISION), requiredInt(node, SCALE));
      case CHAR:
        return new CharType(requiredInt(node, LENGTH));
      case STRING:
        return DataTypes.STRING();
      case BINARY:
        return new BinaryType(requiredInt(node, LENGTH));
      case BYTES:
        return DataTypes.BYTES();
      case DATE:
        return DataTypes.DATE();
      case TIME_WITHOUT_TIME_ZONE:
        return new TimeType(requiredInt(node, PRECISION));
      case TIMESTAMP_WITHOUT_TIME_ZONE:
        return new TimestampType(requiredInt(node, PRECISION));
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
        return new LocalZonedTimestampType(requiredInt(node, PRECISION));
      case ARRAY:
        return new ArrayType(fromJson(required(node, ELEMENT_TYPE)));
      case MAP:
        return new MapType(
            fromJson(required(node, KEY_TYPE)), fromJson(required(node, VALUE_TYPE)));
      case ROW:
        return rowFromJson(node);
      default:
        throw new IllegalArgumentException("unsupported data type '" + root + "'");
    }
  }

  private static RowType rowFromJson(JsonNode node) {
    JsonNode fieldNodes = required(node, FIELDS);
    if (!fieldNodes.isArray()) {
      throw new IllegalArgumentException(
          "'" + FIELDS + "' of a ROW type must be an array, got " + fieldNodes);
    }
    List<DataField> fields = new ArrayList<>(fieldNodes.size());
    for (JsonNode field : fieldNodes) {
      JsonNode description = field.get(FIELD_DESCRIPTION);
      JsonNode id = field.get(FIELD_ID);
      fields.add(
          new DataField(
              requiredText(field, FIELD_NAME),
              fromJson(required(field, FIELD_TYPE)),
              description == null || description.isNull() ? null : description.asText(),
              id == null || id.isNull() ? DataField.UNASSIGNED_ID : id.asInt()));
    }
    return new RowType(fields);
  }

  static JsonNode required(JsonNode node, String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException("missing '" + key + "' in " + node);
    }
    return value;
  }

  static String requiredText(JsonNode node, String key) {
    JsonNode value = required(node, key);
    if (!value.isTextual()) {
      throw new IllegalArgumentException("'" + key + "' must be a string in " + node);
    }
    return value.asText();
  }

  static int requiredInt(JsonNode node, String key) {
    JsonNode value = required(node, key);
    if (!value.canConvertToInt()) {
      throw new IllegalArgumentException("'" + key + "' must be an integer in " + node);
    }
    return value.asInt();
  }
}
