package io.flussjava.client.scan;

/** Configures a scan of a table: {@code table.newScan().project("id", "name").createLogScanner()}. */
public interface TableScan {

  /**
   * Reads only these columns, in this order. For ARROW tables the server drops the other columns before sending.
   *
   * @throws IllegalArgumentException for an unknown or repeated column
   */
  TableScan project(String... columns);

  /** Like {@link #project(String...)} by column index. */
  TableScan project(int... columnIndexes);

  LogScanner createLogScanner();
}
