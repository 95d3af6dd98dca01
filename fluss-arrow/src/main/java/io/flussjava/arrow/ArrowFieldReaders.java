package io.flussjava.arrow;

import io.flussjava.types.ArrayType;
import io.flussjava.types.DataType;
import io.flussjava.types.DataTypeRoot;
import io.flussjava.types.DecimalType;
import io.flussjava.types.MapType;
import io.flussjava.types.RowType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeMilliVector;
import org.apache.arrow.vector.TimeNanoVector;
import org.apache.arrow.vector.TimeSecVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;

/** The {@link ArrowFieldReader} of each Fluss type. */
public final class ArrowFieldReaders {
  private static final int NANOS_PER_MILLI = 1_000_000;
  private static final int NANOS_PER_MICRO = 1_000;
  private static final int MAX_COMPACT_DECIMAL_PRECISION = 18;
  private static final int DECIMAL_WIDTH = 16;

  private ArrowFieldReaders() {}

  /**
   * The reader of a column of {@code type} from {@code vector}, created from {@link
   * ArrowSchemas#toArrowField}.
   *
   * <p>ARRAY values come back as unmodifiable {@code List}s, MAP values as unmodifiable
   * insertion-ordered {@code Map}s and ROW values as unmodifiable {@code List}s of their field
   * values.
   */
  public static ArrowFieldReader create(String name, DataType type, FieldVector vector) {
    switch (type.getTypeRoot()) {
      case BOOLEAN:
        BitVector bits = (BitVector) vector;
        return reader(vector, row -> bits.get(row) != 0);
      case TINYINT:
        TinyIntVector tinyInts = (TinyIntVector) vector;
        return reader(vector, row -> tinyInts.get(row));
      case SMALLINT:
        SmallIntVector smallInts = (SmallIntVector) vector;
        return reader(vector, row -> smallInts.get(row));
      case INTEGER:
        IntVector ints = (IntVector) vector;
        return reader(vector, row -> ints.get(row));
      case BIGINT:
        BigIntVector longs = (BigIntVector) vector;
        return reader(vector, row -> longs.get(row));
      case FLOAT:
        Float4Vector floats = (Float4Vector) vector;
        return reader(vector, row -> floats.get(row));
      case DOUBLE:
        Float8Vector doubles = (Float8Vector) vector;
        return reader(vector, row -> doubles.get(row));
      case DECIMAL:
        return decimalReader((DecimalType) type, (DecimalVector) vector);
      case CHAR:
      case STRING:
        return new StringReader((VarCharVector) vector);
      case BINARY:
        FixedSizeBinaryVector fixedBinary = (FixedSizeBinaryVector) vector;
        return reader(vector, fixedBinary::get);
      case BYTES:
        VarBinaryVector binary = (VarBinaryVector) vector;
        return reader(vector, binary::get);
      case DATE:
        DateDayVector dates = (DateDayVector) vector;
        return reader(vector, row -> LocalDate.ofEpochDay(dates.get(row)));
      case TIME_WITHOUT_TIME_ZONE:
        return timeReader(vector);
      case TIMESTAMP_WITHOUT_TIME_ZONE:
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
        return timestampReader(type, (TimeStampVector) vector);
      case ARRAY:
        ListVector list = (ListVector) vector;
        return new ArrayReader(
            list, create(name + "[]", ((ArrayType) type).getElementType(), list.getDataVector()));
      case MAP:
        MapVector map = (MapVector) vector;
        StructVector entries = (StructVector) map.getDataVector();
        MapType mapType = (MapType) type;
        return new MapReader(
            map,
            create(name + ".key", mapType.getKeyType(), (FieldVector) entries.getChildByOrdinal(0)),
            create(
                name + ".value",
                mapType.getValueType(),
                (FieldVector) entries.getChildByOrdinal(1)));
      case ROW:
        StructVector struct = (StructVector) vector;
        RowType rowType = (RowType) type;
        ArrowFieldReader[] fields = new ArrowFieldReader[rowType.getFieldCount()];
        for (int i = 0; i < fields.length; i++) {
          fields[i] =
              create(
                  name + "." + rowType.getFieldNames().get(i),
                  rowType.getTypeAt(i),
                  (FieldVector) struct.getChildByOrdinal(i));
        }
        return new RowReader(struct, fields);
      default:
        throw new IllegalArgumentException("column '" + name + "': no Arrow reader for " + type);
    }
  }

  /** Reads a value at a row known to be non-null. */
  @FunctionalInterface
  private interface ValueGetter {
    Object get(int row);
  }

  private static ArrowFieldReader reader(FieldVector vector, ValueGetter getter) {
    return new ArrowFieldReader(vector) {
      @Override
      protected Object readValue(int row) {
        return getter.get(row);
      }
    };
  }

  private static ArrowFieldReader decimalReader(DecimalType type, DecimalVector vector) {
    if (type.getPrecision() > MAX_COMPACT_DECIMAL_PRECISION) {
      return reader(vector, vector::getObject);
    }
    int scale = type.getScale();
    // The unscaled value fits a long, i.e. the low 8 bytes of the little-endian 128-bit integer.
    return reader(
        vector,
        row ->
            BigDecimal.valueOf(vector.getDataBuffer().getLong((long) row * DECIMAL_WIDTH), scale));
  }

  private static ArrowFieldReader timeReader(FieldVector vector) {
    if (vector instanceof TimeSecVector) {
      TimeSecVector seconds = (TimeSecVector) vector;
      return reader(vector, row -> LocalTime.ofSecondOfDay(seconds.get(row)));
    } else if (vector instanceof TimeMilliVector) {
      TimeMilliVector millis = (TimeMilliVector) vector;
      return reader(vector, row -> LocalTime.ofNanoOfDay((long) millis.get(row) * NANOS_PER_MILLI));
    } else if (vector instanceof TimeMicroVector) {
      TimeMicroVector micros = (TimeMicroVector) vector;
      return reader(vector, row -> LocalTime.ofNanoOfDay(micros.get(row) * NANOS_PER_MICRO));
    }
    TimeNanoVector nanos = (TimeNanoVector) vector;
    return reader(vector, row -> LocalTime.ofNanoOfDay(nanos.get(row)));
  }

  private static ArrowFieldReader timestampReader(DataType type, TimeStampVector vector) {
    TimeUnit unit = ((ArrowType.Timestamp) vector.getField().getType()).getUnit();
    long unitsPerSecond;
    int nanosPerUnit;
    switch (unit) {
      case SECOND:
        unitsPerSecond = 1L;
        nanosPerUnit = 1_000_000_000;
        break;
      case MILLISECOND:
        unitsPerSecond = 1_000L;
        nanosPerUnit = NANOS_PER_MILLI;
        break;
      case MICROSECOND:
        unitsPerSecond = 1_000_000L;
        nanosPerUnit = NANOS_PER_MICRO;
        break;
      default:
        unitsPerSecond = 1_000_000_000L;
        nanosPerUnit = 1;
        break;
    }
    if (type.is(DataTypeRoot.TIMESTAMP_WITH_LOCAL_TIME_ZONE)) {
      return reader(
          vector,
          row -> {
            long value = vector.get(row);
            return Instant.ofEpochSecond(
                Math.floorDiv(value, unitsPerSecond),
                Math.floorMod(value, unitsPerSecond) * nanosPerUnit);
          });
    }
    EpochDateTimes dateTimes = new EpochDateTimes();
    return reader(
        vector,
        row -> {
          long value = vector.get(row);
          return dateTimes.of(
              Math.floorDiv(value, unitsPerSecond),
              (int) Math.floorMod(value, unitsPerSecond) * nanosPerUnit);
        });
  }

  /**
   * UTF-8 strings, decoded through a reused scratch array (one copy out of the Arrow buffer, one
   * into the String).
   */
  private static final class StringReader extends ArrowFieldReader {
    private final VarCharVector vector;
    private byte[] scratch = new byte[256];

    StringReader(VarCharVector vector) {
      super(vector);
      this.vector = vector;
    }

    @Override
    protected Object readValue(int row) {
      int start = vector.getStartOffset(row);
      int length = vector.getEndOffset(row) - start;
      if (scratch.length < length) {
        scratch = new byte[Math.max(length, scratch.length * 2)];
      }
      ArrowBuf data = vector.getDataBuffer();
      data.getBytes(start, scratch, 0, length);
      return new String(scratch, 0, length, StandardCharsets.UTF_8);
    }
  }

  /**
   * Base of ARRAY and MAP columns: each value is the span of the child vector between the row's two
   * offsets.
   */
  private abstract static class SpanReader extends ArrowFieldReader {
    private final ListVector vector;

    SpanReader(ListVector vector) {
      super(vector);
      this.vector = vector;
    }

    @Override
    protected final Object readValue(int row) {
      ArrowBuf offsets = vector.getOffsetBuffer();
      int start = offsets.getInt((long) row * ListVector.OFFSET_WIDTH);
      int end = offsets.getInt((long) (row + 1) * ListVector.OFFSET_WIDTH);
      return readSpan(start, end);
    }

    abstract Object readSpan(int start, int end);
  }

  /** ARRAY: an unmodifiable list of the elements. */
  private static final class ArrayReader extends SpanReader {
    private final ArrowFieldReader elements;

    ArrayReader(ListVector vector, ArrowFieldReader elements) {
      super(vector);
      this.elements = elements;
    }

    @Override
    Object readSpan(int start, int end) {
      Object[] values = new Object[end - start];
      for (int i = 0; i < values.length; i++) {
        values[i] = elements.read(start + i);
      }
      return Collections.unmodifiableList(Arrays.asList(values));
    }
  }

  /** MAP: an unmodifiable map of the entries, in their stored order. */
  private static final class MapReader extends SpanReader {
    private final ArrowFieldReader keys;
    private final ArrowFieldReader values;

    MapReader(MapVector vector, ArrowFieldReader keys, ArrowFieldReader values) {
      super(vector);
      this.keys = keys;
      this.values = values;
    }

    @Override
    Object readSpan(int start, int end) {
      Map<Object, Object> map = new LinkedHashMap<>(Math.max(4, (end - start) * 4 / 3 + 1));
      for (int i = start; i < end; i++) {
        map.put(keys.read(i), values.read(i));
      }
      return Collections.unmodifiableMap(map);
    }
  }

  /** ROW: the field values at the same row of the struct's children. */
  private static final class RowReader extends ArrowFieldReader {
    private final ArrowFieldReader[] fields;

    RowReader(StructVector vector, ArrowFieldReader[] fields) {
      super(vector);
      this.fields = fields;
    }

    @Override
    protected Object readValue(int row) {
      Object[] values = new Object[fields.length];
      for (int i = 0; i < values.length; i++) {
        values[i] = fields[i].read(row);
      }
      return Collections.unmodifiableList(Arrays.asList(values));
    }
  }
}
