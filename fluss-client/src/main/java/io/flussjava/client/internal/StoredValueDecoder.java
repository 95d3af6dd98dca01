package io.flussjava.client.internal;

import io.flussjava.client.admin.TableInfo;
import io.flussjava.exception.FlussException;
import io.flussjava.exception.UnknownSchemaIdException;
import io.flussjava.log.RowCodecs;
import io.flussjava.log.RowDecoder;

/**
 * Decodes the values a primary-key table stores (an int16 little-endian schema id, then the row in
 * the table's kv format) to canonical rows of the table's schema. Lookups and limit scans both read
 * such values; this is the one place that knows their layout. Thread-safe: it keeps no per-call
 * state.
 */
public final class StoredValueDecoder {
  private static final int SCHEMA_ID_BYTES = 2;

  private final TableInfo table;
  private final RowDecoder rowDecoder;

  public StoredValueDecoder(TableInfo table) {
    this.table = table;
    this.rowDecoder = RowCodecs.decoder(table.getProperties(), table.getRowType());
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
    int schemaId = (buf[offset] & 0xFF) | (buf[offset + 1] & 0xFF) << 8;
    if (schemaId != table.getSchemaId()) {
      throw new UnknownSchemaIdException(
          schemaId,
          "Row of "
              + table.getTablePath()
              + " was written with schema "
              + schemaId
              + " but this client knows schema "
              + table.getSchemaId()
              + ": get a fresh Table from the connection after altering the table.");
    }
    return rowDecoder.read(buf, offset + SCHEMA_ID_BYTES, length - SCHEMA_ID_BYTES);
  }
}
