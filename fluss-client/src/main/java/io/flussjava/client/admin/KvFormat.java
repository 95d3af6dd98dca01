package io.flussjava.client.admin;

/** How a primary-key table stores its rows ({@code table.kv.format}). */
public enum KvFormat {
  /** Variable-length row encoding (the default). */
  COMPACTED,
  /** Row encoding with fixed offsets per field. */
  INDEXED
}
