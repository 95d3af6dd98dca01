package io.flussjava.types;

import static io.flussjava.types.DataTypes.FIELD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaTest {

  private static Schema users() {
    return Schema.newBuilder()
        .column("id", DataTypes.BIGINT())
        .column("name", DataTypes.STRING(), "display name")
        .column("score", DataTypes.DOUBLE())
        .primaryKey("id")
        .build();
  }

  @Test
  void buildsColumnsWithSequentialIds() {
    Schema schema = users();
    assertThat(schema.getColumnNames()).containsExactly("id", "name", "score");
    assertThat(schema.getColumns()).extracting(Schema.Column::getColumnId).containsExactly(0, 1, 2);
    assertThat(schema.getHighestFieldId()).isEqualTo(2);
    assertThat(schema.getColumns().get(1).getComment()).contains("display name");
    assertThat(schema.getColumns().get(2).getComment()).isEmpty();
    assertThat(schema.getPrimaryKey()).contains(List.of("id"));
    assertThat(schema.getPrimaryKeyIndexes()).containsExactly(0);
    assertThat(schema.getColumn("score").map(Schema.Column::getDataType))
        .contains(DataTypes.DOUBLE());
  }

  @Test
  void primaryKeyColumnsBecomeNotNull() {
    Schema schema = users();
    assertThat(schema.getColumns().get(0).getDataType()).isEqualTo(DataTypes.BIGINT().notNull());
    assertThat(schema.getColumns().get(1).getDataType().isNullable()).isTrue();
    assertThat(schema.getRowType().getTypeAt(0).isNullable()).isFalse();
  }

  @Test
  void logTableHasNoPrimaryKey() {
    Schema schema = Schema.newBuilder().column("a", DataTypes.INT()).build();
    assertThat(schema.getPrimaryKey()).isEmpty();
    assertThat(schema.getPrimaryKeyIndexes()).isEmpty();
  }

  @Test
  void compositeKeyIndexesFollowKeyOrder() {
    Schema schema =
        Schema.newBuilder()
            .column("a", DataTypes.INT())
            .column("b", DataTypes.INT())
            .column("c", DataTypes.INT())
            .primaryKey(List.of("c", "a"))
            .build();
    assertThat(schema.getPrimaryKeyIndexes()).containsExactly(2, 0);
  }

  @Test
  void nestedRowFieldsShareTheIdCounter() {
    Schema schema =
        Schema.newBuilder()
            .column("a", DataTypes.INT())
            .column(
                "r",
                DataTypes.ROW(
                    FIELD("x", DataTypes.INT()),
                    FIELD("y", DataTypes.ARRAY(DataTypes.ROW(FIELD("z", DataTypes.STRING()))))))
            .column("b", DataTypes.STRING())
            .build();
    assertThat(schema.getColumns()).extracting(Schema.Column::getColumnId).containsExactly(0, 1, 5);
    RowType r = (RowType) schema.getColumns().get(1).getDataType();
    assertThat(r.getFields()).extracting(DataField::getFieldId).containsExactly(2, 3);
    RowType z = (RowType) ((ArrayType) r.getTypeAt(1)).getElementType();
    assertThat(z.getFields().get(0).getFieldId()).isEqualTo(4);
    assertThat(schema.getHighestFieldId()).isEqualTo(5);
  }

  @Test
  void rowTypeCarriesColumnIdsAndComments() {
    RowType row = users().getRowType();
    assertThat(row.getFields()).extracting(DataField::getFieldId).containsExactly(0, 1, 2);
    assertThat(row.getFields().get(1).getDescription()).contains("display name");
  }

  @Test
  void fromSchemaKeepsIdsAndContinuesNumbering() {
    Schema evolved =
        Schema.newBuilder().fromSchema(users()).column("added", DataTypes.INT()).build();
    assertThat(evolved.getColumns())
        .extracting(Schema.Column::getColumnId)
        .containsExactly(0, 1, 2, 3);
    assertThat(evolved.getHighestFieldId()).isEqualTo(3);
    assertThat(evolved.getPrimaryKey()).contains(List.of("id"));
    assertThat(Schema.newBuilder().fromSchema(users()).build()).isEqualTo(users());
  }

  @Test
  void fromSchemaMustComeFirst() {
    assertThatThrownBy(() -> Schema.newBuilder().column("x", DataTypes.INT()).fromSchema(users()))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void fromColumnsKeepsStoredIds() {
    Schema schema =
        Schema.newBuilder()
            .fromColumns(
                List.of(
                    new Schema.Column("a", DataTypes.INT(), null, 4),
                    new Schema.Column("b", DataTypes.INT(), null, 7)))
            .highestFieldId(9)
            .build();
    assertThat(schema.getColumns()).extracting(Schema.Column::getColumnId).containsExactly(4, 7);
    assertThat(schema.getHighestFieldId()).isEqualTo(9);
  }

  @Test
  void fromColumnsRejectsMixedIds() {
    assertThatThrownBy(
            () ->
                Schema.newBuilder()
                    .fromColumns(
                        List.of(
                            new Schema.Column("a", DataTypes.INT(), null, 0),
                            new Schema.Column("b", DataTypes.INT(), null, -1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 of 2");
  }

  @Test
  void rejectsInvalidSchemas() {
    assertThatThrownBy(() -> Schema.newBuilder().build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a schema needs at least one column");
    assertThatThrownBy(
            () ->
                Schema.newBuilder()
                    .column("a", DataTypes.INT())
                    .column("a", DataTypes.STRING())
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("duplicate column name 'a'");
    assertThatThrownBy(
            () -> Schema.newBuilder().column("a", DataTypes.INT()).primaryKey("b").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("primary key column 'b' is not a column of the schema; columns are [a]");
    assertThatThrownBy(
            () -> Schema.newBuilder().column("a", DataTypes.INT()).primaryKey("a", "a").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("names column 'a' twice");
    assertThatThrownBy(() -> Schema.newBuilder().column("a", DataTypes.INT()).primaryKey(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one column");
    assertThatThrownBy(
            () -> Schema.newBuilder().column("a", DataTypes.INT()).primaryKey("a").primaryKey("a"))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(
            () ->
                Schema.newBuilder()
                    .fromColumns(List.of(new Schema.Column("a", DataTypes.INT(), null, 3)))
                    .highestFieldId(1)
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("highest field id 1 is lower than field id 3");
  }

  @Test
  void validatesAutoIncrementColumn() {
    Schema schema =
        Schema.newBuilder()
            .column("id", DataTypes.STRING())
            .column("seq", DataTypes.BIGINT())
            .primaryKey("id")
            .enableAutoIncrement("seq")
            .build();
    assertThat(schema.getAutoIncrementColumnNames()).containsExactly("seq");
    assertThatThrownBy(
            () ->
                Schema.newBuilder()
                    .column("seq", DataTypes.BIGINT())
                    .enableAutoIncrement("seq")
                    .build())
        .hasMessageContaining("needs a primary-key table");
    assertThatThrownBy(
            () ->
                Schema.newBuilder()
                    .column("id", DataTypes.INT())
                    .column("s", DataTypes.STRING())
                    .primaryKey("id")
                    .enableAutoIncrement("s")
                    .build())
        .hasMessageContaining("must be INT or BIGINT");
  }

  @Test
  void equalityAndToString() {
    assertThat(users()).isEqualTo(users()).hasSameHashCodeAs(users());
    assertThat(users())
        .isNotEqualTo(Schema.newBuilder().fromSchema(users()).column("x", DataTypes.INT()).build());
    assertThat(users())
        .hasToString(
            "(id BIGINT NOT NULL, name STRING 'display name', score DOUBLE, PRIMARY KEY (id))");
  }

  @Test
  void gettersDoNotExposeMutableState() {
    Schema schema = users();
    schema.getPrimaryKeyIndexes()[0] = 5;
    assertThat(schema.getPrimaryKeyIndexes()).containsExactly(0);
    assertThatThrownBy(() -> schema.getColumns().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
