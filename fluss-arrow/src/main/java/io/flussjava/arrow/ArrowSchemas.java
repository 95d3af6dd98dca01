package io.flussjava.arrow;

import io.flussjava.types.ArrayType;
import io.flussjava.types.BinaryType;
import io.flussjava.types.DataField;
import io.flussjava.types.DataType;
import io.flussjava.types.DecimalType;
import io.flussjava.types.LocalZonedTimestampType;
import io.flussjava.types.MapType;
import io.flussjava.types.RowType;
import io.flussjava.types.TimeType;
import io.flussjava.types.TimestampType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The Arrow schema Fluss uses for a row type. Batches carry no schema message, so writer and reader
 * both derive it from the table schema:
 *
 * <pre>
 * TINYINT..BIGINT      Int(8/16/32/64, signed)     BOOLEAN         Bool
 * FLOAT / DOUBLE       FloatingPoint SINGLE/DOUBLE CHAR, STRING    Utf8
 * BINARY(n)            FixedSizeBinary(n)          BYTES           Binary
 * DECIMAL(p, s)        Decimal(p, s, 128)          DATE            Date(DAY)
 * TIME(p)              Time(unit(p), 32 for SECOND/MILLISECOND, 64 for MICRO/NANOSECOND)
 * TIMESTAMP[_LTZ](p)   Timestamp(unit(p), no time zone)
 * ARRAY                List                        MAP             Map(keysSorted = false)
 * ROW                  Struct
 * </pre>
 *
 * where {@code unit(p)} is SECOND for p = 0, MILLISECOND for 1..3, MICROSECOND for 4..6 and
 * NANOSECOND above. Field nullability follows the Fluss type's.
 */
public final class ArrowSchemas {
  private ArrowSchemas() {}

  /** The Arrow schema of a row type's fields. */
  public static Schema toArrowSchema(RowType rowType) {
    List<Field> fields = new ArrayList<>(rowType.getFieldCount());
    for (DataField field : rowType.getFields()) {
      fields.add(toArrowField(field.getName(), field.getType()));
    }
    return new Schema(fields);
  }

  /** The Arrow field of one Fluss column or nested value. */
  public static Field toArrowField(String name, DataType type) {
    List<Field> children = null;
    switch (type.getTypeRoot()) {
      case ARRAY:
        children = List.of(toArrowField("element", ((ArrayType) type).getElementType()));
        break;
      case MAP:
        MapType map = (MapType) type;
        Field key = toArrowField("key", map.getKeyType().notNull());
        Field value = toArrowField("value", map.getValueType());
        children =
            List.of(
                new Field(
                    "entries",
                    FieldType.notNullable(ArrowType.Struct.INSTANCE),
                    List.of(key, value)));
        break;
      case ROW:
        RowType row = (RowType) type;
        children = new ArrayList<>(row.getFieldCount());
        for (DataField field : row.getFields()) {
          children.add(toArrowField(field.getName(), field.getType()));
        }
        break;
      default:
        break;
    }
    return new Field(name, new FieldType(type.isNullable(), toArrowType(type), null), children);
  }

  /** The Arrow type of a Fluss type (without children). */
  public static ArrowType toArrowType(DataType type) {
    switch (type.getTypeRoot()) {
      case BOOLEAN:
        return ArrowType.Bool.INSTANCE;
      case TINYINT:
        return new ArrowType.Int(8, true);
      case SMALLINT:
        return new ArrowType.Int(16, true);
      case INTEGER:
        return new ArrowType.Int(32, true);
      case BIGINT:
        return new ArrowType.Int(64, true);
      case FLOAT:
        return new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
      case DOUBLE:
        return new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
      case CHAR:
      case STRING:
        return ArrowType.Utf8.INSTANCE;
      case BINARY:
        return new ArrowType.FixedSizeBinary(((BinaryType) type).getLength());
      case BYTES:
        return ArrowType.Binary.INSTANCE;
      case DECIMAL:
        DecimalType decimal = (DecimalType) type;
        return new ArrowType.Decimal(decimal.getPrecision(), decimal.getScale(), 128);
      case DATE:
        return new ArrowType.Date(DateUnit.DAY);
      case TIME_WITHOUT_TIME_ZONE:
        TimeUnit timeUnit = timeUnit(((TimeType) type).getPrecision());
        int bitWidth = timeUnit == TimeUnit.SECOND || timeUnit == TimeUnit.MILLISECOND ? 32 : 64;
        return new ArrowType.Time(timeUnit, bitWidth);
      case TIMESTAMP_WITHOUT_TIME_ZONE:
        return new ArrowType.Timestamp(timeUnit(((TimestampType) type).getPrecision()), null);
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
        return new ArrowType.Timestamp(
            timeUnit(((LocalZonedTimestampType) type).getPrecision()), null);
      case ARRAY:
        return ArrowType.List.INSTANCE;
      case MAP:
        return new ArrowType.Map(false);
      case ROW:
        return ArrowType.Struct.INSTANCE;
      default:
        throw new IllegalArgumentException("no Arrow type for " + type);
    }
  }

  /** The Arrow time unit for a TIME / TIMESTAMP precision. */
  public static TimeUnit timeUnit(int precision) {
    if (precision == 0) {
      return TimeUnit.SECOND;
    } else if (precision <= 3) {
      return TimeUnit.MILLISECOND;
    } else if (precision <= 6) {
      return TimeUnit.MICROSECOND;
    } else {
      return TimeUnit.NANOSECOND;
    }
  }
}
