package io.flussjava.log.internal;

import io.flussjava.log.RowDecoder;
import io.flussjava.log.RowEncoder;
import io.flussjava.types.BinaryType;
import io.flussjava.types.CharType;
import io.flussjava.types.DataType;
import io.flussjava.types.DecimalType;
import io.flussjava.types.LocalZonedTimestampType;
import io.flussjava.types.RowType;
import io.flussjava.types.TimestampType;
import io.flussjava.types.codec.ByteArrayOutput;
import io.flussjava.types.codec.NestedRowCodec;
import io.flussjava.types.codec.NestedValueCodec;
import io.flussjava.types.codec.Utf8;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * Fluss's IndexedRow encoding. A row is laid out as
 *
 * <ol>
 *   <li>a null bitset of {@code ceil(fieldCount / 8)} bytes (bit {@code i % 8} of byte {@code i /
 *       8}, set = null);
 *   <li>one int32 LE slot per variable-length column of the schema (STRING, BYTES, DECIMAL with
 *       precision above 18, ARRAY, MAP, ROW), filled in order with the byte lengths of the non-null
 *       ones; slots of null columns stay at the end, zero;
 *   <li>the non-null values in column order, nulls taking no bytes.
 * </ol>
 *
 * Fixed widths: BOOLEAN, TINYINT 1; SMALLINT 2; INT, FLOAT, DATE (epoch days), TIME (millisecond of
 * day) 4; BIGINT, DOUBLE, compact DECIMAL (unscaled long) 8; TIMESTAMP / TIMESTAMP_LTZ epoch
 * milliseconds 8, plus 4 bytes of nanosecond-of-millisecond above precision 3; CHAR(n) n bytes of
 * zero-padded UTF-8; BINARY(n) n bytes. Wide decimals are the unscaled value's big-endian two's
 * complement bytes. ARRAY and MAP values are Fluss's binary arrays and maps ({@link
 * NestedValueCodec}) whose nested rows are IndexedRows; a ROW value is a nested IndexedRow. All
 * numbers little-endian.
 *
 * <p>Writing is not thread-safe (it keeps a scratch array for UTF-8); reading is, nested values
 * included, so one codec may decode rows on many threads at once.
 */
public final class IndexedRowCodec implements RowEncoder, RowDecoder, NestedRowCodec {
  private static final VarHandle SHORT_LE =
      MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INT_LE =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONG_LE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private static final int BOOLEAN = 0;
  private static final int TINYINT = 1;
  private static final int SMALLINT = 2;
  private static final int INT = 3;
  private static final int BIGINT = 4;
  private static final int FLOAT = 5;
  private static final int DOUBLE = 6;
  private static final int DECIMAL_COMPACT = 7;
  private static final int DECIMAL_WIDE = 8;
  private static final int CHAR = 9;
  private static final int STRING = 10;
  private static final int BINARY = 11;
  private static final int BYTES = 12;
  private static final int DATE = 13;
  private static final int TIME = 14;
  private static final int TIMESTAMP = 15;
  private static final int TIMESTAMP_LTZ = 16;
  private static final int NESTED = 17;

  private static final int NANOS_PER_MILLI = 1_000_000;

  private final String[] names;
  private final int[] kinds;

  /** Byte width of fixed-width columns, -1 for variable-length ones. */
  private final int[] widths;

  private final int[] scales;

  /** The codec of each ARRAY, MAP or ROW column (null for the others). */
  private final NestedValueCodec[] nested;

  private final int nullBytes;
  private final int headerSize;
  private byte[] utf8 = new byte[64];

  public IndexedRowCodec(RowType rowType) {
    int count = rowType.getFieldCount();
    this.names = rowType.getFieldNames().toArray(new String[0]);
    this.kinds = new int[count];
    this.widths = new int[count];
    this.scales = new int[count];
    this.nested = new NestedValueCodec[count];
    int variable = 0;
    for (int i = 0; i < count; i++) {
      DataType type = rowType.getTypeAt(i);
      classify(i, type);
      if (widths[i] < 0) {
        variable++;
      }
    }
    this.nullBytes = (count + 7) / 8;
    this.headerSize = nullBytes + 4 * variable;
  }

  private void classify(int i, DataType type) {
    switch (type.getTypeRoot()) {
      case BOOLEAN:
        set(i, BOOLEAN, 1);
        break;
      case TINYINT:
        set(i, TINYINT, 1);
        break;
      case SMALLINT:
        set(i, SMALLINT, 2);
        break;
      case INTEGER:
        set(i, INT, 4);
        break;
      case BIGINT:
        set(i, BIGINT, 8);
        break;
      case FLOAT:
        set(i, FLOAT, 4);
        break;
      case DOUBLE:
        set(i, DOUBLE, 8);
        break;
      case DECIMAL:
        DecimalType decimal = (DecimalType) type;
        scales[i] = decimal.getScale();
        if (decimal.getPrecision() <= 18) {
          set(i, DECIMAL_COMPACT, 8);
        } else {
          set(i, DECIMAL_WIDE, -1);
        }
        break;
      case CHAR:
        set(i, CHAR, ((CharType) type).getLength());
        break;
      case STRING:
        set(i, STRING, -1);
        break;
      case BINARY:
        set(i, BINARY, ((BinaryType) type).getLength());
        break;
      case BYTES:
        set(i, BYTES, -1);
        break;
      case DATE:
        set(i, DATE, 4);
        break;
      case TIME_WITHOUT_TIME_ZONE:
        set(i, TIME, 4);
        break;
      case TIMESTAMP_WITHOUT_TIME_ZONE:
        set(i, TIMESTAMP, ((TimestampType) type).getPrecision() <= 3 ? 8 : 12);
        break;
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
        set(i, TIMESTAMP_LTZ, ((LocalZonedTimestampType) type).getPrecision() <= 3 ? 8 : 12);
        break;
      case ARRAY:
      case MAP:
      case ROW:
        nested[i] = NestedValueCodec.forType(type, IndexedRowCodec::new);
        set(i, NESTED, -1);
        break;
      default:
        throw new IllegalArgumentException(
            "column '" + names[i] + "': no IndexedRow encoding for " + type);
    }
  }

  private void set(int i, int kind, int width) {
    kinds[i] = kind;
    widths[i] = width;
  }

  @Override
  public void write(Object[] row, ByteArrayOutput out) {
    if (row.length != kinds.length) {
      throw new IllegalArgumentException("expected " + kinds.length + " values, got " + row.length);
    }
    int start = out.skipZeroed(headerSize);
    int lengthSlot = start + nullBytes;
    for (int i = 0; i < row.length; i++) {
      Object value = row[i];
      if (value == null) {
        out.array()[start + (i >>> 3)] |= (byte) (1 << (i & 7));
        continue;
      }
      int before = out.position();
      writeValue(i, value, out);
      if (widths[i] < 0) {
        out.putIntLE(lengthSlot, out.position() - before);
        lengthSlot += 4;
      }
    }
  }

  private void writeValue(int i, Object value, ByteArrayOutput out) {
    switch (kinds[i]) {
      case BOOLEAN:
        out.writeByte((Boolean) value ? 1 : 0);
        break;
      case TINYINT:
        out.writeByte((Byte) value);
        break;
      case SMALLINT:
        out.writeShortLE((Short) value);
        break;
      case INT:
        out.writeIntLE((Integer) value);
        break;
      case BIGINT:
        out.writeLongLE((Long) value);
        break;
      case FLOAT:
        out.writeIntLE(Float.floatToRawIntBits((Float) value));
        break;
      case DOUBLE:
        out.writeLongLE(Double.doubleToRawLongBits((Double) value));
        break;
      case DECIMAL_COMPACT:
        out.writeLongLE(unscaled(i, (BigDecimal) value).longValueExact());
        break;
      case DECIMAL_WIDE:
        out.writeBytes(unscaled(i, (BigDecimal) value).toByteArray());
        break;
      case CHAR:
        writeChar(i, (String) value, out);
        break;
      case STRING:
        writeString((String) value, out);
        break;
      case BINARY:
        writeBinary(i, (byte[]) value, out);
        break;
      case BYTES:
        out.writeBytes((byte[]) value);
        break;
      case DATE:
        out.writeIntLE(Math.toIntExact(((LocalDate) value).toEpochDay()));
        break;
      case TIME:
        out.writeIntLE((int) (((LocalTime) value).toNanoOfDay() / NANOS_PER_MILLI));
        break;
      case TIMESTAMP:
        LocalDateTime dateTime = (LocalDateTime) value;
        writeMillisAndNanos(
            dateTime.toEpochSecond(ZoneOffset.UTC), dateTime.getNano(), widths[i] > 8, out);
        break;
      case TIMESTAMP_LTZ:
        Instant instant = (Instant) value;
        writeMillisAndNanos(instant.getEpochSecond(), instant.getNano(), widths[i] > 8, out);
        break;
      case NESTED:
        nested[i].writeValue(value, out);
        break;
      default:
        throw new IllegalStateException("unknown column kind " + kinds[i]);
    }
  }

  private BigInteger unscaled(int i, BigDecimal value) {
    return (value.scale() == scales[i]
            ? value
            : value.setScale(scales[i], RoundingMode.UNNECESSARY))
        .unscaledValue();
  }

  private void writeString(String value, ByteArrayOutput out) {
    int length = encode(value); // may replace utf8: call it before reading the field
    out.writeBytes(utf8, 0, length);
  }

  private void writeChar(int i, String value, ByteArrayOutput out) {
    int width = widths[i];
    int length = encode(value);
    if (length > width) {
      throw new IllegalArgumentException(
          "CHAR("
              + width
              + ") column '"
              + names[i]
              + "' cannot hold the "
              + length
              + " UTF-8 bytes of its value in the INDEXED format");
    }
    out.writeBytes(utf8, 0, length);
    out.skipZeroed(width - length);
  }

  /** Encodes into {@link #utf8} and returns the length. */
  private int encode(String value) {
    int max = Utf8.maxEncodedLength(value);
    if (utf8.length < max) {
      utf8 = new byte[Math.max(max, utf8.length * 2)];
    }
    return Utf8.encode(value, utf8, 0);
  }

  private void writeBinary(int i, byte[] value, ByteArrayOutput out) {
    int width = widths[i];
    if (value.length > width) {
      throw new IllegalArgumentException(
          "BINARY("
              + width
              + ") column '"
              + names[i]
              + "' cannot hold a "
              + value.length
              + "-byte value");
    }
    int start = out.skipZeroed(width);
    System.arraycopy(value, 0, out.array(), start, value.length);
  }

  private static void writeMillisAndNanos(
      long epochSecond, int nano, boolean withNanos, ByteArrayOutput out) {
    out.writeLongLE(Math.addExact(Math.multiplyExact(epochSecond, 1000L), nano / NANOS_PER_MILLI));
    if (withNanos) {
      out.writeIntLE(nano % NANOS_PER_MILLI);
    }
  }

  @Override
  public void writeRow(Object[] values, ByteArrayOutput out) {
    write(values, out);
  }

  @Override
  public Object[] readRow(byte[] bytes, int offset, int length) {
    return read(bytes, offset, length);
  }

  @Override
  public Object[] read(byte[] bytes, int offset, int length) {
    int end = offset + length;
    if (length < headerSize) {
      throw new IllegalArgumentException(
          "malformed IndexedRow: "
              + length
              + " bytes cannot hold the "
              + headerSize
              + "-byte header");
    }
    Object[] row = new Object[kinds.length];
    int position = offset + headerSize;
    int lengthSlot = offset + nullBytes;
    for (int i = 0; i < kinds.length; i++) {
      if ((bytes[offset + (i >>> 3)] & (1 << (i & 7))) != 0) {
        continue;
      }
      int width = widths[i];
      if (width < 0) {
        width = (int) INT_LE.get(bytes, lengthSlot);
        lengthSlot += 4;
      }
      if (width < 0 || width > end - position) {
        throw new IllegalArgumentException(
            "malformed IndexedRow: column '"
                + names[i]
                + "' needs "
                + width
                + " bytes, "
                + (end - position)
                + " are left");
      }
      row[i] = readValue(i, bytes, position, width);
      position += width;
    }
    if (position != end) {
      throw new IllegalArgumentException(
          "malformed IndexedRow: " + (end - position) + " bytes left after the last column");
    }
    return row;
  }

  private Object readValue(int i, byte[] bytes, int position, int width) {
    switch (kinds[i]) {
      case BOOLEAN:
        return bytes[position] != 0;
      case TINYINT:
        return bytes[position];
      case SMALLINT:
        return (short) SHORT_LE.get(bytes, position);
      case INT:
        return (int) INT_LE.get(bytes, position);
      case BIGINT:
        return (long) LONG_LE.get(bytes, position);
      case FLOAT:
        return Float.intBitsToFloat((int) INT_LE.get(bytes, position));
      case DOUBLE:
        return Double.longBitsToDouble((long) LONG_LE.get(bytes, position));
      case DECIMAL_COMPACT:
        return BigDecimal.valueOf((long) LONG_LE.get(bytes, position), scales[i]);
      case DECIMAL_WIDE:
        return new BigDecimal(new BigInteger(bytes, position, width), scales[i]);
      case CHAR:
        int used = width;
        while (used > 0 && bytes[position + used - 1] == 0) {
          used--;
        }
        return new String(bytes, position, used, StandardCharsets.UTF_8);
      case STRING:
        return new String(bytes, position, width, StandardCharsets.UTF_8);
      case BINARY:
      case BYTES:
        return Arrays.copyOfRange(bytes, position, position + width);
      case DATE:
        return LocalDate.ofEpochDay((int) INT_LE.get(bytes, position));
      case TIME:
        return LocalTime.ofNanoOfDay((long) (int) INT_LE.get(bytes, position) * NANOS_PER_MILLI);
      case TIMESTAMP:
      case TIMESTAMP_LTZ:
        long millis = (long) LONG_LE.get(bytes, position);
        int nanoOfMilli = width > 8 ? (int) INT_LE.get(bytes, position + 8) : 0;
        long second = Math.floorDiv(millis, 1000L);
        int nano = (int) Math.floorMod(millis, 1000L) * NANOS_PER_MILLI + nanoOfMilli;
        return kinds[i] == TIMESTAMP
            ? LocalDateTime.ofEpochSecond(second, nano, ZoneOffset.UTC)
            : Instant.ofEpochSecond(second, nano);
      case NESTED:
        return nested[i].readValue(bytes, position, width);
      default:
        throw new IllegalStateException("unknown column kind " + kinds[i]);
    }
  }
}
