package io.flussjava.arrow;

import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;

/** Reads a byte range of a buffer as a channel, for Arrow's {@code ReadChannel}. Reusable via {@link #reset}. */
final class ByteBufferInputChannel implements ReadableByteChannel {
  private ByteBuffer source;
  private int position;
  private int end;

  ByteBufferInputChannel reset(ByteBuffer buffer, int from, int to) {
    this.source = buffer;
    this.position = from;
    this.end = to;
    return this;
  }

  @Override
  public int read(ByteBuffer target) {
    if (position >= end) {
      return -1;
    }
    int length = Math.min(target.remaining(), end - position);
    target.put(target.position(), source, position, length);
    target.position(target.position() + length);
    position += length;
    return length;
  }

  @Override
  public boolean isOpen() {
    return true;
  }

  @Override
  public void close() {}
}
