package io.flussjava.rpc.internal;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.MessageLite;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/**
 * Byte layout of Fluss RPC frames. Every frame starts with a big-endian int32 length that counts
 * the bytes after it.
 *
 * <pre>
 * request:  length | int16 api key | int16 api version | int32 request id | protobuf body
 * response: length | int8 type (0 success, 1 error, 2 server failure) | int32 request id (types 0, 1) | protobuf body
 * </pre>
 */
public final class WireFormat {
  private WireFormat() {}

  public static final int LENGTH_FIELD_BYTES = 4;
  public static final int REQUEST_HEADER_BYTES = 8;

  public static final byte SUCCESS_RESPONSE = 0;
  public static final byte ERROR_RESPONSE = 1;

  /**
   * Sent when the server's pipeline fails; carries no request id, and the server closes the
   * connection after it.
   */
  public static final byte SERVER_FAILURE = 2;

  /**
   * Encodes one request frame into a single buffer from {@code allocator}, sized exactly: the
   * protobuf body is serialized straight into the buffer's memory, with no intermediate byte array.
   */
  public static ByteBuf encodeRequest(
      ByteBufAllocator allocator, short apiKey, short apiVersion, int requestId, MessageLite body) {
    int bodySize = body.getSerializedSize();
    int frameSize = LENGTH_FIELD_BYTES + REQUEST_HEADER_BYTES + bodySize;
    ByteBuf frame = allocator.ioBuffer(frameSize, frameSize);
    try {
      frame.writeInt(REQUEST_HEADER_BYTES + bodySize);
      frame.writeShort(apiKey);
      frame.writeShort(apiVersion);
      frame.writeInt(requestId);
      writeBody(frame, body, bodySize);
      return frame;
    } catch (RuntimeException | Error e) {
      frame.release();
      throw e;
    }
  }

  private static void writeBody(ByteBuf frame, MessageLite body, int bodySize) {
    if (bodySize == 0) {
      return;
    }
    int start = frame.writerIndex();
    try {
      if (frame.nioBufferCount() == 1) {
        // One contiguous region (the normal case for pooled buffers): protobuf writes into it
        // directly.
        ByteBuffer target = frame.nioBuffer(start, bodySize);
        CodedOutputStream out = CodedOutputStream.newInstance(target);
        body.writeTo(out);
        out.checkNoSpaceLeft();
        frame.writerIndex(start + bodySize);
      } else {
        CodedOutputStream out =
            CodedOutputStream.newInstance(new ByteBufOutputStream(frame), Math.min(bodySize, 8192));
        body.writeTo(out);
        out.flush();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serialize " + body.getClass().getSimpleName(), e);
    }
  }
}
