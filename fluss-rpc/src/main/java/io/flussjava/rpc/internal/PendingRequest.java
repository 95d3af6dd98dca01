package io.flussjava.rpc.internal;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageLite;
import com.google.protobuf.UnsafeByteOperations;
import io.flussjava.exception.FlussException;
import io.flussjava.rpc.ApiMethod;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

/**
 * One request from the moment it is sent until its future completes. Created on the caller's
 * thread; every field but {@link #future} is then touched only by the connection's event loop.
 *
 * <p>It is its own timeout task ({@link #run()}), so that arming a deadline allocates nothing
 * beyond Netty's scheduled-task entry.
 */
final class PendingRequest<Resp extends MessageLite> implements Runnable {
  final ApiMethod<?, Resp> method;
  final CompletableFuture<Resp> future = new CompletableFuture<>();
  final long timeoutNanos;

  /**
   * {@link System#nanoTime()} by which an answer must have arrived; fixed when the caller sends.
   */
  final long deadlineNanos;

  /**
   * Dropped once written, so that a large request body is not kept alive while waiting for its
   * answer.
   */
  MessageLite request;

  /**
   * -1 until the request is written; then the key of this request in the connection's in-flight
   * map.
   */
  int requestId = -1;

  private final NettyServerConnection owner;
  private ScheduledFuture<?> timeoutTask;

  PendingRequest(
      NettyServerConnection owner,
      ApiMethod<?, Resp> method,
      MessageLite request,
      long timeoutNanos,
      long now) {
    this.owner = owner;
    this.method = method;
    this.request = request;
    this.timeoutNanos = timeoutNanos;
    this.deadlineNanos = now + timeoutNanos;
  }

  /** Event loop: starts the deadline timer unless it is already running. */
  void armTimeout(io.netty.channel.EventLoop loop) {
    if (timeoutTask == null) {
      long remaining = Math.max(0, deadlineNanos - System.nanoTime());
      timeoutTask = loop.schedule(this, remaining, java.util.concurrent.TimeUnit.NANOSECONDS);
    }
  }

  /** Event loop: the deadline passed. */
  @Override
  public void run() {
    timeoutTask = null;
    owner.onRequestTimeout(this);
  }

  /** Event loop: parses the response body and completes the future with it. */
  void completeWith(ByteBuffer body) {
    cancelTimeout();
    Resp response;
    try {
      response = method.responseParser().parseFrom(aliasingInput(body));
    } catch (InvalidProtocolBufferException e) {
      future.completeExceptionally(
          new FlussException(
              "Cannot read the " + method.displayName() + " response: " + e.getMessage(), e));
      return;
    }
    future.complete(response);
  }

  /**
   * The body copied once out of Netty's buffer (which is reused as soon as this returns) into an
   * array of its own, which the parsed message may then share: its bytes fields (the records of a
   * fetch, the rows of a lookup) point into that array instead of being copied a second time.
   */
  private static CodedInputStream aliasingInput(ByteBuffer body) {
    byte[] bytes = new byte[body.remaining()];
    body.duplicate().get(bytes);
    CodedInputStream input = UnsafeByteOperations.unsafeWrap(bytes).newCodedInput();
    input.enableAliasing(true);
    return input;
  }

  /** Any thread: completes the future exceptionally (no-op if it is already done). */
  void fail(Throwable cause) {
    future.completeExceptionally(cause);
  }

  /** Event loop: fails the request and stops its timer. */
  void failAndCancelTimeout(Throwable cause) {
    cancelTimeout();
    fail(cause);
  }

  private void cancelTimeout() {
    if (timeoutTask != null) {
      timeoutTask.cancel(false);
      timeoutTask = null;
    }
  }
}
