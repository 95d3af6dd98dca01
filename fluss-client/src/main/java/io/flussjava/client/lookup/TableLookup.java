package io.flussjava.client.lookup;

/** Configures lookups on a primary-key table: {@code table.newLookup().createLookuper()}. */
public interface TableLookup {

  /**
   * Looks up by a prefix of the primary key instead of the whole key. The columns must be the
   * table's bucket key, which must itself be a prefix of the primary key (declare the table with
   * {@code distributedBy(n, cols)}).
   *
   * @throws IllegalArgumentException when the columns are not such a prefix, naming what they must
   *     be
   */
  PrefixLookup lookupBy(String... columns);

  /**
   * A lookuper by whole primary key.
   *
   * @throws io.flussjava.exception.NonPrimaryKeyTableException for a log table
   */
  Lookuper createLookuper();

  /** Creates prefix lookupers. */
  interface PrefixLookup {
    PrefixLookuper createLookuper();
  }
}
