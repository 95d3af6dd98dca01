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
 * // 10 current rows of a primary-key table (or the last 10 records of a log table), then end
 * try (BoundedReader reader = table.newScan().limit(10).createBoundedReader()) { ... }
 * // the first 1000 changelog records found, then end
 * try (BoundedReader reader = table.newScan().maxRecords(1000).createBoundedReader()) { ... }
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
   * Reads at most {@code n} records of the changelog in total over all buckets read, then ends.
   * With {@link #createLogScanner()} the scanner's polls return nothing once n records were
   * returned and {@link LogScanner#isEndReached()} turns true (until then it waits for more records
   * like any scanner); with the bounded readers the reader ends after n records or at its end
   * offsets, whichever comes first. Which n records is not defined beyond each bucket's offset
   * order: buckets are read side by side.
   *
   * <p>Not the same as {@link #limit(int)}: on a primary-key table the changelog holds every
   * insert, update and delete, not the table's rows.
   *
   * @throws IllegalArgumentException if {@code n} is negative
   */
  TableScan maxRecords(long n);

  /**
   * A limit scan, as in the official Fluss clients: {@link #createBoundedReader()} then returns at
   * most {@code n} <em>current rows</em> of a primary-key table (any n rows of its key-value store,
   * each once, with change type {@code INSERT} and no offset: {@link ScanRecord#offset()} is -1),
   * or the <em>last</em> {@code n} records of a log table (each bucket's last n, of which the n
   * newest by commit timestamp when the buckets hold more together, bucket by bucket in offset
   * order). Each bucket's leader answers from its own store in one request, so this is the cheap
   * way to peek at a table. The rows are read when the reader's {@code hasNext()} is first called
   * and held in memory: keep n moderate.
   *
   * <p>Only {@link #createBoundedReader()} reads a limit scan; to stop a scanner after n changelog
   * records, use {@link #maxRecords(long)}.
   *
   * @throws IllegalArgumentException if {@code n} is negative
   */
  TableScan limit(int n);

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
