package io.flussjava.types.codec;

import io.flussjava.types.RowType;

/**
 * CompactedRow as the encoding of nested ROW values, in CompactedRow fields and in the arrays and
 * maps inside them.
 */
final class CompactedRowCodec implements NestedRowCodec {
  private final CompactedRowWriter writer;
  private final CompactedRowReader reader;

  CompactedRowCodec(RowType rowType) {
    this.writer = new CompactedRowWriter(rowType);
    this.reader = new CompactedRowReader(rowType);
  }

  @Override
  public void writeRow(Object[] values, ByteArrayOutput out) {
    writer.writeRow(values, out);
  }

  @Override
  public Object[] readRow(byte[] bytes, int offset, int length) {
    return reader.read(bytes, offset, length);
  }
}
