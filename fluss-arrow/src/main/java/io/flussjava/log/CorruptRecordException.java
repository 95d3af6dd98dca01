package io.flussjava.log;

import io.flussjava.exception.FlussException;

/**
 * A log batch that cannot be trusted or decoded: a CRC-32C mismatch, an unknown magic byte, an
 * impossible length, or a record payload that does not parse. The message names the batch's base
 * offset.
 */
public class CorruptRecordException extends FlussException {
  private static final long serialVersionUID = 1L;

  private final long baseOffset;

  public CorruptRecordException(long baseOffset, String message) {
    super("corrupt log batch at offset " + baseOffset + ": " + message);
    this.baseOffset = baseOffset;
  }

  public CorruptRecordException(long baseOffset, String message, Throwable cause) {
    super("corrupt log batch at offset " + baseOffset + ": " + message, cause);
    this.baseOffset = baseOffset;
  }

  /** The base offset of the offending batch. */
  public long baseOffset() {
    return baseOffset;
  }
}
