package io.flussjava.types.codec;

import io.flussjava.exception.InvalidRowException;
import io.flussjava.types.DataType;
import io.flussjava.types.DecimalType;
import io.flussjava.types.RowType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * Encodes the one key column of a table with {@code table.datalake.format=iceberg} the way
 * Iceberg's bucket transform hashes a value, so that {@link BucketingFunction#ICEBERG} picks the
 * bucket Iceberg would:
 *
 * <ul>
 *   <li>INT, DATE (days) and BIGINT: 8 bytes little-endian (ints widened to long).
 *   <li>TIME: microseconds of the day, TIMESTAMP: epoch microseconds, both 8 bytes little-endian
 *       (nanoseconds below a microsecond are dropped).
 *   <li>FLOAT, DOUBLE: 4 and 8 bytes little-endian IEEE.
 *   <li>DECIMAL: the unscaled value's big-endian two's-complement bytes.
 *   <li>CHAR, STRING: UTF-8; BINARY, BYTES: the bytes themselves.
 * </ul>
 *
 * <p>Iceberg buckets by exactly one column, and Fluss 0.9.1 encodes no other types (no BOOLEAN,
 * TINYINT, SMALLINT, TIMESTAMP_LTZ); such keys are refused when the encoder is built.
 *
 * <p>For fluss-java's own modules; not an API for applications, and it may change without notice.
 */
public final class IcebergKeyEncoder implements KeyEncoder {
  private static final long MICROS_PER_MILLI = 1_000L;
  private static final int NANOS_PER_MICRO = 1_000;

  private interface FieldWriter {
    void write(ByteArrayOutput out, Object value);
  }

  private final int keyIndex;
  private final String keyName;
  private final FieldWriter writer;

  /**
   * An encoder for the field of {@code rowType} at {@code keyIndexes[0]}.
   *
   * @throws IllegalArgumentException if there is not exactly one key column, the index is not a
   *     field, or the column's type has no Iceberg key encoding
   * @throws UnsupportedOperationException if the key column is an ARRAY, MAP or ROW
   */
  public IcebergKeyEncoder(RowType rowType, int[] keyIndexes) {
    if (keyIndexes.length != 1) {
      throw new IllegalArgumentException(
          "an Iceberg key must have exactly one column, got " + keyIndexes.length);
    }
    this.keyIndex = keyIndexes[0];
    this.keyName = KeyColumns.names(rowType, keyIndexes)[0];
    this.writer = writerFor(keyName, rowType.getTypeAt(keyIndex));
  }

  @Override
  public byte[] encodeKey(Object[] row) {
    Object value = row[keyIndex];
    if (value == null) {
      throw new InvalidRowException("key column '" + keyName + "' must not be null");
    }
    ByteArrayOutput out = new ByteArrayOutput(16);
    writer.write(out, value);
    if (out.position() == 0) {
      // Iceberg's bucketing cannot hash zero bytes (the official client fails such a row too).
      throw new InvalidRowException(
          "key column '" + keyName + "' must not be empty on an Iceberg table");
    }
    return out.toByteArray();
  }

  private static FieldWriter writerFor(String name, DataType type) {
    switch (type.getTypeRoot()) {
      case INTEGER:
        return (out, v) -> out.writeLongLE((Integer) v);
      case DATE:
        return (out, v) -> out.writeLongLE(((LocalDate) v).toEpochDay());
      case TIME_WITHOUT_TIME_ZONE:
        return (out, v) ->
            out.writeLongLE(EpochMillis.millisOfDay((LocalTime) v) * MICROS_PER_MILLI);
      case BIGINT:
        return (out, v) -> out.writeLongLE((Long) v);
      case FLOAT:
        return (out, v) -> out.writeIntLE(Float.floatToRawIntBits((Float) v));
      case DOUBLE:
        return (out, v) -> out.writeLongLE(Double.doubleToRawLongBits((Double) v));
      case TIMESTAMP_WITHOUT_TIME_ZONE:
        return (out, v) -> {
          LocalDateTime t = (LocalDateTime) v;
          out.writeLongLE(
              EpochMillis.millisOf(t) * MICROS_PER_MILLI
                  + EpochMillis.nanoOfMilliOf(t) / NANOS_PER_MICRO);
        };
      case DECIMAL:
        int scale = ((DecimalType) type).getScale();
        return (out, v) ->
            out.writeBytes(CompactedFieldCodec.unscaled((BigDecimal) v, scale).toByteArray());
      case CHAR:
      case STRING:
        return (out, v) -> out.writeBytes(((String) v).getBytes(StandardCharsets.UTF_8));
      case BINARY:
      case BYTES:
        return (out, v) -> out.writeBytes((byte[]) v);
      default:
        throw new IllegalArgumentException(
            "key column '" + name + "' is " + type + ", which an Iceberg key cannot hold");
    }
  }
}
