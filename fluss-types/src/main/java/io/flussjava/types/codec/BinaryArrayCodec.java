package io.flussjava.types.codec;

import io.flussjava.types.DataType;
import io.flussjava.types.DecimalType;
import io.flussjava.types.LocalZonedTimestampType;
import io.flussjava.types.TimestampType;
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
import java.util.Collections;
import java.util.List;

/**
 * Fluss's binary array, the encoding of ARRAY values (and of the key and value halves of MAP
 * values) inside CompactedRow and IndexedRow records. All numbers little-endian; offsets count from
 * the array's first byte:
 *
 * <pre>
 * int32 element count n
 * null bits: ceil(n / 32) * 4 bytes, bit i % 8 of byte i / 8 set = element i is null
 * n slots of W bytes: W = 1 for BOOLEAN, TINYINT; 2 for SMALLINT; 4 for INT, FLOAT, DATE, TIME; 8 for the rest
 * zeros up to a multiple of 8
 * variable part: one entry per element that needs one, each starting at a multiple of 8 and zero-padded to one
 * </pre>
 *
 * Slots hold fixed-width values as they are (DATE epoch days, TIME millisecond of day, FLOAT/DOUBLE
 * with NaN in its canonical form). Strings and bytes of at most 7 bytes sit in the slot itself,
 * with {@code 0x80 | length} in its last byte; longer ones, wide decimals (16 bytes reserved),
 * nested arrays, maps and rows go to the variable part and the slot holds {@code offset << 32 |
 * length}. A TIMESTAMP of precision 0..3 is its epoch milliseconds; above, the milliseconds go to
 * the variable part and the slot holds {@code offset << 32 | nanos of the millisecond}. Null
 * elements are their bit and a zero slot. The whole array is a multiple of 8 bytes long.
 *
 * <p>One instance per element type; it holds the codecs of nested types. Writing is not thread-safe
 * (inline scratch bytes); {@link #read} is.
 */
public final class BinaryArrayCodec implements NestedValueCodec {
  private static final VarHandle SHORT_LE =
      MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INT_LE =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONG_LE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private static final int MAX_INLINE_BYTES = 7;
  private static final int WIDE_DECIMAL_BYTES = 16;
  private static final int NANOS_PER_MILLI = 1_000_000;

  private enum Kind {
    BOOLEAN,
    TINYINT,
    SMALLINT,
    INT,
    BIGINT,
    FLOAT,
    DOUBLE,
    DECIMAL_COMPACT,
    DECIMAL_WIDE,
    STRING,
    BYTES,
    DATE,
    TIME,
    TIMESTAMP_COMPACT,
    TIMESTAMP_WIDE,
    LTZ_COMPACT,
    LTZ_WIDE,
    ARRAY,
    MAP,
    ROW
  }

  private final DataType elementType;
  private final Kind kind;
  private final int width;
  private final int scale;
  private final NestedValueCodec nested;
  private final byte[] inline = new byte[MAX_INLINE_BYTES * 3];

  public BinaryArrayCodec(DataType elementType, NestedRowCodec.Factory rows) {
    this.elementType = elementType;
    this.kind = kindOf(elementType);
    this.width = widthOf(kind);
    this.scale = elementType instanceof DecimalType ? ((DecimalType) elementType).getScale() : 0;
    this.nested =
        kind == Kind.ARRAY || kind == Kind.MAP || kind == Kind.ROW
            ? NestedValueCodec.forType(elementType, rows)
            : null;
  }

  private static Kind kindOf(DataType type) {
    switch (type.getTypeRoot()) {
      case BOOLEAN:
        return Kind.BOOLEAN;
      case TINYINT:
        return Kind.TINYINT;
      case SMALLINT:
        return Kind.SMALLINT;
      case INTEGER:
        return Kind.INT;
      case BIGINT:
        return Kind.BIGINT;
      case FLOAT:
        return Kind.FLOAT;
      case DOUBLE:
        return Kind.DOUBLE;
      case DECIMAL:
        return ((DecimalType) type).getPrecision() <= 18 ? Kind.DECIMAL_COMPACT : Kind.DECIMAL_WIDE;
      case CHAR:
      case STRING:
        return Kind.STRING;
      case BINARY:
      case BYTES:
        return Kind.BYTES;
      case DATE:
        return Kind.DATE;
      case TIME_WITHOUT_TIME_ZONE:
        return Kind.TIME;
      case TIMESTAMP_WITHOUT_TIME_ZONE:
        return ((TimestampType) type).getPrecision() <= 3
            ? Kind.TIMESTAMP_COMPACT
            : Kind.TIMESTAMP_WIDE;
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
        return ((LocalZonedTimestampType) type).getPrecision() <= 3
            ? Kind.LTZ_COMPACT
            : Kind.LTZ_WIDE;
      case ARRAY:
        return Kind.ARRAY;
      case MAP:
        return Kind.MAP;
      case ROW:
        return Kind.ROW;
      default:
        throw new IllegalArgumentException("no binary array encoding for elements of type " + type);
    }
  }

  private static int widthOf(Kind kind) {
    switch (kind) {
      case BOOLEAN:
      case TINYINT:
        return 1;
      case SMALLINT:
        return 2;
      case INT:
      case FLOAT:
      case DATE:
      case TIME:
        return 4;
      default:
        return 8;
    }
  }

  /**
   * Appends the array of {@code values} (canonical element values, null for null) to {@code out}.
   */
  public void write(List<?> values, ByteArrayOutput out) {
    int n = values.size();
    int start = out.position();
    int nullBytes = nullBytes(n);
    int slots = start + 4 + nullBytes;
    out.skipZeroed(roundUp8(4 + nullBytes + n * width));
    out.putIntLE(start, n);
    for (int i = 0; i < n; i++) {
      Object value = values.get(i);
      if (value == null) {
        out.array()[start + 4 + (i >>> 3)] |= (byte) (1 << (i & 7));
      } else {
        writeElement(out, start, slots + i * width, value);
      }
    }
  }

  private void writeElement(ByteArrayOutput out, int start, int slot, Object value) {
    byte[] array = out.array();
    switch (kind) {
      case BOOLEAN:
        array[slot] = (byte) ((Boolean) value ? 1 : 0);
        break;
      case TINYINT:
        array[slot] = (Byte) value;
        break;
      case SMALLINT:
        SHORT_LE.set(array, slot, (short) (Short) value);
        break;
      case INT:
        INT_LE.set(array, slot, (int) (Integer) value);
        break;
      case FLOAT:
        INT_LE.set(
            array,
            slot,
            Float.floatToIntBits((Float) value)); // NaN in its canonical form, as Fluss writes it
        break;
      case DATE:
        INT_LE.set(array, slot, Math.toIntExact(((LocalDate) value).toEpochDay()));
        break;
      case TIME:
        INT_LE.set(array, slot, (int) (((LocalTime) value).toNanoOfDay() / NANOS_PER_MILLI));
        break;
      case BIGINT:
        LONG_LE.set(array, slot, (long) (Long) value);
        break;
      case DOUBLE:
        LONG_LE.set(array, slot, Double.doubleToLongBits((Double) value));
        break;
      case DECIMAL_COMPACT:
        LONG_LE.set(array, slot, unscaled((BigDecimal) value).longValueExact());
        break;
      case DECIMAL_WIDE:
        byte[] unscaled = unscaled((BigDecimal) value).toByteArray();
        int decimalAt = out.skipZeroed(WIDE_DECIMAL_BYTES);
        System.arraycopy(unscaled, 0, out.array(), decimalAt, unscaled.length);
        out.putLongLE(slot, pointer(decimalAt - start, unscaled.length));
        break;
      case STRING:
        writeString(out, start, slot, (String) value);
        break;
      case BYTES:
        byte[] bytes = (byte[]) value;
        writeBytes(out, start, slot, bytes, bytes.length);
        break;
      case TIMESTAMP_COMPACT:
      case TIMESTAMP_WIDE:
        LocalDateTime dateTime = (LocalDateTime) value;
        writeTimestamp(
            out, start, slot, dateTime.toEpochSecond(ZoneOffset.UTC), dateTime.getNano());
        break;
      case LTZ_COMPACT:
      case LTZ_WIDE:
        Instant instant = (Instant) value;
        writeTimestamp(out, start, slot, instant.getEpochSecond(), instant.getNano());
        break;
      case ARRAY:
      case MAP:
      case ROW:
        int nestedAt = out.position();
        nested.writeValue(value, out);
        out.putLongLE(slot, pointer(nestedAt - start, out.position() - nestedAt));
        out.padTo8(start); // arrays already end on a multiple of 8; maps and rows need not
        break;
      default:
        throw new IllegalStateException("unknown element kind " + kind);
    }
  }

  private static long pointer(int offset, int length) {
    return ((long) offset << 32) | (length & 0xFFFFFFFFL);
  }

  private BigInteger unscaled(BigDecimal value) {
    return (value.scale() == scale ? value : value.setScale(scale, RoundingMode.UNNECESSARY))
        .unscaledValue();
  }

  private void writeString(ByteArrayOutput out, int start, int slot, String value) {
    if (value.length() <= MAX_INLINE_BYTES && Utf8.maxEncodedLength(value) <= inline.length) {
      int length = Utf8.encode(value, inline, 0);
      if (length <= MAX_INLINE_BYTES) {
        writeBytes(out, start, slot, inline, length);
        return;
      }
    }
    int at = out.position();
    int length = out.writeUtf8(value);
    out.putLongLE(slot, pointer(at - start, length));
    out.padTo8(start);
  }

  private static void writeBytes(
      ByteArrayOutput out, int start, int slot, byte[] bytes, int length) {
    if (length <= MAX_INLINE_BYTES) {
      byte[] array = out.array();
      System.arraycopy(bytes, 0, array, slot, length);
      array[slot + 7] = (byte) (0x80 | length);
      return;
    }
    int at = out.position();
    out.writeBytes(bytes, 0, length);
    out.putLongLE(slot, pointer(at - start, length));
    out.padTo8(start);
  }

  private void writeTimestamp(
      ByteArrayOutput out, int start, int slot, long epochSecond, int nano) {
    long millis = Math.addExact(Math.multiplyExact(epochSecond, 1000L), nano / NANOS_PER_MILLI);
    if (kind == Kind.TIMESTAMP_COMPACT || kind == Kind.LTZ_COMPACT) {
      out.putLongLE(slot, millis);
      return;
    }
    int at = out.position();
    out.writeLongLE(millis);
    out.putLongLE(slot, pointer(at - start, nano % NANOS_PER_MILLI));
  }

  @Override
  public void writeValue(Object value, ByteArrayOutput out) {
    write((List<?>) value, out);
  }

  @Override
  public Object readValue(byte[] bytes, int offset, int length) {
    return read(bytes, offset, length);
  }

  /**
   * Decodes the array in {@code bytes[offset, offset + length)} into an unmodifiable list of
   * canonical values.
   *
   * @throws IllegalArgumentException if the bytes are not a well-formed array of this element type
   */
  public List<Object> read(byte[] bytes, int offset, int length) {
    if (length < 4) {
      throw malformed("an array needs 4 bytes for its size, has " + length);
    }
    int n = (int) INT_LE.get(bytes, offset);
    if (n < 0 || 4L + nullBytes(n) + (long) n * width > length) {
      throw malformed(
          "an array of " + length + " bytes cannot hold " + n + " elements of " + elementType);
    }
    int slots = offset + 4 + nullBytes(n);
    Object[] values = new Object[n];
    for (int i = 0; i < n; i++) {
      if ((bytes[offset + 4 + (i >>> 3)] & (1 << (i & 7))) == 0) {
        values[i] = readElement(bytes, offset, length, slots + i * width);
      }
    }
    return Collections.unmodifiableList(Arrays.asList(values));
  }

  private Object readElement(byte[] bytes, int start, int length, int slot) {
    switch (kind) {
      case BOOLEAN:
        return bytes[slot] != 0;
      case TINYINT:
        return bytes[slot];
      case SMALLINT:
        return (short) SHORT_LE.get(bytes, slot);
      case INT:
        return (int) INT_LE.get(bytes, slot);
      case FLOAT:
        return Float.intBitsToFloat((int) INT_LE.get(bytes, slot));
      case DATE:
        return LocalDate.ofEpochDay((int) INT_LE.get(bytes, slot));
      case TIME:
        return LocalTime.ofNanoOfDay((long) (int) INT_LE.get(bytes, slot) * NANOS_PER_MILLI);
      case BIGINT:
        return (long) LONG_LE.get(bytes, slot);
      case DOUBLE:
        return Double.longBitsToDouble((long) LONG_LE.get(bytes, slot));
      case DECIMAL_COMPACT:
        return BigDecimal.valueOf((long) LONG_LE.get(bytes, slot), scale);
      case TIMESTAMP_COMPACT:
        return EpochMillis.toLocalDateTime((long) LONG_LE.get(bytes, slot), 0);
      case LTZ_COMPACT:
        return EpochMillis.toInstant((long) LONG_LE.get(bytes, slot), 0);
      default:
        return readVariable(bytes, start, length, slot);
    }
  }

  private Object readVariable(byte[] bytes, int start, int length, int slot) {
    long pointer = (long) LONG_LE.get(bytes, slot);
    if (pointer < 0 && (kind == Kind.STRING || kind == Kind.BYTES)) {
      int inlineLength = (int) (pointer >>> 56) & 0x7F;
      if (inlineLength > MAX_INLINE_BYTES) {
        throw malformed("an inline value cannot be " + inlineLength + " bytes long");
      }
      return kind == Kind.STRING
          ? new String(bytes, slot, inlineLength, StandardCharsets.UTF_8)
          : Arrays.copyOfRange(bytes, slot, slot + inlineLength);
    }
    int at = (int) (pointer >>> 32);
    int size = (int) pointer;
    boolean timestamp = kind == Kind.TIMESTAMP_WIDE || kind == Kind.LTZ_WIDE;
    int stored = timestamp ? 8 : size;
    if (at < 0 || stored < 0 || (long) at + stored > length) {
      throw malformed(
          "an element at "
              + at
              + " of "
              + stored
              + " bytes lies outside the "
              + length
              + "-byte array");
    }
    int from = start + at;
    switch (kind) {
      case STRING:
        return new String(bytes, from, size, StandardCharsets.UTF_8);
      case BYTES:
        return Arrays.copyOfRange(bytes, from, from + size);
      case DECIMAL_WIDE:
        if (size == 0) {
          throw malformed("a decimal of 0 bytes");
        }
        return new BigDecimal(new BigInteger(bytes, from, size), scale);
      case TIMESTAMP_WIDE:
      case LTZ_WIDE:
        if (size < 0 || size >= NANOS_PER_MILLI) {
          throw malformed("a timestamp with " + size + " nanoseconds of a millisecond");
        }
        long millis = (long) LONG_LE.get(bytes, from);
        return kind == Kind.TIMESTAMP_WIDE
            ? EpochMillis.toLocalDateTime(millis, size)
            : EpochMillis.toInstant(millis, size);
      case ARRAY:
      case MAP:
      case ROW:
        return nested.readValue(bytes, from, size);
      default:
        throw new IllegalStateException("unknown element kind " + kind);
    }
  }

  private static int nullBytes(int n) {
    return ((n + 31) >>> 5) * 4;
  }

  private static int roundUp8(int n) {
    return (n + 7) & ~7;
  }

  private static IllegalArgumentException malformed(String what) {
    return new IllegalArgumentException("malformed binary array: " + what);
  }
}
