package io.flussjava.log;

/**
 * One log record format ({@code table.log.format}): how records are laid out after the batch
 * header. The built-ins are ARROW, INDEXED and COMPACTED; {@link LogFormats} finds a codec by name.
 * Implementations must be stateless and thread-safe: all state lives in the writers and readers
 * they create.
 */
public interface LogFormatCodec {
  /**
   * The format's name as the table property spells it, e.g. {@code ARROW}. Compared
   * case-insensitively.
   */
  String name();

  /** A new writer for the context's table; the caller closes it. */
  LogBatchWriter createWriter(LogWriteContext context);

  /** A new reader for the context's table and projection; the caller closes it. */
  LogBatchReader createReader(LogReadContext context);
}
