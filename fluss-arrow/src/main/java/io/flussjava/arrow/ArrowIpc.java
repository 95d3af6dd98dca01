package io.flussjava.arrow;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import org.apache.arrow.flatbuf.Buffer;
import org.apache.arrow.flatbuf.Message;
import org.apache.arrow.flatbuf.MessageHeader;
import org.apache.arrow.flatbuf.RecordBatch;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.message.ArrowBuffer;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.ipc.message.IpcOption;
import org.apache.arrow.vector.ipc.message.MessageSerializer;

/**
 * One encapsulated Arrow IPC RecordBatch message, as Fluss stores it: the {@code 0xFFFFFFFF}
 * continuation, the int32 LE metadata length (padded so that the body starts 8-aligned), the
 * flatbuffer {@code Message}, then the body buffers at their 8-aligned offsets. Arrow's own stream
 * classes produce the same bytes, but they go through {@code ArrowBuf.nioBuffer}, which needs
 * {@code --add-opens java.base/java.nio} on Java 17; this class copies with {@code
 * ArrowBuf.getBytes / setBytes} instead, so no JVM flag is needed.
 */
final class ArrowIpc {
  private static final int CONTINUATION = 0xFFFFFFFF;
  private static final int ALIGNMENT = 8;

  private ArrowIpc() {}

  /** Appends the message for {@code batch} to {@code out}. */
  static void write(ArrowRecordBatch batch, HeapOutputChannel out) {
    ByteBuffer metadata = MessageSerializer.serializeMetadata(batch, IpcOption.DEFAULT);
    int metadataLength = metadata.remaining();
    int paddedLength = align(metadataLength);
    int messageStart = out.position();
    out.writeIntLE(CONTINUATION);
    out.writeIntLE(paddedLength);
    out.write(metadata);
    out.writeZeros(paddedLength - metadataLength);
    int bodyStart = out.position();
    List<ArrowBuf> buffers = batch.getBuffers();
    List<ArrowBuffer> layout = batch.getBuffersLayout();
    for (int i = 0; i < buffers.size(); i++) {
      ArrowBuf buffer = buffers.get(i);
      int target = bodyStart + (int) layout.get(i).getOffset();
      out.writeZeros(target - out.position());
      int length = (int) buffer.readableBytes();
      if (length != layout.get(i).getSize()) {
        throw new IllegalStateException(
            "Arrow buffer "
                + i
                + " has "
                + length
                + " bytes, its layout says "
                + layout.get(i).getSize());
      }
      out.write(buffer, buffer.readerIndex(), length);
    }
    out.writeZeros(align(out.position() - messageStart) - (out.position() - messageStart));
  }

  /**
   * Reads the message in {@code source[from, to)} into a record batch whose buffers live in {@code
   * allocator}; the caller closes it.
   *
   * @throws IOException if the bytes are not one well-formed RecordBatch message
   */
  static ArrowRecordBatch read(ByteBuffer source, int from, int to, BufferAllocator allocator)
      throws IOException {
    int position = from;
    if (to - position < 8) {
      throw new IOException("an Arrow IPC message needs at least 8 bytes, got " + (to - position));
    }
    int metadataLength = source.getInt(position);
    position += 4;
    if (metadataLength == CONTINUATION) {
      metadataLength = source.getInt(position);
      position += 4;
    }
    if (metadataLength <= 0 || metadataLength > to - position) {
      throw new IOException("bad Arrow IPC metadata length " + metadataLength);
    }
    Message message = Message.getRootAsMessage(source.slice(position, metadataLength));
    if (message.headerType() != MessageHeader.RecordBatch) {
      throw new IOException(
          "expected an Arrow RecordBatch message, got header type " + message.headerType());
    }
    position += metadataLength;
    long bodyLength = message.bodyLength();
    if (bodyLength < 0 || bodyLength > to - position) {
      throw new IOException(
          "the Arrow body of " + bodyLength + " bytes runs past the " + (to - position) + " left");
    }
    RecordBatch recordBatch = (RecordBatch) message.header(new RecordBatch());
    Buffer buffer = new Buffer();
    for (int i = 0; i < recordBatch.buffersLength(); i++) {
      recordBatch.buffers(buffer, i);
      if (buffer.offset() < 0
          || buffer.length() < 0
          || buffer.offset() + buffer.length() > bodyLength) {
        throw new IOException(
            "Arrow buffer " + i + " lies outside the " + bodyLength + "-byte body");
      }
    }
    ArrowBuf body = allocator.buffer(bodyLength);
    try {
      copyInto(body, source, position, (int) bodyLength);
      body.writerIndex(bodyLength);
    } catch (RuntimeException e) {
      body.close();
      throw e;
    }
    try {
      return MessageSerializer.deserializeRecordBatch(
          recordBatch, body); // takes over the body's reference
    } catch (IOException | RuntimeException e) {
      body.close(); // only released on success: a rejected message would otherwise leak its body
      throw e;
    }
  }

  // Read-only and direct buffers (what fetched records arrive in) must not go through
  // ArrowBuf.setBytes(ByteBuffer):
  // it copies a read-only heap buffer byte by byte and needs --add-opens for a direct one. Bulk
  // copies through a
  // small per-thread array are plain memcpy for every kind of buffer.
  private static final ThreadLocal<byte[]> SCRATCH =
      ThreadLocal.withInitial(() -> new byte[64 * 1024]);

  private static void copyInto(ArrowBuf target, ByteBuffer source, int from, int length) {
    if (source.hasArray()) {
      target.setBytes(0, source.array(), source.arrayOffset() + from, length);
      return;
    }
    byte[] scratch = SCRATCH.get();
    ByteBuffer view = source.duplicate();
    view.position(from);
    for (int done = 0; done < length; ) {
      int n = Math.min(scratch.length, length - done);
      view.get(scratch, 0, n);
      target.setBytes(done, scratch, 0, n);
      done += n;
    }
  }

  private static int align(int length) {
    return (length + ALIGNMENT - 1) & -ALIGNMENT;
  }
}
