package io.flussjava.client.lookup.internal;

import io.flussjava.client.admin.TableInfo;
import io.flussjava.client.internal.KeyEncodings;
import io.flussjava.client.internal.PartitionNames;
import io.flussjava.client.internal.StoredValueDecoder;
import io.flussjava.client.metadata.SchemaCache;
import io.flussjava.exception.InvalidRowException;
import io.flussjava.types.DataField;
import io.flussjava.types.RowType;
import io.flussjava.types.Schema;
import io.flussjava.types.codec.BucketingFunction;
import io.flussjava.types.codec.KeyEncoder;
import io.flussjava.types.convert.PrecisionCutter;
import io.flussjava.types.convert.RowConverter;
import io.flussjava.types.convert.TypeConverters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The key and value side of one table's lookups: validates and encodes the caller's key values (the
 * lookup columns, in order), finds the bucket exactly as writers do, and decodes the stored value
 * bytes back to a typed row.
 *
 * <p>On a partitioned table the caller's key includes the partition columns; they pick the
 * partition and are left out of the encoded key and the bucket key, as writers leave them out (one
 * partition holds one value of them).
 */
final class KeyedRows {
  private final TableInfo table;
  private final RowConverter keyConverter;
  private final KeyEncoder keyEncoder;
  private final KeyEncoder bucketKeyEncoder;
  private final BucketingFunction bucketing;
  private final StoredValueDecoder valueDecoder;
  private final RowConverter output;
  private final PartitionNames partitionNames;
  private final PrecisionCutter precision;

  // Decoders of values written with other schema versions, made when first met.

  /**
   * @param lookupColumns the columns a key consists of: the primary key, or the bucket-key prefix
   *     of it (then with the partition columns)
   * @param prefix whether keys are prefixes (encoded by the prefix-lookup rules of {@link
   *     KeyEncodings})
   * @throws io.flussjava.exception.UnsupportedTablePropertyException if the table's key rules are
   *     unknown to this client
   */
  KeyedRows(
      TableInfo table,
      List<String> lookupColumns,
      boolean prefix,
      TypeConverters converters,
      SchemaCache schemas) {
    this.table = table;
    RowType rowType = table.getRowType();
    List<DataField> keyFields = new ArrayList<>();
    for (String c : lookupColumns) {
      keyFields.add(rowType.getFields().get(rowType.getFieldIndex(c)));
    }
    RowType keyType = new RowType(keyFields);
    this.keyConverter = new RowConverter(keyType, converters);
    KeyEncodings keys = KeyEncodings.of(table);
    this.bucketing = keys.bucketing();
    this.keyEncoder = prefix ? keys.prefixKey(keyType) : keys.primaryKey(keyType);
    // A point lookup by a default bucket key hashes the key bytes themselves, as writers do.
    this.bucketKeyEncoder = !prefix && keys.isDefaultBucketKey() ? null : keys.bucketKey(keyType);
    this.partitionNames = table.isPartitioned() ? new PartitionNames(table, keyType) : null;
    this.precision = new PrecisionCutter(keyType);
    this.valueDecoder = new StoredValueDecoder(table, schemas, Duration.ZERO);
    this.output = new RowConverter(rowType, converters);
  }

  /**
   * Validates and converts the caller's key values (wrong arity or type, or a null, fails naming
   * the column).
   */
  Object[] keyOf(Object... values) {
    return keyConverter.toCanonical(values);
  }

  Object[] keyOf(List<?> values) {
    return keyConverter.toCanonical(values);
  }

  boolean isPartitioned() {
    return partitionNames != null;
  }

  /**
   * The name of the partition a key belongs to, or {@code null} when its values cannot name a
   * partition (so no partition, and no row, can match).
   */
  String partitionOf(Object[] key) {
    try {
      return partitionNames.nameOf(key);
    } catch (InvalidRowException e) {
      return null;
    }
  }

  /**
   * The key's bytes, its temporal values cut to their column's precision as writers cut them (so a
   * key given with more digits finds its row); partition names come from the key as given.
   */
  byte[] encode(Object[] key) {
    return keyEncoder.encodeKey(precision.cut(key));
  }

  int bucketOf(Object[] key, byte[] encodedKey) {
    byte[] b =
        bucketKeyEncoder == null ? encodedKey : bucketKeyEncoder.encodeKey(precision.cut(key));
    return bucketing.bucketFor(b, table.getNumBuckets());
  }

  /**
   * {@code value} once the schema it was written with is at hand, so that {@link #decode} never
   * waits: at once for the lookuper's own schema or one loaded before; else after loading it
   * (without blocking, so a network thread may call this).
   */
  CompletableFuture<byte[]> withSchema(byte[] value) {
    CompletableFuture<Schema> loading = loadIfMissing(value);
    return loading == null
        ? CompletableFuture.completedFuture(value)
        : loading.thenApply(loaded -> value);
  }

  /** {@link #withSchema} for the values of a prefix lookup. */
  CompletableFuture<List<byte[]>> withSchemas(List<byte[]> values) {
    List<CompletableFuture<Schema>> loads = new ArrayList<>(0);
    for (byte[] value : values) {
      CompletableFuture<Schema> loading = loadIfMissing(value);
      if (loading != null) {
        loads.add(loading);
      }
    }
    return loads.isEmpty()
        ? CompletableFuture.completedFuture(values)
        : CompletableFuture.allOf(loads.toArray(CompletableFuture<?>[]::new))
            .thenApply(loaded -> values);
  }

  private CompletableFuture<Schema> loadIfMissing(byte[] value) {
    return value == null ? null : valueDecoder.loadSchemaOf(value);
  }

  /**
   * A stored value (int16 LE schema id, then the row) as a typed, unmodifiable row in the
   * lookuper's schema: a value of another schema version, whose schema {@link #withSchema} loaded,
   * has the columns added after it was written as null; {@code null} stays null.
   */
  List<Object> decode(byte[] value) {
    if (value == null) {
      return null;
    }
    // Never waits: withSchema loaded the value's schema before the value got here.
    Object[] row = valueDecoder.decode(value, 0, value.length);
    return Collections.unmodifiableList(Arrays.asList(output.fromCanonical(row)));
  }
}
