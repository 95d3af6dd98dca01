package io.flussjava.client.admin;

/** How a table's log is stored and shipped ({@code table.log.format}). */
public enum LogFormat {
  /** Columnar Arrow batches (the default): compressible, supports server-side projection. */
  ARROW,
  /** Row-oriented records with fixed offsets per field. */
  INDEXED,
  /** Row-oriented records with variable-length encoding. */
  COMPACTED
}
