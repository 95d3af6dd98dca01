package io.flussjava.client;

import io.flussjava.client.admin.TableInfo;
import io.flussjava.client.internal.RowPresenter;
import io.flussjava.client.internal.StoredValueDecoder;

/**
 * Decodes the values a primary-key table keeps in its key-value store (what lookups answer with and
 * KV snapshot files hold) to rows as scanners hand them out: the chosen columns, as the
 * connection's Java types. For readers of such values outside this module (fluss-kv-snapshot); an
 * application reads rows through scans and lookups instead. Thread-safe.
 */
public final class StoredRowDecoder {
  private final StoredValueDecoder values;
  private final RowPresenter output;

  private StoredRowDecoder(Table table, int[] projection) {
    TableInfo info = table.getTableInfo();
    this.values =
        new StoredValueDecoder(
            info, table.connection().metadata().schemas(), table.connection().requestTimeout());
    this.output =
        new RowPresenter(info.getRowType(), projection, table.connection().typeConverters());
  }

  /**
   * A decoder of {@code table}'s values to rows of {@code columns} in this order, or of every
   * column when none are named.
   *
   * @throws IllegalArgumentException if a name is not a column of the table
   */
  public static StoredRowDecoder of(Table table, String... columns) {
    return new StoredRowDecoder(
        table, columns.length == 0 ? null : table.columnIndexes("StoredRowDecoder.of", columns));
  }

  /**
   * The row held in {@code length} bytes of {@code buf} from {@code offset} (a schema id, then the
   * row in the table's kv format).
   *
   * <p>A value written with another schema version is decoded with that version's schema (loaded
   * once from the coordinator, waiting at most the request timeout) and mapped to the table's
   * schema: columns added after it was written read as null.
   *
   * @throws io.flussjava.exception.SchemaNotExistException if the coordinator has no such schema
   */
  public Object[] decode(byte[] buf, int offset, int length) {
    return output.present(values.decode(buf, offset, length));
  }
}
