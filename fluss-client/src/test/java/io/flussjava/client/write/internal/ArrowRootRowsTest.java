package io.flussjava.client.write.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flussjava.arrow.ArrowSchemas;
import io.flussjava.exception.InvalidRowException;
import io.flussjava.exception.SchemaMismatchException;
import io.flussjava.types.DataTypes;
import io.flussjava.types.RowType;
import io.flussjava.types.convert.RowConverter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ArrowRootRowsTest {
  private static final RowType ROW_TYPE =
      DataTypes.ROW(
          DataTypes.FIELD("id", DataTypes.INT().notNull()),
          DataTypes.FIELD("code", DataTypes.CHAR(2)),
          DataTypes.FIELD("at", DataTypes.TIMESTAMP_LTZ(6)));
  private final BufferAllocator allocator = new RootAllocator();
  private final ArrowRootRows rows = new ArrowRootRows("db.t", ROW_TYPE, RowConverter.of(ROW_TYPE));

  @AfterEach
  void close() {
    allocator.close();
  }

  private VectorSchemaRoot root(Schema schema, Integer id, String code) {
    VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator);
    IntVector ids = (IntVector) root.getVector(0);
    if (id == null) {
      ids.setNull(0);
    } else {
      ids.setSafe(0, id);
    }
    ((VarCharVector) root.getVector(1)).setSafe(0, code.getBytes(StandardCharsets.UTF_8));
    root.getVector(2).setNull(0);
    root.setRowCount(1);
    return root;
  }

  @Test
  void readsCanonicalValuesOfAFittingRoot() {
    try (VectorSchemaRoot root = root(ArrowSchemas.toArrowSchema(ROW_TYPE), 7, "ab")) {
      List<Object[]> out = rows.read(root);
      assertThat(out).hasSize(1);
      assertThat(out.get(0)).containsExactly(7, "ab", null);
    }
  }

  @Test
  void timestampLtzColumnsAlsoTakeVectorsWithATimeZone() {
    Field at =
        new Field(
            "at", FieldType.nullable(new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC")), null);
    Schema schema =
        new Schema(
            List.of(
                ArrowSchemas.toArrowField("id", DataTypes.INT()),
                ArrowSchemas.toArrowField("code", DataTypes.STRING()),
                at));
    try (VectorSchemaRoot root = root(schema, 1, "x")) {
      ((TimeStampMicroTZVector) root.getVector(2)).setSafe(0, 1_500_000L);
      assertThat(rows.read(root).get(0)[2]).isEqualTo(Instant.ofEpochSecond(1, 500_000_000));
    }
  }

  @Test
  void nullInNotNullColumnNamesColumnAndRow() {
    try (VectorSchemaRoot root = root(ArrowSchemas.toArrowSchema(ROW_TYPE), null, "ab")) {
      assertThatThrownBy(() -> rows.read(root))
          .isInstanceOf(InvalidRowException.class)
          .hasMessageContaining("column 'id' of db.t is NOT NULL but row 0");
    }
  }

  @Test
  void valueThatDoesNotFitNamesColumnAndRow() {
    try (VectorSchemaRoot root = root(ArrowSchemas.toArrowSchema(ROW_TYPE), 1, "abc")) {
      assertThatThrownBy(() -> rows.read(root))
          .isInstanceOf(InvalidRowException.class)
          .hasMessageContaining("row 0")
          .hasMessageContaining("'code'");
    }
  }

  @Test
  void otherNamesOrTypesAreSchemaMismatches() {
    Schema renamed =
        new Schema(
            List.of(
                ArrowSchemas.toArrowField("ID", DataTypes.INT()),
                ArrowSchemas.toArrowField("code", DataTypes.STRING()),
                ArrowSchemas.toArrowField("at", DataTypes.TIMESTAMP_LTZ(6))));
    try (VectorSchemaRoot root = root(renamed, 1, "a")) {
      assertThatThrownBy(() -> rows.read(root))
          .isInstanceOf(SchemaMismatchException.class)
          .hasMessageContaining(
              "column 0 of the Arrow batch is 'ID', but column 0 of db.t is 'id'");
    }
    Schema coarser =
        new Schema(
            List.of(
                ArrowSchemas.toArrowField("id", DataTypes.INT()),
                ArrowSchemas.toArrowField("code", DataTypes.STRING()),
                ArrowSchemas.toArrowField("at", DataTypes.TIMESTAMP_LTZ(3))));
    try (VectorSchemaRoot root = root(coarser, 1, "a")) {
      assertThatThrownBy(() -> rows.read(root))
          .isInstanceOf(SchemaMismatchException.class)
          .hasMessageContaining("column 'at'")
          .hasMessageContaining("MICROSECOND")
          .hasMessageContaining("MILLISECOND");
    }
  }
}
