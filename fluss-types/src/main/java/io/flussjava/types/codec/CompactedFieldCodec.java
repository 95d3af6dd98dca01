package io.flussjava.types.codec;

import io.flussjava.types.DataType;
import io.flussjava.types.DecimalType;
import io.flussjava.types.LocalZonedTimestampType;
import io.flussjava.types.TimestampType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * Writes and reads one non-null canonical value in the CompactedRow body encoding of its type.
 * Shared by the row writer, the row reader and the key encoder, which differ only in what surrounds
 * the values (a null bitset or none).
 *
 * <ul>
 *   <li>BOOLEAN, TINYINT: 1 byte; SMALLINT: 2 bytes LE; FLOAT/DOUBLE: 4/8 bytes LE IEEE.
 *   <li>INT, DATE (days since epoch), TIME (milliseconds of the day): unsigned varint; BIGINT:
 *       unsigned varlong.
 *   <li>CHAR, STRING (UTF-8), BINARY, BYTES: varint length, then the bytes.
 *   <li>DECIMAL with precision up to 18: the unscaled value as a varlong; above: varint length,
 *       then the unscaled value's big-endian two's-complement bytes.
 *   <li>TIMESTAMP, TIMESTAMP_LTZ: epoch milliseconds as a varlong, then, only for precision above
 *       3, the nanoseconds within the millisecond as a varint.
 *   <li>ARRAY, MAP: varint length, then the {@link BinaryArrayCodec binary array} or {@link
 *       BinaryMapCodec map}, whose nested rows are CompactedRows; ROW: varint length, then the
 *       nested CompactedRow.
 * </ul>
 *
 * <p>Values must already be canonical (see {@code io.flussjava.types.convert}); this class does not
 * re-validate them.
 */
final class CompactedFieldCodec {
  private static final int BOOLEAN = 0;
  private static final int TINYINT = 1;
  private static final int SMALLINT = 2;
  private static final int INT = 3;
  private static final int BIGINT = 4;
  private static final int FLOAT = 5;
  private static final int DOUBLE = 6;
  private static final int DECIMAL_COMPACT = 7;
  private static final int DECIMAL_WIDE = 8;
  private static final int STRING = 9;
  private static final int BYTES = 10;
  private static final int DATE = 11;
  private static final int TIME = 12;
  private static final int TIMESTAMP_COMPACT = 13;
  private static final int TIMESTAMP_WIDE = 14;
  private static final int LTZ_COMPACT = 15;
  private static final int LTZ_WIDE = 16;
  private static final int NESTED = 17;

  /** Decimals up to this precision fit an unscaled long. */
  private static final int MAX_COMPACT_DECIMAL_PRECISION = 18;

  /** Timestamps up to this precision are stored as milliseconds only. */
  private static final int MAX_COMPACT_TIMESTAMP_PRECISION = 3;

  private static final int NANOS_PER_MILLI = 1_000_000;

  private final int kind;
  private final int scale;
  private final NestedValueCodec nested;

  /** Nested values are written here first: their varint length prefix comes before them. */
  private final ByteArrayOutput nestedBytes;

  private CompactedFieldCodec(int kind, int scale) {
    this.kind = kind;
    this.scale = scale;
    this.nested = null;
    this.nestedBytes = null;
  }

  private CompactedFieldCodec(NestedValueCodec nested) {
    this.kind = NESTED;
    this.scale = 0;
    this.nested = nested;
    this.nestedBytes = new ByteArrayOutput(64);
  }

  static CompactedFieldCodec forType(DataType type) {
    switch (type.getTypeRoot()) {
      case BOOLEAN:
        return new CompactedFieldCodec(BOOLEAN, 0);
      case TINYINT:
        return new CompactedFieldCodec(TINYINT, 0);
      case SMALLINT:
        return new CompactedFieldCodec(SMALLINT, 0);
      case INTEGER:
        return new CompactedFieldCodec(INT, 0);
      case BIGINT:
        return new CompactedFieldCodec(BIGINT, 0);
      case FLOAT:
        return new CompactedFieldCodec(FLOAT, 0);
      case DOUBLE:
        return new CompactedFieldCodec(DOUBLE, 0);
      case DECIMAL:
        DecimalType decimal = (DecimalType) type;
        return new CompactedFieldCodec(
            decimal.getPrecision() <= MAX_COMPACT_DECIMAL_PRECISION
                ? DECIMAL_COMPACT
                : DECIMAL_WIDE,
            decimal.getScale());
      case CHAR:
      case STRING:
        return new CompactedFieldCodec(STRING, 0);
      case BINARY:
      case BYTES:
        return new CompactedFieldCodec(BYTES, 0);
      case DATE:
        return new CompactedFieldCodec(DATE, 0);
      case TIME_WITHOUT_TIME_ZONE:
        return new CompactedFieldCodec(TIME, 0);
      case TIMESTAMP_WITHOUT_TIME_ZONE:
        return new CompactedFieldCodec(
            ((TimestampType) type).getPrecision() <= MAX_COMPACT_TIMESTAMP_PRECISION
                ? TIMESTAMP_COMPACT
                : TIMESTAMP_WIDE,
            0);
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
        return new CompactedFieldCodec(
            ((LocalZonedTimestampType) type).getPrecision() <= MAX_COMPACT_TIMESTAMP_PRECISION
                ? LTZ_COMPACT
                : LTZ_WIDE,
            0);
      case ARRAY:
      case MAP:
      case ROW:
        return new CompactedFieldCodec(NestedValueCodec.forType(type, CompactedRowCodec::new));
      default:
        throw new IllegalArgumentException("no CompactedRow encoding for " + type);
    }
  }

  /** Writes {@code value}, which must be non-null and of the canonical class. */
  void write(ByteArrayOutput out, Object value) {
    switch (kind) {
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
        out.writeVarInt((Integer) value);
        break;
      case BIGINT:
        out.writeVarLong((Long) value);
        break;
      case FLOAT:
        out.writeIntLE(Float.floatToRawIntBits((Float) value));
        break;
      case DOUBLE:
        out.writeLongLE(Double.doubleToRawLongBits((Double) value));
        break;
      case DECIMAL_COMPACT:
        out.writeVarLong(unscaled((BigDecimal) value).longValueExact());
        break;
      case DECIMAL_WIDE:
        byte[] unscaledBytes = unscaled((BigDecimal) value).toByteArray();
        out.writeVarInt(unscaledBytes.length);
        out.writeBytes(unscaledBytes);
        break;
      case STRING:
        out.writeLengthPrefixedUtf8((String) value);
        break;
      case BYTES:
        byte[] bytes = (byte[]) value;
        out.writeVarInt(bytes.length);
        out.writeBytes(bytes);
        break;
      case DATE:
        out.writeVarInt((int) ((LocalDate) value).toEpochDay());
        break;
      case TIME:
        out.writeVarInt(EpochMillis.millisOfDay((LocalTime) value));
        break;
      case TIMESTAMP_COMPACT:
      case TIMESTAMP_WIDE:
        writeLocalDateTime(out, (LocalDateTime) value, kind == TIMESTAMP_WIDE);
        break;
      case LTZ_COMPACT:
      case LTZ_WIDE:
        writeInstant(out, (Instant) value, kind == LTZ_WIDE);
        break;
      case NESTED:
        nestedBytes.reset();
        nested.writeValue(value, nestedBytes);
        out.writeVarInt(nestedBytes.position());
        out.writeBytes(nestedBytes.array(), 0, nestedBytes.position());
        break;
      default:
        throw new IllegalStateException("unknown field kind " + kind);
    }
  }

  private BigInteger unscaled(BigDecimal value) {
    return unscaled(value, scale);
  }

  /** The unscaled value of {@code value} at the column's {@code scale}. */
  static BigInteger unscaled(BigDecimal value, int scale) {
    // Canonical values already have the column's scale; this only guards against callers that
    // skipped conversion.
    return (value.scale() == scale ? value : value.setScale(scale, RoundingMode.UNNECESSARY))
        .unscaledValue();
  }

  private static void writeLocalDateTime(
      ByteArrayOutput out, LocalDateTime value, boolean withNanos) {
    out.writeVarLong(EpochMillis.millisOf(value));
    if (withNanos) {
      out.writeVarInt(EpochMillis.nanoOfMilliOf(value));
    }
  }

  private static void writeInstant(ByteArrayOutput out, Instant value, boolean withNanos) {
    out.writeVarLong(EpochMillis.millisOf(value));
    if (withNanos) {
      out.writeVarInt(EpochMillis.nanoOfMilliOf(value));
    }
  }

  /** Reads one value, as its canonical class. */
  Object read(ByteArrayInput in) {
    switch (kind) {
      case BOOLEAN:
        return in.readByte() != 0;
      case TINYINT:
        return in.readByte();
      case SMALLINT:
        return in.readShortLE();
      case INT:
        return in.readVarInt();
      case BIGINT:
        return in.readVarLong();
      case FLOAT:
        return Float.intBitsToFloat(in.readIntLE());
      case DOUBLE:
        return Double.longBitsToDouble(in.readLongLE());
      case DECIMAL_COMPACT:
        return BigDecimal.valueOf(in.readVarLong(), scale);
      case DECIMAL_WIDE:
        return new BigDecimal(new BigInteger(in.readBytes(in.readVarInt())), scale);
      case STRING:
        return in.readUtf8(in.readVarInt());
      case BYTES:
        return in.readBytes(in.readVarInt());
      case DATE:
        return LocalDate.ofEpochDay(in.readVarInt());
      case TIME:
        return LocalTime.ofNanoOfDay((long) in.readVarInt() * NANOS_PER_MILLI);
      case TIMESTAMP_COMPACT:
        return EpochMillis.toLocalDateTime(in.readVarLong(), 0);
      case TIMESTAMP_WIDE:
        return EpochMillis.toLocalDateTime(in.readVarLong(), in.readVarInt());
      case LTZ_COMPACT:
        return EpochMillis.toInstant(in.readVarLong(), 0);
      case LTZ_WIDE:
        return EpochMillis.toInstant(in.readVarLong(), in.readVarInt());
      case NESTED:
        int length = in.readVarInt();
        return nested.readValue(in.buffer(), in.take(length), length);
      default:
        throw new IllegalStateException("unknown field kind " + kind);
    }
  }
}
