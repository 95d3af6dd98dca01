package io.flussjava.client.scan;

/**
 * Configures a scan of a table: {@code table.newScan().project("id", "name").createLogScanner()}.
 * Immutable: each method returns a new spec.
 *
 * <pre>{@code
 * // streaming: read for ever from the chosen offsets
 * LogScanner scanner = table.newScan().project("id", "name").createLogScanner();
 * // batch: everything in the table when the reader starts, then end
 * try (BoundedReader reader = table.newScan().createBoundedReader()) {
 *   reader.forEachRemaining(System.out::println);
 * }
 * // the first 10 rows found, then end
 * try (BoundedReader reader = table.newScan().limit(10).createBoundedReader()) { ... }
 * }</pre>
 */
public interface TableScan {

  /**
   * Reads only these columns, in this order. For ARROW tables the server drops the other columns
   * before sending.
   *
   * @throws IllegalArgumentException for an unknown or repeated column
   */
  TableScan project(String... columns);

  /** Like {@link #project(String...)} by column index. */
  TableScan project(int... columnIndexes);

  /**
   * Returns at most {@code n} records in total over all buckets read, then ends. With {@link
   * #createLogScanner()} the scanner's polls return nothing once n records were returned and {@link
   * LogScanner#isEndReached()} turns true (until then it waits for more records like any scanner);
   * with the bounded readers the reader ends after n records or at its end offsets, whichever comes
   * first. Which n records is not defined beyond each bucket's offset order: buckets are read side
   * by side.
   *
   * @throws IllegalArgumentException if {@code n} is negative
   */
  TableScan limit(long n);

  /**
   * A scanner that reads the subscribed buckets from the offsets the caller chooses, for ever (or
   * up to a limit).
   */
  LogScanner createLogScanner();

  /**
   * A reader of every record the table holds when it starts: it lists each bucket's earliest and
   * latest offset (for a partitioned table: of every partition existing then), reads each bucket up
   * to that latest offset and ends. Records appended meanwhile are not read. The iterator's {@code
   * hasNext()} waits for the next record or the end.
   *
   * <pre>{@code
   * try (BoundedReader reader = table.newScan().project("id").createBoundedReader()) {
   *   while (reader.hasNext()) {
   *     ScanRecord record = reader.next();
   *   }
   * }
   * }</pre>
   */
  BoundedReader createBoundedReader();

  /**
   * The Arrow form of {@link #createBoundedReader()}: the same records as Arrow batches (see {@link
   * LogScanner#pollBatches}), for ARROW tables.
   *
   * @throws io.flussjava.exception.InvalidTableOperationException if the table's log format is not
   *     ARROW
   */
  BoundedArrowReader createBoundedArrowReader();
}
