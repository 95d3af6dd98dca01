package io.flussjava.benchmarks.peer;

import io.flussjava.benchmarks.shared.Shape;
import java.util.function.Consumer;

/**
 * Appends (log table) or upserts (primary-key table, all inserts) freshly generated rows into a new
 * table, then checks that the table's log ends exactly at the row count.
 */
final class WriteWorkload extends Workload {
  private final boolean upsert;
  private final Shape shape;
  private final int rows;
  private final long seed;
  private final BenchTables tables;
  private final int lastRound;
  // Receives the official client's table of the last round (for the read workloads); null: drop
  // every table.
  private final Consumer<TableRef> keeper;

  WriteWorkload(
      String id,
      boolean upsert,
      Shape shape,
      int rows,
      long seed,
      BenchTables tables,
      int lastRound,
      Consumer<TableRef> keeper) {
    super(id, (upsert ? "upsert " : "append ") + shape);
    this.upsert = upsert;
    this.shape = shape;
    this.rows = rows;
    this.seed = seed;
    this.tables = tables;
    this.lastRound = lastRound;
    this.keeper = keeper;
  }

  @Override
  String size() {
    return count(rows) + " " + shape + " rows" + (upsert ? " (inserts, PK id)" : "");
  }

  @Override
  int bytesPerRow() {
    return shape.logicalBytes(null);
  }

  @Override
  RunResult run(ClientUnderTest client, int round) {
    String name = tableName(id(), client, round);
    TableRef table =
        upsert ? tables.createPrimaryKeyTable(name, shape) : tables.createLogTable(name, shape);
    boolean kept = false;
    try {
      RunResult result =
          upsert
              ? client.upsert(table, shape, rows, seed)
              : client.append(table, shape, rows, seed);
      long end = tables.logEndOffset(table);
      if (end != rows || result.rows() != rows) {
        throw new IllegalStateException(
            table
                + " holds "
                + end
                + " records after "
                + client
                + " wrote "
                + result.rows()
                + ", expected "
                + rows);
      }
      if (keeper != null && round == lastRound && client.name().equals(ClientUnderTest.OFFICIAL)) {
        keeper.accept(table);
        kept = true;
      }
      return result;
    } finally {
      if (!kept) {
        tables.drop(table);
      }
    }
  }
}
