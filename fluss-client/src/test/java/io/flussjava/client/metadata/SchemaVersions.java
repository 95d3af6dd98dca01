package io.flussjava.client.metadata;

import io.flussjava.types.DataType;
import io.flussjava.types.DataTypes;
import io.flussjava.types.Schema;
import java.util.ArrayList;
import java.util.List;

/** Schema versions as the server makes them, for the tests of reading across versions. */
public final class SchemaVersions {
  /** Schema id 1 of a small keyed table: {@code id INT NOT NULL, name STRING, PRIMARY KEY (id)}. */
  public static final Schema V1 =
      Schema.newBuilder()
          .column("id", DataTypes.INT().notNull())
          .column("name", DataTypes.STRING())
          .primaryKey("id")
          .build();

  /** Schema id 2: {@link #V1} after ADD COLUMN email STRING. */
  public static final Schema V2 = withAddedColumn(V1, "email", DataTypes.STRING());

  private SchemaVersions() {}

  /**
   * {@code schema} after ALTER TABLE ADD COLUMN: the column appended last with the next column id,
   * the primary key unchanged.
   */
  public static Schema withAddedColumn(Schema schema, String name, DataType type) {
    List<Schema.Column> columns = new ArrayList<>(schema.getColumns());
    columns.add(new Schema.Column(name, type, null, schema.getHighestFieldId() + 1));
    Schema.Builder b = Schema.newBuilder().fromColumns(columns);
    schema.getPrimaryKey().ifPresent(b::primaryKey);
    return b.build();
  }
}
