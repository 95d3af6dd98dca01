package io.flussjava.client.admin;

import io.flussjava.types.Schema;
import java.util.Objects;

/**
 * One version of a table's schema and its id. A table starts at schema id 1; every {@code
 * alterTable} that changes columns makes the next id. Log batches and KV values carry the id of the
 * schema they were written with.
 */
public final class SchemaInfo {
  private final Schema schema;
  private final int schemaId;

  public SchemaInfo(Schema schema, int schemaId) {
    this.schema = Objects.requireNonNull(schema, "schema");
    this.schemaId = schemaId;
  }

  public Schema getSchema() {
    return schema;
  }

  public int getSchemaId() {
    return schemaId;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SchemaInfo that && schemaId == that.schemaId && schema.equals(that.schema);
  }

  @Override
  public int hashCode() {
    return Objects.hash(schema, schemaId);
  }

  @Override
  public String toString() {
    return "SchemaInfo{schemaId=" + schemaId + ", schema=" + schema + "}";
  }
}
