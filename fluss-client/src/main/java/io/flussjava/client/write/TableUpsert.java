package io.flussjava.client.write;

/**
 * Creates upsert writers for a primary-key table: {@code table.newUpsert().createWriter()}, or with
 * {@link #partialUpdate} to write only some columns.
 */
public interface TableUpsert {

  /**
   * Writes only the named columns; the others keep their stored values (null for new keys). The
   * primary-key columns must be among them.
   *
   * @throws IllegalArgumentException for an unknown column or when a primary-key column is missing
   */
  TableUpsert partialUpdate(String... columns);

  /**
   * A new writer sharing the connection's write pipeline.
   *
   * @throws io.flussjava.exception.NonPrimaryKeyTableException if the table is a log table (use
   *     {@code newAppend()})
   */
  UpsertWriter createWriter();
}
