package io.flussjava.log;

import io.flussjava.types.codec.ByteArrayOutput;

/** Appends one row, in some binary row format, to an output. */
public interface RowEncoder {
  /** Writes the canonical values of one row; the caller has checked the arity. */
  void write(Object[] row, ByteArrayOutput out);
}
