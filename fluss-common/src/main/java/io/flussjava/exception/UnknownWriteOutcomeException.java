package io.flussjava.exception;

/**
 * It is unknown whether the records of a failed write were written: an earlier attempt reached the
 * server without an answer (lost response, timeout, dropped connection) and the server can no
 * longer tell whether it kept that attempt (its writer state moved on or was lost, so the client
 * had to start over with a new writer id). The client gives up on such a batch rather than send it
 * again under the new writer id, which could write it twice.
 *
 * <p>The records may be in the table exactly once, or not at all; never twice. Callers that must
 * know read the table (e.g. look the keys up, or scan the bucket) before writing them again. Other
 * write failures mean "not written" unless they are a {@link TimeoutException} for a record that
 * was sent.
 */
public class UnknownWriteOutcomeException extends FlussException {
  private static final long serialVersionUID = 1L;

  public UnknownWriteOutcomeException(String message, Throwable cause) {
    super(message, cause);
  }
}
