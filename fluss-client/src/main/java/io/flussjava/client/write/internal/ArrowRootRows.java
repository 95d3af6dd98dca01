package io.flussjava.client.write.internal;

import io.flussjava.arrow.ArrowFieldReader;
import io.flussjava.arrow.ArrowFieldReaders;
import io.flussjava.arrow.ArrowSchemas;
import io.flussjava.exception.InvalidRowException;
import io.flussjava.exception.SchemaMismatchException;
import io.flussjava.types.DataType;
import io.flussjava.types.DataTypeRoot;
import io.flussjava.types.RowType;
import io.flussjava.types.convert.RowConverter;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Turns a caller's Arrow {@link VectorSchemaRoot} into canonical rows of one table, after checking
 * that its schema fits the table (see {@link ArrowSchemas} for the type mapping). Every row is read
 * and checked before any is returned, so a bad batch is rejected as a whole. Stateless apart from
 * the table's types; thread-safe.
 */
final class ArrowRootRows {
  private final String table;
  private final RowType rowType;
  private final RowConverter converter;

  ArrowRootRows(String table, RowType rowType, RowConverter converter) {
    this.table = table;
    this.rowType = rowType;
    this.converter = converter;
  }

  /**
   * The root's rows as canonical values, in row order.
   *
   * @throws SchemaMismatchException if the root's columns are not the table's (names in column
   *     order, Arrow types)
   * @throws InvalidRowException if a NOT NULL column holds a null, or a value does not fit its
   *     column (naming both)
   */
  List<Object[]> read(VectorSchemaRoot root) {
    checkSchema(root.getSchema().getFields());
    List<FieldVector> vectors = root.getFieldVectors();
    checkNotNullColumns(vectors, root.getRowCount());
    int rowCount = root.getRowCount();
    Object[][] rows = new Object[rowCount][rowType.getFieldCount()];
    for (int column = 0; column < vectors.size(); column++) {
      ArrowFieldReader reader =
          ArrowFieldReaders.create(
              rowType.getFieldNames().get(column), rowType.getTypeAt(column), vectors.get(column));
      reader.readInto(rows, column, 0, rowCount);
    }
    List<Object[]> out = new ArrayList<>(rowCount);
    for (int row = 0; row < rowCount; row++) {
      try {
        // Values are canonical already; this applies the same per-value checks as append() (e.g.
        // CHAR(n) length).
        out.add(converter.toCanonical(rows[row]));
      } catch (InvalidRowException e) {
        throw new InvalidRowException(
            "row " + row + " of the Arrow batch for " + table + ": " + e.getMessage(), e);
      }
    }
    return out;
  }

  private void checkSchema(List<Field> actual) {
    List<String> names = rowType.getFieldNames();
    if (actual.size() != names.size()) {
      throw new SchemaMismatchException(
          "the Arrow batch has "
              + actual.size()
              + " columns "
              + fieldNames(actual)
              + ", but "
              + table
              + " has "
              + names.size()
              + " "
              + names
              + " (give every column, in table order)");
    }
    for (int i = 0; i < names.size(); i++) {
      Field field = actual.get(i);
      if (!names.get(i).equals(field.getName())) {
        throw new SchemaMismatchException(
            "column "
                + i
                + " of the Arrow batch is '"
                + field.getName()
                + "', but column "
                + i
                + " of "
                + table
                + " is '"
                + names.get(i)
                + "' (columns must come in table order "
                + names
                + ")");
      }
      DataType type = rowType.getTypeAt(i);
      ArrowType expected = ArrowSchemas.toArrowType(type);
      if (!typeFits(type, expected, field.getType())) {
        throw new SchemaMismatchException(
            "column '"
                + field.getName()
                + "' of "
                + table
                + " is "
                + type
                + ", which is Arrow "
                + expected
                + ", but the Arrow batch has "
                + field.getType());
      }
    }
  }

  /**
   * Whether an Arrow type carries the Fluss type's values. Exact match, except that a TIMESTAMP_LTZ
   * column also takes a timestamp vector with a time zone: its values are epoch-based either way.
   */
  private static boolean typeFits(DataType type, ArrowType expected, ArrowType actual) {
    if (expected.equals(actual)) {
      return true;
    }
    return type.is(DataTypeRoot.TIMESTAMP_WITH_LOCAL_TIME_ZONE)
        && actual instanceof ArrowType.Timestamp
        && ((ArrowType.Timestamp) actual).getUnit() == ((ArrowType.Timestamp) expected).getUnit();
  }

  private void checkNotNullColumns(List<FieldVector> vectors, int rowCount) {
    for (int column = 0; column < vectors.size(); column++) {
      FieldVector vector = vectors.get(column);
      if (rowType.getTypeAt(column).isNullable() || vector.getNullCount() == 0) {
        continue;
      }
      for (int row = 0; row < rowCount; row++) {
        if (vector.isNull(row)) {
          throw new InvalidRowException(
              "column '"
                  + rowType.getFieldNames().get(column)
                  + "' of "
                  + table
                  + " is NOT NULL but row "
                  + row
                  + " of the Arrow batch is null ("
                  + vector.getNullCount()
                  + " nulls in that column)");
        }
      }
    }
  }

  private static List<String> fieldNames(List<Field> fields) {
    return fields.stream().map(Field::getName).toList();
  }
}
