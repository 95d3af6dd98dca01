package io.flussjava.benchmarks.peer;

import io.flussjava.benchmarks.shared.Shape;

/**
 * The tables that read workloads share: the NARROW log table every scan reads and the primary-key
 * table every lookup reads. The write workloads hand over a table the official client wrote in
 * their last round (so both clients read data laid out by the reference client); when those
 * workloads were not run, the table is written here with fluss-java, untimed.
 */
final class Fixtures {
  private final BenchTables tables;
  private final ClientUnderTest filler;
  private final long seed;
  private final int scanRows;
  private final int lookupRows;
  private TableRef scanSource;
  private TableRef lookupTable;

  Fixtures(BenchTables tables, ClientUnderTest filler, long seed, int scanRows, int lookupRows) {
    this.tables = tables;
    this.filler = filler;
    this.seed = seed;
    this.scanRows = scanRows;
    this.lookupRows = lookupRows;
  }

  /**
   * Keeps {@code table} (holding {@code scanRows} NARROW rows) as the scan source, dropping the
   * previous one.
   */
  void offerScanSource(TableRef table) {
    if (scanSource != null) {
      tables.drop(scanSource);
    }
    scanSource = table;
  }

  /** Keeps {@code table} (holding {@code lookupRows} upserted NARROW rows) for the lookups. */
  void offerLookupTable(TableRef table) {
    if (lookupTable != null) {
      tables.drop(lookupTable);
    }
    lookupTable = table;
  }

  TableRef scanSource() {
    if (scanSource == null) {
      System.out.printf(
          "preparing the scan table: %,d NARROW rows appended with %s (untimed)%n",
          scanRows, filler);
      TableRef t = tables.createLogTable("scan_source", Shape.NARROW);
      filler.append(t, Shape.NARROW, scanRows, seed);
      scanSource = t;
    }
    return scanSource;
  }

  TableRef lookupTable() {
    if (lookupTable == null) {
      System.out.printf(
          "preparing the lookup table: %,d NARROW rows upserted with %s (untimed)%n",
          lookupRows, filler);
      TableRef t = tables.createPrimaryKeyTable("lookup_source", Shape.NARROW);
      filler.upsert(t, Shape.NARROW, lookupRows, seed);
      lookupTable = t;
    }
    return lookupTable;
  }
}
