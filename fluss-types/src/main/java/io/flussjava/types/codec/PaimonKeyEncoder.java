package io.flussjava.types.codec;

import io.flussjava.exception.InvalidRowException;
import io.flussjava.types.DataType;
import io.flussjava.types.DecimalType;
import io.flussjava.types.LocalZonedTimestampType;
import io.flussjava.types.RowType;
import io.flussjava.types.TimestampType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

/**
 * Encodes key columns as a Paimon {@code BinaryRow}, the key bytes of tables with {@code
 * table.datalake.format=paimon}: Paimon hashes exactly these bytes to pick a bucket, so Fluss and
 * the lake agree on where a key lives.
 *
 * <p>Layout (all numbers little-endian):
 *
 * <ul>
 *   <li>A header of 8-byte words holding the row kind (byte 0, always 0 = INSERT) and one null bit
 *       per key column (bit {@code 8 + i}).
 *   <li>One 8-byte slot per key column: BOOLEAN, TINYINT 1 byte; SMALLINT 2; INT, DATE (days), TIME
 *       (milliseconds of the day), FLOAT 4; BIGINT, DOUBLE 8; DECIMAL up to precision 18 and
 *       TIMESTAMP/TIMESTAMP_LTZ up to precision 3 as a long (unscaled value, epoch milliseconds);
 *       the rest of the slot is zero.
 *   <li>Strings (UTF-8) and byte strings of up to 7 bytes live in their slot: the bytes, then
 *       {@code 0x80 | length} in the slot's last byte. Longer ones go to a variable part after the
 *       slots, padded to 8 bytes, and the slot holds {@code offset << 32 | length}.
 *   <li>Wider DECIMALs take 16 bytes of the variable part (the unscaled value's big-endian
 *       two's-complement bytes, zero padded); wider timestamps take 8 (the epoch milliseconds), and
 *       their slot holds {@code offset << 32 | nanoOfMillisecond}.
 *   <li>A null value of a nullable column sets its null bit and leaves its slot zero.
 * </ul>
 *
 * <p>For fluss-java's own modules; not an API for applications, and it may change without notice.
 */
public final class PaimonKeyEncoder implements KeyEncoder {
  private static final int HEADER_BITS = 8;
  private static final int MAX_INLINE_BYTES = 7;
  private static final int MAX_COMPACT_DECIMAL_PRECISION = 18;
  private static final int MAX_COMPACT_TIMESTAMP_PRECISION = 3;
  private static final int WIDE_DECIMAL_BYTES = 16;

  /** Writes one non-null value: into its slot at {@code slot}, and maybe the variable part. */
  private interface FieldWriter {
    void write(ByteArrayOutput out, int slot, Object value);
  }

  private final int[] keyIndexes;
  private final String[] keyNames;
  private final boolean[] nullable;
  private final FieldWriter[] writers;
  private final int headerBytes;
  private final int fixedBytes;

  /**
   * An encoder for the fields of {@code rowType} at {@code keyIndexes}, in that order.
   *
   * @throws IllegalArgumentException if there is no key column or an index is not a field
   * @throws UnsupportedOperationException if a key column is an ARRAY, MAP or ROW
   */
  public PaimonKeyEncoder(RowType rowType, int[] keyIndexes) {
    this.keyIndexes = keyIndexes.clone();
    this.keyNames = KeyColumns.names(rowType, keyIndexes);
    this.nullable = new boolean[keyIndexes.length];
    this.writers = new FieldWriter[keyIndexes.length];
    for (int i = 0; i < keyIndexes.length; i++) {
      DataType type = rowType.getTypeAt(keyIndexes[i]);
      nullable[i] = type.isNullable();
      writers[i] = writerFor(keyNames[i], type);
    }
    int arity = keyIndexes.length;
    this.headerBytes = (arity + 63 + HEADER_BITS) / 64 * 8;
    this.fixedBytes = headerBytes + 8 * arity;
  }

  @Override
  public byte[] encodeKey(Object[] row) {
    ByteArrayOutput out = new ByteArrayOutput(fixedBytes + 16);
    out.skipZeroed(fixedBytes); // byte 0 stays 0: the INSERT row kind
    for (int i = 0; i < keyIndexes.length; i++) {
      int slot = headerBytes + 8 * i;
      Object value = row[keyIndexes[i]];
      if (value != null) {
        writers[i].write(out, slot, value);
      } else if (nullable[i]) {
        int bit = HEADER_BITS + i;
        out.array()[bit >>> 3] |= (byte) (1 << (bit & 7));
      } else {
        throw new InvalidRowException("key column '" + keyNames[i] + "' must not be null");
      }
    }
    return out.toByteArray();
  }

  private static FieldWriter writerFor(String name, DataType type) {
    switch (type.getTypeRoot()) {
      case BOOLEAN:
        return (out, slot, v) -> out.array()[slot] = (byte) ((Boolean) v ? 1 : 0);
      case TINYINT:
        return (out, slot, v) -> out.array()[slot] = (Byte) v;
      case SMALLINT:
        return (out, slot, v) -> out.putShortLE(slot, (Short) v);
      case INTEGER:
        return (out, slot, v) -> out.putIntLE(slot, (Integer) v);
      case DATE:
        return (out, slot, v) -> out.putIntLE(slot, (int) ((LocalDate) v).toEpochDay());
      case TIME_WITHOUT_TIME_ZONE:
        return (out, slot, v) -> out.putIntLE(slot, EpochMillis.millisOfDay((LocalTime) v));
      case BIGINT:
        return (out, slot, v) -> out.putLongLE(slot, (Long) v);
      case FLOAT:
        return (out, slot, v) -> out.putIntLE(slot, Float.floatToRawIntBits((Float) v));
      case DOUBLE:
        return (out, slot, v) -> out.putLongLE(slot, Double.doubleToRawLongBits((Double) v));
      case CHAR:
      case STRING:
        return (out, slot, v) ->
            writeBytes(out, slot, ((String) v).getBytes(StandardCharsets.UTF_8));
      case BINARY:
      case BYTES:
        return (out, slot, v) -> writeBytes(out, slot, (byte[]) v);
      case DECIMAL:
        return decimalWriter((DecimalType) type);
      case TIMESTAMP_WITHOUT_TIME_ZONE:
        return timestampWriter(
            ((TimestampType) type).getPrecision(),
            v -> EpochMillis.millisOf((LocalDateTime) v),
            v -> EpochMillis.nanoOfMilliOf((LocalDateTime) v));
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
        return timestampWriter(
            ((LocalZonedTimestampType) type).getPrecision(),
            v -> EpochMillis.millisOf((Instant) v),
            v -> EpochMillis.nanoOfMilliOf((Instant) v));
      default:
        throw new IllegalArgumentException(
            "key column '" + name + "' is " + type + ", which a Paimon key cannot hold");
    }
  }

  private static FieldWriter decimalWriter(DecimalType type) {
    int scale = type.getScale();
    if (type.getPrecision() <= MAX_COMPACT_DECIMAL_PRECISION) {
      return (out, slot, v) ->
          out.putLongLE(slot, CompactedFieldCodec.unscaled((BigDecimal) v, scale).longValueExact());
    }
    return (out, slot, v) -> {
      byte[] unscaled = CompactedFieldCodec.unscaled((BigDecimal) v, scale).toByteArray();
      int offset = out.skipZeroed(WIDE_DECIMAL_BYTES);
      System.arraycopy(unscaled, 0, out.array(), offset, unscaled.length);
      out.putLongLE(slot, (long) offset << 32 | unscaled.length);
    };
  }

  /**
   * Up to precision 3 the epoch milliseconds in the slot; above, the milliseconds in the variable
   * part and the nanoseconds of the millisecond next to its offset in the slot.
   */
  private static FieldWriter timestampWriter(
      int precision, ToLongFunction<Object> millis, ToIntFunction<Object> nanoOfMilli) {
    if (precision <= MAX_COMPACT_TIMESTAMP_PRECISION) {
      return (out, slot, v) -> out.putLongLE(slot, millis.applyAsLong(v));
    }
    return (out, slot, v) -> {
      int offset = out.position();
      out.writeLongLE(millis.applyAsLong(v));
      out.putLongLE(slot, (long) offset << 32 | nanoOfMilli.applyAsInt(v));
    };
  }

  private static void writeBytes(ByteArrayOutput out, int slot, byte[] bytes) {
    int length = bytes.length;
    if (length <= MAX_INLINE_BYTES) {
      byte[] buffer = out.array();
      System.arraycopy(bytes, 0, buffer, slot, length);
      buffer[slot + 7] = (byte) (0x80 | length);
    } else {
      int offset = out.position();
      out.writeBytes(bytes);
      out.padTo8(0);
      out.putLongLE(slot, (long) offset << 32 | length);
    }
  }
}
