package io.flussjava.rpc.internal;

import io.flussjava.exception.Errors;
import io.flussjava.exception.NetworkException;
import io.flussjava.rpc.protocol.ErrorResponse;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.nio.ByteBuffer;

/**
 * Reads response frames (length prefix already stripped) and hands them to the connection by type.
 * Runs on the channel's event loop; releases every frame it receives.
 */
final class ResponseHandler extends ChannelInboundHandlerAdapter {

  /** What the connection does with each kind of frame; all calls happen on the event loop. */
  interface Listener {
    /** A SUCCESS_RESPONSE: {@code body} is valid only during this call. */
    void onSuccess(int requestId, ByteBuffer body);

    /** An ERROR_RESPONSE for one request. */
    void onError(int requestId, RuntimeException error);

    /** A SERVER_FAILURE, or a frame this client cannot read: the connection is unusable. */
    void onConnectionFailure(RuntimeException error, boolean reportedByServer);

    void onChannelInactive();

    void onException(Throwable cause);
  }

  private final Listener listener;

  ResponseHandler(Listener listener) {
    this.listener = listener;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    ByteBuf frame = (ByteBuf) msg;
    try {
      dispatch(frame);
    } finally {
      frame.release();
    }
  }

  private void dispatch(ByteBuf frame) {
    if (!frame.isReadable()) {
      listener.onConnectionFailure(new NetworkException("Received an empty response frame"), false);
      return;
    }
    byte type = frame.readByte();
    switch (type) {
      case WireFormat.SUCCESS_RESPONSE:
        if (frame.readableBytes() < 4) {
          listener.onConnectionFailure(
              new NetworkException("Received a truncated response frame"), false);
          return;
        }
        int requestId = frame.readInt();
        listener.onSuccess(requestId, frame.nioBuffer());
        return;
      case WireFormat.ERROR_RESPONSE:
        if (frame.readableBytes() < 4) {
          listener.onConnectionFailure(
              new NetworkException("Received a truncated error frame"), false);
          return;
        }
        int failedId = frame.readInt();
        listener.onError(failedId, readError(frame));
        return;
      case WireFormat.SERVER_FAILURE:
        listener.onConnectionFailure(readError(frame), true);
        return;
      default:
        listener.onConnectionFailure(
            new NetworkException("Received a response frame of unknown type " + type), false);
    }
  }

  /**
   * The typed exception for an ErrorResponse body, or a NetworkException if the body is unreadable.
   */
  static RuntimeException readError(ByteBuf body) {
    try {
      ErrorResponse error = ErrorResponse.parser().parseFrom(body.nioBuffer());
      return Errors.exceptionFor(
          error.getErrorCode(), error.hasErrorMessage() ? error.getErrorMessage() : null);
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      return NetworkExceptions.withUnderlying(
          "Received an unreadable error response: " + e.getMessage(), e);
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    listener.onChannelInactive();
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    listener.onException(cause);
  }
}
