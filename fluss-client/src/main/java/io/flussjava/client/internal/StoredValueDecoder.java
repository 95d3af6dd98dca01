package io.flussjava.client.internal;

import io.flussjava.client.admin.TableInfo;
import io.flussjava.client.metadata.SchemaCache;
import io.flussjava.client.metadata.SchemaMapping;
import io.flussjava.exception.FlussException;
import io.flussjava.log.RowCodecs;
import io.flussjava.log.RowDecoder;
import io.flussjava.types.Schema;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decodes the values a primary-key table stores (an int16 little-endian schema id, then the row in
 * the table's kv format) to canonical rows of the table's schema. Lookups, limit scans and KV
 * snapshot reads all read such values; this is the one place that knows their layout.
 *
 * <p>A value written with another schema version is decoded with that version's schema (from the
 * connection's {@link SchemaCache}) and mapped to the table's schema by column id: columns added
 * after it was written read as null. Callers on a network thread make sure the schema is loaded
 * first ({@link #loadSchemaOf}); other callers may let {@link #decode} load it, waiting at most the
 * request timeout. Thread-safe.
 */
public final class StoredValueDecoder {
  private static final int SCHEMA_ID_BYTES = 2;

  private final TableInfo table;
  private final RowDecoder rowDecoder;
  private final SchemaCache schemas;
  private final Duration loadWait;
  private final Map<Integer, OtherVersion> otherVersions = new ConcurrentHashMap<>();

  /**
   * @param loadWait how long {@link #decode} may wait for a schema version it has to load
   */
  public StoredValueDecoder(TableInfo table, SchemaCache schemas, Duration loadWait) {
    this.table = table;
    this.rowDecoder = RowCodecs.decoder(table.getProperties(), table.getRowType());
    this.schemas = schemas;
    this.loadWait = loadWait;
  }

  /** The schema id a stored value was written with. */
  public static int schemaIdOf(byte[] buf, int offset) {
    return (buf[offset] & 0xFF) | (buf[offset + 1] & 0xFF) << 8;
  }

  /**
   * The load of the schema {@code value} was written with, or null when that schema is at hand (the
   * table's own, or loaded before): callers that must not wait call this first and decode once it
   * completes.
   */
  public CompletableFuture<Schema> loadSchemaOf(byte[] value) {
    int schemaId = schemaIdOf(value, 0);
    if (schemaId == table.getSchemaId()
        || schemas.getIfLoaded(table.getTableId(), schemaId) != null) {
      return null;
    }
    return schemas.load(table.getTablePath(), table.getTableId(), schemaId);
  }

  /** The canonical row held in {@code length} bytes of {@code buf} from {@code offset}. */
  public Object[] decode(byte[] buf, int offset, int length) {
    if (length < SCHEMA_ID_BYTES) {
      throw new FlussException(
          "A stored value of "
              + table.getTablePath()
              + " has "
              + length
              + " bytes, fewer than its schema id needs");
    }
    int schemaId = schemaIdOf(buf, offset);
    if (schemaId == table.getSchemaId()) {
      return rowDecoder.read(buf, offset + SCHEMA_ID_BYTES, length - SCHEMA_ID_BYTES);
    }
    OtherVersion other = otherVersions.computeIfAbsent(schemaId, this::otherVersion);
    return other.mapping.pick(
        other.decoder.read(buf, offset + SCHEMA_ID_BYTES, length - SCHEMA_ID_BYTES));
  }

  private OtherVersion otherVersion(int schemaId) {
    Schema schema = schemas.getIfLoaded(table.getTableId(), schemaId);
    if (schema == null) {
      schema =
          Futures.await(
              schemas.load(table.getTablePath(), table.getTableId(), schemaId),
              loadWait,
              "loading schema " + schemaId + " of " + table.getTablePath());
    }
    return new OtherVersion(
        RowCodecs.decoder(table.getProperties(), schema.getRowType()),
        SchemaMapping.of(table.getSchema(), null, schema));
  }

  /** How values of another schema version become rows of the table's schema. */
  private record OtherVersion(RowDecoder decoder, SchemaMapping mapping) {}
}
