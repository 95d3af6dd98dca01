package io.flussjava.benchmarks;

import io.flussjava.benchmarks.shared.ColumnKind;
import io.flussjava.benchmarks.shared.Shape;
import io.flussjava.types.DataType;
import io.flussjava.types.DataTypes;
import io.flussjava.types.RowType;
import io.flussjava.types.Schema;

/** The fluss-java types of the benchmark row shapes. */
public final class ShapeTypes {
  private ShapeTypes() {}

  public static DataType dataType(ColumnKind kind) {
    switch (kind) {
      case BIGINT:
        return DataTypes.BIGINT();
      case STRING_16:
      case STRING_32:
        return DataTypes.STRING();
      case DOUBLE:
        return DataTypes.DOUBLE();
      case TIMESTAMP_3:
        return DataTypes.TIMESTAMP(3);
      case INT:
        return DataTypes.INT();
      case FLOAT:
        return DataTypes.FLOAT();
      case BOOLEAN:
        return DataTypes.BOOLEAN();
      case DECIMAL_10_2:
        return DataTypes.DECIMAL(10, 2);
      case DATE:
        return DataTypes.DATE();
      default:
        throw new IllegalArgumentException("no type for " + kind);
    }
  }

  /** The shape's schema; with {@code primaryKeyId} the {@code id} column is the primary key. */
  public static Schema schema(Shape shape, boolean primaryKeyId) {
    Schema.Builder b = Schema.newBuilder();
    for (int i = 0; i < shape.columnCount(); i++) {
      b.column(shape.name(i), dataType(shape.kind(i)));
    }
    if (primaryKeyId) {
      b.primaryKey("id");
    }
    return b.build();
  }

  public static RowType rowType(Shape shape) {
    return schema(shape, false).getRowType();
  }
}
