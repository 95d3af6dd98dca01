package io.flussjava.benchmarks.peer;

/** A table both clients can open: where the cluster is and the table's path. */
record TableRef(String bootstrap, String database, String table) {
  @Override
  public String toString() {
    return database + "." + table;
  }
}
